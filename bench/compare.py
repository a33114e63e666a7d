#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a person sees, timed on the real `escale` binary, side by side with
what a centre would otherwise run: Chromium --kiosk on a fresh profile, reset
by restarting it on a new profile. Rounds alternate the two programs, so a
busy moment of the machine hits both. Runs inside xvfb-run + dbus-run-session
(bench/run-compare does it). Usage: compare.py ESCALE CONFIG ROUNDS

Figures (medians, min-max):
- start: exec to the first painted frame of Escale's welcome screen (printed
  by Escale itself, ESCALE_BENCH_STARTUP) / exec to Chromium's first
  contentful paint of a local page (reported by the page).
- reset: Escale's "J'ai fini" pressed (an XTest button press on the button,
  the web page of a culture site still open) to the first painted frame of
  the welcome screen (ESCALE_BENCH_FRAMES), end questions off and no goodbye
  delay; and with the production defaults, "Passer les questions" pressed to
  the painted goodbye screen (the wipe is done before it shows) /
  Chromium: kill, new profile, restart, first contentful paint.
- memory: summed PSS of every process of the program's tree, settled 5 s, on
  the welcome screen and with the local page open / Chromium with the page.
- with ESCALE_COMPARE_GL=1, Escale also with OpenGL kept on (ESCALE_BENCH_GL:
  what it did before it turned GL off on a PC without a GPU), interleaved in
  the same rounds: start, welcome screen and page memory, and the ratios.
