# SPDX-License-Identifier: GPL-3.0-or-later
"""A video call's memory on the kiosk's side, measured on the real program.

Run by bench/run-call inside `bench-call --lab` (a private network with the
bench's own Janus). Each run starts the real `escale --kiosk` with the
environment the deployed units give it (read from data/escale-kiosk.service
and data/kiosk-system/escale-kiosk-session, so the bench follows them),
taps through its screens like a visitor (XTest taps on buttons found
through AT-SPI: "Touchez l'écran pour commencer", "Appeler ma famille",
"J'ai reçu un code", the code's digits, "Appeler"), and makes CALLS calls
with a family peer (`bench-call --family`, another process, same engine,
through Janus). During each call it reads the summed PSS of the kiosk's
process tree every second; a call counts only if the kiosk shows the
family (its guide says so on the first family frame) and the family keeps
receiving the kiosk's frames.

Usage: call_kiosk.py BUILDDIR RUNS CALLS SECONDS; CALL_KIOSK_SMAPS=FILE
writes the last run's mappings and processes by PSS, CALL_KIOSK_SHOT=FILE
a screenshot of the last call; CALL_KIOSK_COMPARE=1 alternates each run with
one without the units' environment (to show what it changes), reported
apart (CALL_KIOSK_COMPARE=bare: only without it); CALL_KIOSK_BEFORE=BINARY adds, in each round, a run of another
escale binary (an earlier build) without the units' environment;
CALL_KIOSK_AFTER_FIRST_CALL="COMMAND {pid}" starts COMMAND on the kiosk
after its first call, in the first run (e.g. `heaptrack -p {pid}`: what
the later calls leave behind).
"""
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import escale_driver  # noqa: E402
from escale_driver import pss_mib, rollup_mib, tree  # noqa: E402

import pyatspi  # noqa: E402

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IN_CALL = "Pour finir l'appel, touchez Raccrocher."
ENDED = "L'appel est terminé. Rien n'a été gardé."


def unit_environment():
    """What the deployed units set: the systemd user unit's Environment=
    lines and the cage session script's exports (a default `${X:-v}` taken
    as v; a conditional export, such as DCONF_PROFILE when the kiosk
    account's profile is installed, is left out)."""
    env = {}
    with open(os.path.join(SOURCE, "data", "escale-kiosk.service")) as f:
        for line in f:
            if line.startswith("Environment="):
                for item in shlex.split(line[len("Environment="):]):
                    name, value = item.split("=", 1)
                    env[name] = value
    with open(os.path.join(SOURCE, "data", "kiosk-system", "escale-kiosk-session")) as f:
        for line in f:
            m = re.match(r'export (\w+)=(.*)$', line.strip())
            if m:
                value = shlex.split(m.group(2))[0] if m.group(2) else ""
                default = re.match(r'\$\{\w+:-(.*)\}$', value)
                env[m.group(1)] = default.group(1) if default else value
    return env


def call_config(tmp):
    cfg = os.path.join(tmp, "config")
    subprocess.run(["cp", "-r", os.path.join(SOURCE, "kiosk-config"), cfg], check=True)
    path = os.path.join(cfg, "activities", "10-visio.ini")
    with open(path) as f:
        text = f.read()
    text = re.sub(r"(?m)^server=.*$", "server=ws://127.0.0.2:8188/", text)
    text = re.sub(r"(?m)^test-pattern=.*$", "test-pattern=true", text)
    text = text.replace("[Call]\n", "[Call]\nlocal-address=127.0.0.2\n")
    with open(path, "w") as f:
        f.write(text)
    return cfg


