#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""WebKit loaded at the first web page (src/lazy/) against WebKit linked as
before (-Dlazy_libraries=false), the two builds alternated in each round, on
the real `escale`: summed PSS on the welcome screen (settled 5 s), the
first web page of the process (the tap on the site's button to the page's
first contentful paint, which now includes loading WebKit), PSS with that
page open, and PSS back on the welcome screen after "J'ai fini".
Runs inside xvfb-run + dbus-run-session (bench/run-lazy-web does it).
Usage: lazy_web.py LAZY_ESCALE EAGER_ESCALE CONFIG ROUNDS"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from escale_driver import Escale, fcp_event, fcp_value, pss_mib, rollup_mib, tree  # noqa: E402

LAZY, EAGER, CONFIG, ROUNDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def one(escale):
    e = Escale(escale, CONFIG)
    try:
        e.wait_frame("welcome", 0)
        time.sleep(5)
        rest = pss_mib(tree(e.proc.pid))
        e.press("Touchez l'écran pour commencer")
        e.press("Culture et loisirs")
        e.press("Sites de musées")
        fcp_event.clear()
        tap = e.press("Musée du village")
        if not fcp_event.wait(30):
            raise RuntimeError("the page never painted")
        first_page = (fcp_value[0] - tap) * 1000
        time.sleep(5)
        page = pss_mib(tree(e.proc.pid))
        tap = e.press("J'ai fini")
        e.wait_frame("welcome", tap)
        time.sleep(8)
        after = pss_mib(tree(e.proc.pid))
        dirty = rollup_mib(tree(e.proc.pid), ("Private_Dirty",))
        return rest, first_page, page, after, dirty
    finally:
        e.stop()


def show(label, values, unit):
    print("  %-44s %8.1f %s (%.1f-%.1f)" % (label, statistics.median(values), unit,
                                           min(values), max(values)))


def main():
    figures = {"lazy": [], "eager": []}
    print("load average before: %.2f" % os.getloadavg()[0])
    for _ in range(ROUNDS):
        figures["lazy"].append(one(LAZY))
        figures["eager"].append(one(EAGER))
    print("load average after: %.2f; %d rounds, medians (min-max)" % (os.getloadavg()[0], ROUNDS))
    for name, rows in figures.items():
        print("WebKit %s:" % ("at the first web page" if name == "lazy" else "linked (before)"))
        show("PSS, welcome screen", [r[0] for r in rows], "MiB")
        show("first web page: tap to first paint", [r[1] for r in rows], "ms")
        show("PSS, that page open", [r[2] for r in rows], "MiB")
        show("PSS, welcome screen after the visit", [r[3] for r in rows], "MiB")
        show("  of which private dirty (not reclaimable)", [r[4] for r in rows], "MiB")


main()
