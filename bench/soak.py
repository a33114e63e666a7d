#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A long day at the kiosk, on the real `escale` binary: VISITS visits, each
touching the welcome screen, opening the culture corner's first site (a local
page that writes a cookie and localStorage), then "J'ai fini" (end questions
off, no goodbye delay). Every 100 visits: the kiosk's RSS and its anonymous
part (heap, stacks), the summed PSS of its process tree, its open file descriptors and
the number of processes; with a cgroup, its highest memory use.
Growth per 100 visits is the least-squares slope after the warm-up (the
first 200 visits). With LIMIT_MIB, the kiosk runs in a memory cgroup (v2 or
v1, whichever the machine has) limited to that size, and the out-of-memory
kills in it are reported. Runs inside xvfb-run + dbus-run-session
(bench/run-soak does it). Usage: soak.py ESCALE CONFIG VISITS [LIMIT_MIB]"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from escale_driver import Escale, pss_mib, tree  # noqa: E402

ESCALE, CONFIG, VISITS = sys.argv[1], sys.argv[2], int(sys.argv[3])
LIMIT = int(sys.argv[4]) if len(sys.argv) > 4 else 0


def make_cgroup(limit_mib):
    """A memory cgroup of limit_mib for the kiosk and everything it starts.
    Returns (folder, the wrapper that puts a command in it)."""
    name = "escale-soak-%d" % os.getpid()
    for base, probe, limit_file in (
            ("/sys/fs/cgroup", "cgroup.controllers", "memory.max"),
            ("/sys/fs/cgroup/memory", "memory.limit_in_bytes", "memory.limit_in_bytes")):
        if os.path.exists(os.path.join(base, probe)):
            folder = os.path.join(base, name)
            os.mkdir(folder)
            with open(os.path.join(folder, limit_file), "w") as f:
                f.write(str(limit_mib * 1024 * 1024))
            if base.endswith("memory"):
                # No swap to hide in: the limit holds for memory and swap.
                try:
                    with open(os.path.join(folder, "memory.memsw.limit_in_bytes"), "w") as f:
                        f.write(str(limit_mib * 1024 * 1024))
                except OSError:
                    pass
            procs = os.path.join(folder, "cgroup.procs")
            return folder, ("sh", "-c", 'echo $$ > %s && exec "$0" "$@"' % procs)
    raise SystemExit("no memory cgroup on this machine")


def oom_kills(folder):
    for name in ("memory.events", "memory.oom_control"):
        try:
            with open(os.path.join(folder, name)) as f:
                for line in f:
                    if line.startswith("oom_kill "):
                        return int(line.split()[1])
        except OSError:
            pass
    return -1


def peak_mib(folder):
    """The cgroup's highest memory use (page cache included), MiB."""
    for name in ("memory.peak", "memory.max_usage_in_bytes"):
        try:
            with open(os.path.join(folder, name)) as f:
                return int(f.read()) / (1024.0 * 1024.0)
        except OSError:
            pass
    return -1.0


def anon_mib(pid):
    """The kiosk's anonymous resident memory (heap, thread stacks, pixel
    buffers): what a leak grows. Unlike PSS and USS it does not change when
    other programs of a busy machine map, or stop mapping, the same
    libraries (a shared page turns private when its other user exits)."""
    with open("/proc/%d/status" % pid) as f:
        return next(int(line.split()[1]) for line in f if line.startswith("RssAnon:")) / 1024.0


def sample(pid):
    pids = tree(pid)
    with open("/proc/%d/status" % pid) as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024.0
    return rss, anon_mib(pid), pss_mib(pids), len(os.listdir("/proc/%d/fd" % pid)), len(pids)


def slope(points):
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else 0.0


def main():
    folder, wrap = make_cgroup(LIMIT) if LIMIT else (None, ())
    print("load average at start: %s" % open("/proc/loadavg").read().split(" ")[:3], flush=True)
    if LIMIT:
        print("memory cgroup %s, limit %d MiB" % (folder, LIMIT), flush=True)
    e = Escale(ESCALE, CONFIG, wrap=wrap)
    rows, failed = [], 0
    start = time.time()
    try:
        e.wait_frame("welcome", 0)
        print("visits  kiosk RSS MiB  kiosk anon MiB  tree PSS MiB  fds  processes", flush=True)
        for visit in range(1, VISITS + 1):
            try:
                e.open_page()
                tap = e.press("J'ai fini")
                e.wait_frame("welcome", tap)
            except RuntimeError as error:
                failed += 1
                print("visit %d: %s" % (visit, str(error)[:200]), flush=True)
                if e.proc.poll() is not None:
                    print("the kiosk died (status %s)" % e.proc.returncode, flush=True)
                    break
            if visit % 100 == 0:
                time.sleep(3)
                row = sample(e.proc.pid)
                rows.append((visit,) + row)
                print("%6d  %13.1f  %13.1f  %12.1f  %3d  %9d" % rows[-1], flush=True)
    finally:
        alive = e.proc.poll() is None
        e.stop()
        kills = oom_kills(folder) if folder else 0
        peak = peak_mib(folder) if folder else -1.0
        if folder:
            os.rmdir(folder)
    warm = [r for r in rows if r[0] > 200]
    per100 = [slope([(r[0] / 100.0, r[i]) for r in warm]) for i in (1, 2, 3, 4, 5)]
    print("%d visits in %.0f s, %d failed, kiosk alive at the end: %s, OOM kills: %s" % (
        VISITS, time.time() - start, failed, alive, kills))
    if folder:
        print("highest memory use of the cgroup: %.1f MiB of %d" % (peak, LIMIT))
    print("growth per 100 visits after 200: RSS %+.2f MiB, anon %+.2f MiB, PSS %+.2f MiB, "
          "fds %+.2f, processes %+.2f" % tuple(per100))
    print("load average at end: %s" % open("/proc/loadavg").read().split(" ")[:3])


main()
