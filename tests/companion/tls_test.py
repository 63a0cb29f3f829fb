#!/usr/bin/python3
"""With tls_cert and tls_key set, the phone page is HTTPS only: a client that trusts the certificate gets the page
with its security headers and a Secure pairing cookie; a plain-HTTP client gets no page.

usage: tls_test.py TEST_SERVER_BINARY WORK_DIR
"""
import http.client
import os
import re
import shutil
import ssl
import subprocess
import sys
import urllib.parse


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    server_binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    openssl = shutil.which("openssl")
    if not openssl:
        print("SKIP: openssl is not installed (scripts/setup installs it)")
        return 77
    cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    server = subprocess.Popen([server_binary, "--tls", cert, key], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        port, _, pair = server.stdout.readline().split()
        context = ssl.create_default_context(cafile=cert)
        conn = http.client.HTTPSConnection("127.0.0.1", int(port), context=context, timeout=10)
        conn.request("GET", "/pair/" + pair)
        response = conn.getresponse()
        page = response.read().decode()
        if response.status != 200 or "default-src 'none'" not in response.getheader("Content-Security-Policy", ""):
            fail("the HTTPS page did not come back with its headers (status %d)" % response.status)
        token = re.search(r'name="form" value="([^"]+)"', page).group(1)
        conn.request("POST", "/pair/" + pair, body=urllib.parse.urlencode({"form": token}),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = conn.getresponse()
        response.read()
        cookie = response.getheader("Set-Cookie", "")
        if response.status != 303 or "; Secure" not in cookie:
            fail("pairing over HTTPS did not set a Secure cookie: %d %r" % (response.status, cookie))
        conn.close()
        plain = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
        try:
            plain.request("GET", "/")
            answer = plain.getresponse()
            if answer.status == 200:
                fail("the TLS port served a page over plain HTTP")
        except (http.client.HTTPException, OSError):
            pass  # refused: what we want
        print("PASS: HTTPS only, security headers and a Secure pairing cookie")
        return 0
    finally:
        server.communicate("", timeout=30)


if __name__ == "__main__":
    sys.exit(main())
