#!/usr/bin/python3
"""Load generator for scripts/bench-companion: PHONES simulated phones on loopback each write EACH contributions at
random moments over SECONDS (write form, preview, send, thank-you, each phone on its own keep-alive connection).
Reports lost and duplicated submissions, the p50/p95/max time from pressing send to the "Saved" (thank-you) page,
and the idle server's CPU use afterwards.

usage: load.py SERVER_BINARY [--phones 80] [--each 5] [--seconds 60] [--idle 10]
"""
import argparse
import http.client
import os
import random
import re
import subprocess
import threading
import time
import urllib.parse

FORM = re.compile(r'name="form" value="([^"]+)"')
CHECKED = re.compile(r'name="checked" value="([^"]+)"')


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Phone(threading.Thread):
    def __init__(self, index, port, join, moments, results):
        super().__init__(daemon=True)
        self.index, self.port, self.token, self.moments, self.results = index, port, join, moments, results

    def request(self, conn, method, path, body=None):
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("Location"), response.read().decode("utf-8")

    def run(self):
        start = time.monotonic()
        for number, moment in enumerate(self.moments):
            delay = start + moment - time.monotonic()
            if delay > 0:
                time.sleep(delay)  # the load generator paces itself; the test suite never runs this
            # A fresh connection per contribution: the server closes idle keep-alive connections after 15 s, and a
            # phone's browser would reconnect rather than reuse a socket it had left for a minute.
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            text = "Phone %d, note %d: the handover was hard and the team held it together." % (self.index, number)
            try:
                _, _, page = self.request(conn, "GET", "/j/%s/write" % self.token)
                body = urllib.parse.urlencode({"form": FORM.search(page).group(1), "text": text})
                _, _, page = self.request(conn, "POST", "/j/%s/preview" % self.token, body)
                body = urllib.parse.urlencode({"form": FORM.search(page).group(1),
                                               "checked": CHECKED.search(page).group(1), "text": text})
                sent = time.monotonic()
                status, location, _ = self.request(conn, "POST", "/j/%s/send" % self.token, body)
                if status != 303:
                    self.results.append(("refused", status))
                    continue
                status, _, page = self.request(conn, "GET", location)
                if status == 200 and "Thank you" in page:
                    self.results.append(("saved", time.monotonic() - sent))
                else:
                    self.results.append(("refused", status))
            except Exception as error:  # noqa: BLE001 - counted, not hidden
                self.results.append(("error", str(error)))
            finally:
                conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--phones", type=int, default=80)
    parser.add_argument("--each", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--idle", type=float, default=10)
    args = parser.parse_args()

    server = subprocess.Popen([args.server, "--bench"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port, join, _ = server.stdout.readline().split()
    rng = random.Random(7)
    results = []
    phones = [Phone(i, int(port), join, sorted(rng.uniform(0, args.seconds) for _ in range(args.each)), results)
              for i in range(args.phones)]
    cpu_before = cpu_seconds(server.pid)
    began = time.monotonic()
    for phone in phones:
        phone.start()
    for phone in phones:
        phone.join(timeout=args.seconds + 120)
    busy_wall = time.monotonic() - began
    busy_cpu = cpu_seconds(server.pid) - cpu_before
    idle_before = cpu_seconds(server.pid)
    time.sleep(args.idle)
    idle_cpu = cpu_seconds(server.pid) - idle_before
    out, _ = server.communicate("", timeout=30)
    summary = out.strip().splitlines()[-1].split()
    stored, duplicates = int(summary[1]), int(summary[3])

    latencies = sorted(value for kind, value in results if kind == "saved")
    problems = [value for kind, value in results if kind != "saved"]
    wanted = args.phones * args.each

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    print("phones %d x %d contributions over %.0f s (took %.1f s)" % (args.phones, args.each, args.seconds, busy_wall))
    print("saved pages %d of %d, kiosk received %d, lost %d, duplicated %d, refused or failed %d"
          % (len(latencies), wanted, stored, wanted - stored, duplicates, len(problems)))
    print("send -> Saved page: p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (pct(0.50), pct(0.95), pct(1.0)))
    print("server CPU under load: %.2f s over %.1f s (%.1f %% of one core)"
          % (busy_cpu, busy_wall, 100 * busy_cpu / busy_wall))
    print("idle server CPU: %.3f s over %.0f s (%.2f %% of one core)"
          % (idle_cpu, args.idle, 100 * idle_cpu / args.idle))
    if problems:
        print("first problems: %s" % problems[:5])
    return 0 if stored == wanted and duplicates == 0 and not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