"""
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from escale_driver import URL, Escale, escale_env, fcp_event, fcp_value, now, pss_mib, tree  # noqa: E402

ESCALE, CONFIG, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])


GL_ON = {"ESCALE_BENCH_GL": "1"}


def escale_start(extra_env=None):
    tmp = tempfile.mkdtemp(prefix="escale-start-")
    env = dict(os.environ, GSK_RENDERER="cairo", ESCALE_BENCH_STARTUP="1",
               XDG_DATA_HOME=tmp + "/data", XDG_STATE_HOME=tmp + "/state",
               XDG_CACHE_HOME=tmp + "/cache", **escale_env(ESCALE), **(extra_env or {}))
    start = now()
    out = subprocess.run([ESCALE, "--config", CONFIG], env=env, capture_output=True, text=True,
                         timeout=60).stdout
    shutil.rmtree(tmp, ignore_errors=True)
    for line in out.splitlines():
        if line.startswith("escale-first-frame-us:"):
            return int(line.split()[1]) / 1e6 - start
    raise RuntimeError("Escale printed no first frame")


def escale_reset(questions):
    e = Escale(ESCALE, CONFIG, questions=questions, goodbye=questions)
    try:
        e.wait_frame("welcome", 0)
        e.open_page()
        time.sleep(5)
        pss_open = pss_mib(tree(e.proc.pid))
        tap = e.press("J'ai fini")
        if questions:
            e.wait_frame("feedback", tap)
            tap = e.press("Passer les questions")
            done = e.wait_frame("goodbye", tap)
        else:
            done = e.wait_frame("welcome", tap)
        return done - tap, pss_open
    finally:
        e.stop()


def escale_rest_pss(extra_env=None):
    e = Escale(ESCALE, CONFIG, extra_env=extra_env)
    try:
        e.wait_frame("welcome", 0)
        time.sleep(5)
        return pss_mib(tree(e.proc.pid))
    finally:
        e.stop()


def escale_page_pss(extra_env=None):
    e = Escale(ESCALE, CONFIG, extra_env=extra_env)
    try:
        e.wait_frame("welcome", 0)
        e.open_page()
        time.sleep(5)
        return pss_mib(tree(e.proc.pid))
    finally:
        e.stop()


# --- Chromium ------------------------------------------------------------

class Chromium:
    """Chromium as a centre would run it: --kiosk, its sandbox, an
    unprivileged account (nobody), a profile folder of its own."""

    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="chromium-compare-")
        shutil.copy(os.environ["XAUTHORITY"], self.tmp + "/xauth")
        subprocess.run(["chown", "-R", "nobody", self.tmp], check=True)
        self.proc = None

    def start(self):
        fcp_event.clear()
        profile = tempfile.mkdtemp(prefix="p-", dir=self.tmp)
        shutil.chown(profile, "nobody")
        start = now()
        self.proc = subprocess.Popen(
            ["runuser", "-u", "nobody", "--", "env", "HOME=" + self.tmp,
             "XAUTHORITY=" + self.tmp + "/xauth", "DISPLAY=" + os.environ["DISPLAY"],
             "chromium", "--kiosk", "--no-first-run", "--user-data-dir=" + profile, URL],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        if not fcp_event.wait(60):
            raise RuntimeError("Chromium never painted the page")
        return start, fcp_value[0]

    def stop(self):
        if self.proc is not None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            self.proc = None

    def restart(self):
        """The reset a centre would do: end Chromium, a fresh profile, start."""
        begin = now()
        self.stop()
        _, fcp = self.start()
        return fcp - begin

    def close(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)


def summary(name, values, unit="ms", scale=1000.0):
    v = sorted(x * scale for x in values)
    print("%-58s median %8.1f %s  (min %.1f, max %.1f, n=%d)" % (
        name, statistics.median(v), unit, v[0], v[-1], len(v)), flush=True)
    return statistics.median(v)


def main():
    print("load average at start: %s" % open("/proc/loadavg").read().split(" ")[:3], flush=True)
    r = {k: [] for k in ("es", "cs", "er", "ep", "cr", "eo", "co", "ew", "gs", "gw", "go")}
    gl = os.environ.get("ESCALE_COMPARE_GL") is not None
    chrome = Chromium()
    try:
        for i in range(ROUNDS):
            r["es"].append(escale_start())
            start, fcp = chrome.start()
            r["cs"].append(fcp - start)
            time.sleep(5)
            r["co"].append(pss_mib(tree(chrome.proc.pid)))
            r["cr"].append(chrome.restart())
            chrome.stop()
            reset, pss_open = escale_reset(questions=False)
            r["er"].append(reset)
            r["eo"].append(pss_open)
            r["ep"].append(escale_reset(questions=True)[0])
            r["ew"].append(escale_rest_pss())
            if gl:
                r["gs"].append(escale_start(GL_ON))
                r["gw"].append(escale_rest_pss(GL_ON))
                r["go"].append(escale_page_pss(GL_ON))
            print("round %d done" % (i + 1), file=sys.stderr, flush=True)
    finally:
        chrome.close()
    es = summary("start: Escale exec -> painted welcome frame", r["es"])
    cs = summary("start: Chromium --kiosk exec -> first contentful paint", r["cs"])
    er = summary("reset: Escale J'ai fini -> painted clean welcome", r["er"])
    summary("reset: Escale, defaults: Passer les questions -> painted goodbye", r["ep"])
    cr = summary("reset: Chromium restart on a new profile -> first paint", r["cr"])
    ew = summary("memory: Escale, welcome screen, summed PSS", r["ew"], "MiB", 1.0)
    eo = summary("memory: Escale, one page open, summed PSS", r["eo"], "MiB", 1.0)
    co = summary("memory: Chromium --kiosk, one page open, summed PSS", r["co"], "MiB", 1.0)
    print("ratios (medians): start %.2fx, reset %.0fx faster, memory with a page %.2fx; "
          "welcome screen %.0f MiB" % (es / cs, cr / er, eo / co, ew))
    if gl:
        gs = summary("start: Escale with GL kept on", r["gs"])
        gw = summary("memory: Escale with GL kept on, welcome screen", r["gw"], "MiB", 1.0)
        go = summary("memory: Escale with GL kept on, one page open", r["go"], "MiB", 1.0)
        print("GL off / GL on (medians): start %.2fx, welcome screen %.2fx, one page %.2fx" % (
            es / gs, ew / gw, eo / go))
    print("load average at end: %s" % open("/proc/loadavg").read().split(" ")[:3])


main()
