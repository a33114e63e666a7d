# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real `escale` binary for bench/compare.py and bench/soak.py:
a local page standing in for a museum's site (it writes a cookie and
localStorage, and reports its first contentful paint), a copy of a config
whose first culture site is that page, XTest taps on buttons found through
AT-SPI, the painted frames Escale prints with ESCALE_BENCH_FRAMES=1, and the
summed PSS of a process tree."""
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
import time

os.environ.pop("G_DEBUG", None)
import pyatspi  # noqa: E402
from Xlib import X, display as xdisplay  # noqa: E402
from Xlib.ext import xtest  # noqa: E402

PAGE = (b"<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><title>Musee</title>"
        b"<style>body{font-family:serif;background:#fbf6ea}h1{color:#5b1a8a}</style></head>"
        b"<body><h1>Mus\xc3\xa9e du village</h1><script>document.cookie='v='+Math.random()+"
        b"';max-age=9999';for(var i=0;i<50;i++)localStorage.setItem('k'+i,'v'.repeat(200));"
        b"</script><p>Salle 1 : les outils d'autrefois.</p>"
        b"<script>new PerformanceObserver(function(l){l.getEntries().forEach(function(e){"
        b"if(e.name==='first-contentful-paint')navigator.sendBeacon('/fcp',"
        b"String(performance.timeOrigin+e.startTime));});}).observe({type:'paint',buffered:true});"
        b"</script></body></html>")
fcp_event = threading.Event()
fcp_value = [0.0]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/fcp":
            fcp_value[0] = float(body.decode()) / 1000.0
            fcp_event.set()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
URL = "http://127.0.0.1:%d/" % server.server_address[1]
xd = xdisplay.Display()


def now():
    return time.time()


# --- memory ------------------------------------------------------------

def tree(pid):
    """pid and all its descendants (WebKit's web and network processes,
    bwrap, xdg-dbus-proxy; Chromium's zygotes, renderers, GPU process)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def pss_mib(pids):
    total = 0
    for p in pids:
        try:
            with open("/proc/%d/smaps_rollup" % p) as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024.0


def rollup_mib(pids, fields):
    """Sum of some /proc/PID/smaps_rollup fields over @pids, in MiB. Private
    pages (USS: Private_Clean + Private_Dirty) do not depend on what other
    programs of the machine map, unlike PSS."""
    total = 0
    for p in pids:
        try:
            with open("/proc/%d/smaps_rollup" % p) as f:
                for line in f:
                    if line.split(":")[0] in fields:
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024.0


# --- Escale --------------------------------------------------------------

def escale_config(config, tmp, questions):
    cfg = os.path.join(tmp, "config")
    shutil.copytree(config, cfg)
    with open(os.path.join(cfg, "activities", "30-culture.ini")) as f:
        head = f.read().split("[Site 1]")[0]
    with open(os.path.join(cfg, "activities", "30-culture.ini"), "w") as f:
        f.write(head + "[Site 1]\ntitle=Musée du village\nurl=%s\n" % URL)
    if not questions:
        with open(os.path.join(cfg, "escale.ini"), "a") as f:
            f.write("\n[Session]\nend-questions=false\n")
    return cfg


def escale_env(escale):
    """The web process extension of the build tree, as installed in the
    kiosk (strict sites need it)."""
    extensions = os.path.join(os.path.dirname(os.path.abspath(escale)), "web", "extension")
    return {"ESCALE_WEB_EXTENSIONS_DIR": extensions} if os.path.isdir(extensions) else {}


class Escale:
    def __init__(self, escale, config, questions=False, goodbye=False, wrap=(), extra_env=None):
        self.tmp = tempfile.mkdtemp(prefix="escale-compare-")
        env = dict(os.environ, GSK_RENDERER="cairo", ESCALE_BENCH_FRAMES="1", GTK_A11Y="atspi")
        env.update(escale_env(escale))
        env.update(extra_env or {})
        for d in ("data", "cache", "state", "runtime"):
            os.makedirs(os.path.join(self.tmp, d), mode=0o700)
            env["XDG_%s_HOME" % d.upper() if d != "runtime" else "XDG_RUNTIME_DIR"] = \
                os.path.join(self.tmp, d)
        env.pop("NO_AT_BRIDGE", None)
        if not goodbye:
            env["ESCALE_BENCH_NO_GOODBYE"] = "1"
        cfg = escale_config(config, self.tmp, questions)
        self.frames = []
        self.cond = threading.Condition()
        self.proc = subprocess.Popen(list(wrap) + [escale, "--config", cfg], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        threading.Thread(target=self.read, daemon=True).start()
        self.app = None

    def read(self):
        for line in self.proc.stdout:
            if line.startswith("escale-frame-us: "):
                page, us = line.split()[1:3]
                with self.cond:
                    self.frames.append((page, int(us) / 1e6))
                    self.cond.notify_all()

    def wait_frame(self, page, after, timeout=30):
        end = now() + timeout
        with self.cond:
            while True:
                for p, t in self.frames:
                    if p == page and t >= after:
                        return t
                if now() > end:
                    raise RuntimeError("no painted %s frame (frames: %s)" % (page, self.frames))
                self.cond.wait(0.5)

    def find(self, name, timeout=20):
        end = now() + timeout
        while now() < end:
            if self.app is None:
                for app in pyatspi.Registry.getDesktop(0):
                    try:
                        if app is not None and app.get_process_id() == self.proc.pid:
                            self.app = app
                    except Exception:
                        pass
            if self.app is not None:
                for w in self.app:
                    hit = search(w, name)
                    if hit is not None:
                        return hit
            time.sleep(0.2)
        raise RuntimeError("no button named %s" % name)

    def press(self, name):
        """An XTest press and release at the middle of the button: the time
        taken just before the press is the tap's."""
        ext = self.find(name)
        xtest.fake_input(xd, X.MotionNotify, x=ext.x + ext.width // 2, y=ext.y + ext.height // 2)
        xd.sync()
        time.sleep(0.15)
        tap = now()
        xtest.fake_input(xd, X.ButtonPress, 1)
        xtest.fake_input(xd, X.ButtonRelease, 1)
        xd.sync()
        return tap

    def open_page(self):
        fcp_event.clear()
        self.press("Touchez l'écran pour commencer")
        self.press("Culture et loisirs")
        self.press("Sites de musées")
        self.press("Musée du village")
        if not fcp_event.wait(30):
            raise RuntimeError("the page never painted in Escale")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def search(node, name):
    try:
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return None
        if (node.name == name or (node.name or "").startswith(name + ". ")) and node.getRole() in (pyatspi.ROLE_PUSH_BUTTON,
                                                    pyatspi.ROLE_TOGGLE_BUTTON):
            ext = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            if ext.width > 0:
                return ext
        for child in node:
            if child is not None:
                hit = search(child, name)
                if hit is not None:
                    return hit
    except Exception:
        return None
    return None