class Kiosk(escale_driver.Escale):
    """The real `escale --kiosk`, with the units' environment on top of
    the session's (display, buses), fresh XDG dirs but a GStreamer
    registry cache kept between runs, as on a kiosk PC."""

    def __init__(self, escale, cfg, tmp, cache, unit=True):
        self.tmp = tempfile.mkdtemp(prefix="run-", dir=tmp)
        keep = ("PATH", "HOME", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "LANG", "XAUTHORITY")
        env = {k: os.environ[k] for k in keep if k in os.environ}
        env.update(unit_environment() if unit else {}, GTK_A11Y="atspi", XDG_CACHE_HOME=cache)
        for d in ("data", "state", "runtime"):
            os.makedirs(os.path.join(self.tmp, d), mode=0o700)
            env["XDG_RUNTIME_DIR" if d == "runtime" else "XDG_%s_HOME" % d.upper()] = \
                os.path.join(self.tmp, d)
        self.env = env
        self.frames = []
        self.cond = threading.Condition()
        self.proc = subprocess.Popen([escale, "--kiosk", "--config", cfg], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.app = None

    def shows(self, text, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            if self.app is not None and any(find_text(w, text) for w in self.app):
                return True
            time.sleep(0.1)
        raise RuntimeError("the kiosk never showed %r" % text)


def find_text(node, text):
    try:
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        if node.name == text:
            return True
        return any(child is not None and find_text(child, text) for child in node)
    except Exception:
        return False


class Family:
    """`bench-call --family`: its code, and the frames it received."""

    def __init__(self, bench_call):
        self.proc = subprocess.Popen([bench_call, "--family"], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        self.code = self.proc.stdout.readline().strip()
        if not re.fullmatch(r"\d{6}", self.code):
            raise RuntimeError("the family peer gave no code")
        self.frames = 0
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for line in self.proc.stdout:
            if line.startswith("frames "):
                self.frames = int(line.split()[1])

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def one_call(kiosk, bench_call, seconds, during=None):
    """One call: the PSS samples (MiB, one a second) while it runs; @during
    is called at its end, before hanging up."""
    family = Family(bench_call)
    try:
        kiosk.press("J'ai reçu un code")
        for digit in family.code:
            kiosk.press(digit)
        kiosk.press("Appeler")
        kiosk.shows(IN_CALL)  # the family's first frame is on screen
        sent = family.frames
        samples = []
        for _ in range(seconds):
            time.sleep(1)
            samples.append(pss_mib(tree(kiosk.proc.pid)))
        if family.frames <= sent:
            raise RuntimeError("the family stopped receiving the kiosk's picture")
        kiosk.shows(IN_CALL, timeout=1)  # still showing the family
        if during:
            during()
        kiosk.press("Raccrocher")
        kiosk.shows(ENDED)
        return samples
    finally:
        family.stop()


def write_smaps(pid, path):
    """The kiosk's mappings grouped by file (or kind), biggest PSS first,
    and each process of its tree."""
    groups = {}
    lines = []
    for p in tree(pid):
        try:
            with open("/proc/%d/comm" % p) as f:
                comm = f.read().strip()
            lines.append("process %d %s: %.1f MiB" % (p, comm, pss_mib([p])))
            if p != pid:
                continue
            name = None
            with open("/proc/%d/smaps" % p) as f:
                for line in f:
                    head = line.split()
                    if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                        name = head[5] if len(head) > 5 else "[anon]"
                    elif head[0] == "Pss:":
                        groups[name] = groups.get(name, 0) + int(head[1])
        except OSError:
            pass
    with open(path, "w") as f:
        plugins = sorted(os.path.basename(n) for n in groups if "/gstreamer-1.0/" in n)
        lines.append("GStreamer plugins mapped (%d): %s" % (len(plugins), " ".join(plugins)))
        f.write("\n".join(lines) + "\n")
        for name, kib in sorted(groups.items(), key=lambda x: -x[1]):
            if kib >= 100:
                f.write("%8.1f MiB  %s\n" % (kib / 1024, name))


def measure_run(escale, bench_call, cfg, tmp, cache, unit, calls, seconds, results, label,
                smaps, shot):
    """One kiosk process, CALLS calls: its figures appended to @results."""
    settled, peaks, uss, rss = results
    kiosk = Kiosk(escale, cfg, tmp, cache, unit)
    try:
        kiosk.press("Touchez l'écran pour commencer")
        kiosk.press("Appeler ma famille")
        time.sleep(2)  # the preview runs while a person reads the screen
        rest = pss_mib(tree(kiosk.proc.pid))
        per_call = []
        def during():
            if shot:
                subprocess.run(["import", "-window", "root", shot], check=True)
            if smaps:
                write_smaps(kiosk.proc.pid, smaps)

        attach = os.environ.get("CALL_KIOSK_AFTER_FIRST_CALL") if label.startswith("run 1,") else None
        for call in range(calls):
            samples = one_call(kiosk, bench_call, seconds, during if call == calls - 1 else None)
            if attach and call == 0:
                subprocess.Popen(shlex.split(attach.replace("{pid}", str(kiosk.proc.pid))))
                time.sleep(5)
            per_call.append(statistics.median(samples[-5:]))
            peaks.append(max(samples))
        settled.append(per_call[-1])
        pids = tree(kiosk.proc.pid)
        uss.append(rollup_mib(pids, ("Private_Clean", "Private_Dirty")))
        rss.append(rollup_mib(pids, ("Rss",)))
        print("%s: call screen %.0f MiB; during calls (settled, last 5 s): %s MiB; "
              "peak %.0f MiB; after hanging up: private %.0f MiB, RSS %.0f MiB, "
              "processes %d" % (
                  label, rest, " / ".join("%.0f" % v for v in per_call),
                  max(peaks[-calls:]), uss[-1], rss[-1], len(pids)), flush=True)
    finally:
        kiosk.stop()


def main():
    builddir, runs, calls, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    smaps = os.environ.get("CALL_KIOSK_SMAPS")  # FILE: the last run's mappings
    shot = os.environ.get("CALL_KIOSK_SHOT")  # FILE: a screenshot during the last call
    escale = os.path.join(builddir, "src", "escale")
    bench_call = os.path.join(builddir, "bench", "bench-call")
    tmp = tempfile.mkdtemp(prefix="escale-call-kiosk-")
    cfg = call_config(tmp)
    cache = os.path.join(tmp, "cache")
    os.makedirs(cache, mode=0o700)
    # The kiosk PC's GStreamer registry is built once, not at each start.
    subprocess.run(["gst-inspect-1.0", "webrtcbin"], env=dict(os.environ, XDG_CACHE_HOME=cache),
                   stdout=subprocess.DEVNULL, check=True)
    print("environment from the units: %s" % " ".join(
        "%s=%s" % kv for kv in sorted(unit_environment().items())))
    compare = os.environ.get("CALL_KIOSK_COMPARE")
    variants = [] if compare == "bare" else [("with the units' environment", escale, True)]
    if compare in ("1", "bare"):
        variants.append(("without it", escale, False))
    if os.environ.get("CALL_KIOSK_BEFORE"):
        variants.append(("before, without it", os.environ["CALL_KIOSK_BEFORE"], False))
    results = {v[0]: ([], [], [], []) for v in variants}
    for run in range(runs):
        for label, binary, unit in variants:
            last = run == runs - 1 and label == variants[0][0]
            measure_run(binary, bench_call, cfg, tmp, cache, unit, calls, seconds,
                        results[label], "run %d, %s" % (run + 1, label),
                        smaps if last else None, shot if last else None)
    for label, _, _ in variants:
        settled, peaks, uss, rss = results[label]
        settled.sort()
        print("%s: kiosk tree PSS during the last call of each run, %d runs: median %.0f MiB, "
              "min %.0f, max %.0f; highest sample of any call %.0f MiB; after hanging up: "
              "private median %.0f MiB, RSS median %.0f MiB" % (
                  label, runs, statistics.median(settled), settled[0], settled[-1], max(peaks),
                  statistics.median(uss), statistics.median(rss)))
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
