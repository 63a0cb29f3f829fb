#!/usr/bin/python3
"""Load generator for scripts/bench-companion: PHONES simulated phones on loopback each write EACH contributions at
random moments over SECONDS (write form, preview, send, thank-you, each phone on its own keep-alive connection).
Reports lost and duplicated submissions, the p50/p95/max time from pressing send to the "Saved" (thank-you) page,
and the idle server's CPU use afterwards.

With --kiosk BINARY the same load (same seed) runs twice in one go: first against the test server over a fake kiosk
(the baseline), then against the real reflect-kiosk under xvfb-run with --listen on loopback and a throwaway --db,
driven to open contributions with xdotool. Each phone of the real run sends from its own loopback address
(127.0.0.2, 127.0.0.3, ...), as phones on the room's Wi-Fi would, so the kiosk's per-address limits apply as
shipped. For the kiosk it reports saved, lost and duplicated (read back from the database), the send -> "Saved"
times, and its frame loop's cost: CPU of the kiosk process from /proc/PID/stat while idle with contributions open
and while under load.

usage: load.py SERVER_BINARY [--kiosk KIOSK_BINARY] [--phones 80] [--each 5] [--seconds 60] [--idle 10]
"""
import argparse
import http.client
import os
import queue
import random
import re
import signal
import sqlite3
import subprocess
import tempfile
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
    def __init__(self, index, port, join, moments, results, source=None):
        super().__init__(daemon=True)
        self.index, self.port, self.token, self.moments, self.results = index, port, join, moments, results
        self.source = (source, 0) if source else None

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
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=self.source)
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


def run_phones(port, join, args, own_addresses):
    """Runs the phones; returns (results, wall seconds)."""
    rng = random.Random(7)
    results = []
    phones = [Phone(i, port, join, sorted(rng.uniform(0, args.seconds) for _ in range(args.each)), results,
                    "127.0.0.%d" % (2 + i) if own_addresses else None)
              for i in range(args.phones)]
    began = time.monotonic()
    for phone in phones:
        phone.start()
    for phone in phones:
        phone.join(timeout=args.seconds + 120)
    return results, time.monotonic() - began


