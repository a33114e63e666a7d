#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Escale's memory with OpenGL off (what it chooses on a PC without a GPU,
src/web/escale-web-graphics.c) and kept on (ESCALE_BENCH_GL=1), rounds
interleaved: welcome screen and one local page, settled 5 s; summed PSS, USS
(private pages, which do not depend on what else runs on the machine) and
RSS of the process tree. Runs inside xvfb-run + dbus-run-session
(bench/run-compare-gl does it). Usage: compare-gl.py ESCALE CONFIG ROUNDS"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from escale_driver import Escale, rollup_mib, tree  # noqa: E402

ESCALE, CONFIG, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])
FIGURES = {"PSS": ("Pss",), "USS": ("Private_Clean", "Private_Dirty"), "RSS": ("Rss",)}


def measure(extra_env, page):
    e = Escale(ESCALE, CONFIG, extra_env=extra_env)
    try:
        e.wait_frame("welcome", 0)
        if page:
            e.open_page()
        time.sleep(5)
        pids = tree(e.proc.pid)
        return {name: rollup_mib(pids, fields) for name, fields in FIGURES.items()}
    finally:
        e.stop()


def main():
    print("load average at start: %s" % open("/proc/loadavg").read().split(" ")[:3], flush=True)
    cases = [("GL off", {}, False), ("GL on", {"ESCALE_BENCH_GL": "1"}, False),
             ("GL off", {}, True), ("GL on", {"ESCALE_BENCH_GL": "1"}, True)]
    r = {(name, page): [] for name, _, page in cases}
    for i in range(ROUNDS):
        for name, env, page in cases:
            r[(name, page)].append(measure(env, page))
        print("round %d done" % (i + 1), file=sys.stderr, flush=True)
    for page in (False, True):
        where = "one page open" if page else "welcome screen"
        med = {}
        for name in ("GL off", "GL on"):
            med[name] = {f: statistics.median(x[f] for x in r[(name, page)]) for f in FIGURES}
            print("%-15s %-7s %s" % (where, name, "  ".join(
                "%s %.1f MiB (%.1f-%.1f)" % (f, med[name][f], min(x[f] for x in r[(name, page)]),
                                             max(x[f] for x in r[(name, page)])) for f in FIGURES)))
        print("%-15s off/on  %s" % (where, "  ".join(
            "%s %.2fx" % (f, med["GL off"][f] / med["GL on"][f]) for f in FIGURES)))
    print("load average at end: %s" % open("/proc/loadavg").read().split(" ")[:3])


main()