def summarise(name, results, wanted, stored, duplicates, args, wall):
    latencies = sorted(value for kind, value in results if kind == "saved")
    problems = [value for kind, value in results if kind != "saved"]

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    print("[%s] phones %d x %d contributions over %.0f s (took %.1f s)" % (name, args.phones, args.each, args.seconds,
                                                                          wall))
    print("[%s] saved pages %d of %d, kiosk received %d, lost %d, duplicated %d, refused or failed %d"
          % (name, len(latencies), wanted, stored, wanted - stored, duplicates, len(problems)))
    print("[%s] send -> Saved page: p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (name, pct(0.50), pct(0.95), pct(1.0)))
    if problems:
        print("[%s] first problems: %s" % (name, problems[:5]))
    return {"saved": len(latencies), "stored": stored, "lost": wanted - stored, "duplicated": duplicates,
            "failed": len(problems), "p50": pct(0.50), "p95": pct(0.95), "max": pct(1.0)}


def fake_kiosk(args):
    """The baseline: the real server over a fake kiosk that answers at once."""
    server = subprocess.Popen([args.server, "--bench"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port, join, _ = server.stdout.readline().split()
    cpu_before = cpu_seconds(server.pid)
    results, busy_wall = run_phones(int(port), join, args, False)
    busy_cpu = cpu_seconds(server.pid) - cpu_before
    idle_before = cpu_seconds(server.pid)
    if args.idle > 0:
        time.sleep(args.idle)
    idle_cpu = cpu_seconds(server.pid) - idle_before
    out, _ = server.communicate("", timeout=30)
    summary = out.strip().splitlines()[-1].split()
    stored, duplicates = int(summary[1]), int(summary[3])
    name = "fake kiosk"
    figures = summarise(name, results, args.phones * args.each, stored, duplicates, args, busy_wall)
    print("[%s] server CPU under load: %.2f s over %.1f s (%.1f %% of one core)"
          % (name, busy_cpu, busy_wall, 100 * busy_cpu / busy_wall))
    if args.idle > 0:
        print("[%s] idle server CPU: %.3f s over %.0f s (%.2f %% of one core)"
              % (name, idle_cpu, args.idle, 100 * idle_cpu / args.idle))
    figures["cpu_load"] = 100 * busy_cpu / busy_wall
    figures["cpu_idle"] = 100 * idle_cpu / args.idle if args.idle > 0 else 0.0
    return figures


class Kiosk:
    """The real reflect-kiosk under xvfb-run, its --print-events lines read on a thread."""

    def __init__(self, binary, workdir):
        self.db = os.path.join(workdir, "bench.db")
        self.lines = queue.Queue()
        # A session of its own, so the whole group (xvfb-run, Xvfb, the kiosk) can be stopped by this one id.
        self.proc = subprocess.Popen(
            ["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", binary, "--windowed", "--size", "1280x720",
             "--db", self.db, "--print-events", "--listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        self.pid = None
        self.env = None

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def expect(self, prefix, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError("the kiosk never printed '%s'" % prefix)
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line.startswith("event " + prefix):
                return line

    def find_process(self):
        """The kiosk's own pid (not xvfb-run's) and the DISPLAY and XAUTHORITY xvfb-run gave it."""
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/cmdline" % entry, "rb") as f:
                    argv = f.read().split(b"\0")
                if not argv[0].endswith(b"reflect-kiosk") or self.db.encode() not in argv:
                    continue
                with open("/proc/%s/environ" % entry, "rb") as f:
                    env = dict(item.split(b"=", 1) for item in f.read().split(b"\0") if b"=" in item)
            except OSError:
                continue
            self.pid = int(entry)
            self.env = dict(os.environ)
            for key in (b"DISPLAY", b"XAUTHORITY"):
                if key in env:
                    self.env[key.decode()] = env[key].decode()
            return
        raise RuntimeError("the kiosk's process was not found")

    def xdotool(self, *args):
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=60)

    def keys(self, *names):
        for name in names:
            self.xdotool("key", "--delay", "160", name)

    def stop(self):
        try:
            self.keys("Escape")  # not a kiosk-mode kiosk: Escape on the runner closes it
            self.proc.wait(timeout=20)
        except Exception:  # noqa: BLE001 - whatever happened, the group started here goes
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)


def real_kiosk(args):
    name = "real kiosk"
    with tempfile.TemporaryDirectory(prefix="reflect-bench-") as workdir:
        kiosk = Kiosk(args.kiosk, workdir)
        try:
            kiosk.expect("pin-setup-open")
            kiosk.find_process()
            kiosk.xdotool("search", "--sync", "--onlyvisible", "--name", "^Reflect$", "windowfocus", "--sync")
            kiosk.keys("Escape")  # "Set later" on the first-run PINs
            kiosk.expect("pin-setup-later")
            kiosk.keys("Return", "Return")  # start the first template (a Round)
            kiosk.expect("start")
            for _ in range(4):  # to the stage that takes contributions, as the e2e test does
                kiosk.keys("n")
                kiosk.expect("next")
            kiosk.keys("o")
            kiosk.expect("contributions-open")
            url = kiosk.expect("join-address url=http")
            match = re.search(r"url=http://127\.0\.0\.1:(\d+)/j/([0-9a-f]+)", url)
            port, join = int(match.group(1)), match.group(2)

            idle_before = cpu_seconds(kiosk.pid)
            time.sleep(args.idle)  # the kiosk idle, contributions open, its clock running: the baseline
            idle_cpu = cpu_seconds(kiosk.pid) - idle_before
            cpu_before = cpu_seconds(kiosk.pid)
            results, busy_wall = run_phones(port, join, args, True)
            busy_cpu = cpu_seconds(kiosk.pid) - cpu_before

            kiosk.keys("o")  # close contributions: everything counts at once
            closed = kiosk.expect("contributions-closed")
            stored = int(re.search(r"count=(\d+)", closed).group(1))
            with sqlite3.connect("file:%s?mode=ro" % kiosk.db, uri=True) as db:
                rows, distinct = db.execute("SELECT COUNT(*), COUNT(DISTINCT text) FROM contributions").fetchone()
        finally:
            kiosk.stop()
    figures = summarise(name, results, args.phones * args.each, stored, rows - distinct, args, busy_wall)
    print("[%s] kiosk process CPU idle (contributions open, clock running): %.3f s over %.0f s (%.2f %% of one core)"
          % (name, idle_cpu, args.idle, 100 * idle_cpu / args.idle))
    print("[%s] kiosk process CPU under load (frame loop, SQLite, phone page): %.2f s over %.1f s (%.1f %% of one "
          "core)" % (name, busy_cpu, busy_wall, 100 * busy_cpu / busy_wall))
    figures["cpu_load"] = 100 * busy_cpu / busy_wall
    figures["cpu_idle"] = 100 * idle_cpu / args.idle
    figures["rows"] = rows
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("server")
    parser.add_argument("--kiosk", help="the reflect-kiosk binary: also run the load against it, after the baseline")
    parser.add_argument("--phones", type=int, default=80)
    parser.add_argument("--each", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--idle", type=float, default=10)
    args = parser.parse_args()
    wanted = args.phones * args.each

    baseline = fake_kiosk(args)
    ok = baseline["stored"] == wanted and baseline["duplicated"] == 0 and baseline["failed"] == 0
    if not args.kiosk:
        return 0 if ok else 1
    real = real_kiosk(args)
    print()
    print("%-34s %12s %12s" % ("against baseline 'fake kiosk'", "fake kiosk", "real kiosk"))
    for key, label, fmt in (("stored", "received", "%d"), ("lost", "lost", "%d"), ("duplicated", "duplicated", "%d"),
                            ("failed", "refused or failed", "%d"), ("p50", "send -> Saved p50 (ms)", "%.1f"),
                            ("p95", "send -> Saved p95 (ms)", "%.1f"), ("max", "send -> Saved max (ms)", "%.1f"),
                            ("cpu_idle", "process CPU idle (% of a core)", "%.2f"),
                            ("cpu_load", "process CPU load (% of a core)", "%.1f")):
        print("%-34s %12s %12s" % (label, fmt % baseline[key], fmt % real[key]))
    ok = ok and real["stored"] == wanted and real["duplicated"] == 0 and real["failed"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
