#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real `escale` binary waits on its welcome screen without WebKit
(src/lazy/): none of WebKitGTK, JavaScriptCore or flite is mapped then,
nor libpq or libsane, loaded the same way when first called.
Then a person opens a museum's site (a local page standing in for it): the
page shows (it reports its load to this script), WebKit having been loaded
on the way; "J'ai fini" brings the clean welcome screen back. Driven
through AT-SPI as a screen reader would. TAP output.
Usage: test-web-on-demand.py ESCALE CONFIG"""
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

KIOSK_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)
import pyatspi  # noqa: E402

escale, config = sys.argv[1], sys.argv[2]
WEB_LIBRARIES = ("libwebkitgtk-6.0", "libjavascriptcoregtk-6.0", "libflite", "libpq", "libsane")
PAGE = (b"<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><title>Musee</title></head>"
        b"<body><h1>Mus\xc3\xa9e du village</h1><p>Salle 1 : les outils d'autrefois.</p>"
        b"<script>addEventListener('load',function(){navigator.sendBeacon('/shown','1');});"
        b"</script></body></html>")
shown = threading.Event()
results = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGE)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()
        if self.path == "/shown":
            shown.set()

    def log_message(self, *args):
        pass


def log(text):
    sys.stderr.write(text + "\n")


def check(name, ok):
    results.append((name, bool(ok)))


def mapped(pid):
    with open("/proc/%d/maps" % pid) as f:
        maps = f.read()
    return [lib for lib in WEB_LIBRARIES if lib in maps]


def find(proc, name, timeout=40):
    """The button called @name on screen, in our kiosk's tree (a tile's
    name goes on with its subtitle: "Culture et loisirs. Musées, …")."""
    pid = proc.pid
    end = time.time() + timeout
    while time.time() < end and proc.poll() is None:
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is None or app.get_process_id() != pid:
                    continue
                app.clear_cache()
                hit = pyatspi.findDescendant(
                    app, lambda n: n is not None
                    and (n.name == name or (n.name or "").startswith(name + ". "))
                    and n.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                    and n.getState().contains(pyatspi.STATE_VISIBLE)
                    and n.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width > 0)
                if hit is not None:
                    return hit
            except Exception:
                pass
        time.sleep(0.3)
    return None


def press(proc, name):
    log("# pressing %s" % name)
    control = find(proc, name)
    if control is None:
        return False
    action = control.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == "click":
            action.doAction(i)  # GTK 4.8 answers False even when it clicked
            return True
    return False


def wait_line(proc, prefix, timeout=40):
    """A line of the kiosk's output (ESCALE_BENCH_FRAMES: a painted page)."""
    found = threading.Event()

    def read():
        for line in proc.stdout:
            if line.startswith(prefix):
                found.set()
                return
    threading.Thread(target=read, daemon=True).start()
    return found.wait(timeout)


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/" % server.server_address[1]
    tmp = tempfile.mkdtemp(prefix="escale-web-on-demand-")
    cfg = os.path.join(tmp, "config")
    shutil.copytree(config, cfg)
    culture = os.path.join(cfg, "activities", "30-culture.ini")
    with open(culture) as f:
        head = f.read().split("[Site 1]")[0]
    with open(culture, "w") as f:
        f.write(head + "[Site 1]\ntitle=Musée du village\nurl=%s\n" % url)
    main_ini = os.path.join(cfg, "escale.ini")
    with open(main_ini) as f:
        text = f.read()
    with open(main_ini, "w") as f:
        f.write(text.replace("end-questions=true", "end-questions=false"))
    env = dict(KIOSK_ENV, ESCALE_BENCH_FRAMES="1", ESCALE_BENCH_NO_GOODBYE="1", GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    for d in ("data", "cache", "state", "runtime"):
        os.makedirs(os.path.join(tmp, d), mode=0o700)
        env["XDG_RUNTIME_DIR" if d == "runtime" else "XDG_%s_HOME" % d.upper()] = os.path.join(tmp, d)
    proc = subprocess.Popen([escale, "--config", cfg], env=env, stdout=subprocess.PIPE, text=True)
    try:
        painted = wait_line(proc, "escale-frame-us: welcome")
        check("the welcome screen is painted", painted)
        time.sleep(1)
        check("on the welcome screen, no library that waits is mapped (%s)" % ", ".join(mapped(proc.pid)),
              painted and not mapped(proc.pid))
        opened = all(press(proc, name) for name in
                     ("Touchez l'écran pour commencer", "Culture et loisirs", "Sites de musées",
                      "Musée du village"))
        check("the museum's site is reached through the buttons", opened)
        check("the museum's page shows", opened and shown.wait(60))
        check("WebKit was loaded for it", set(mapped(proc.pid)) >= {"libwebkitgtk-6.0"})
        back = press(proc, "J'ai fini") and wait_line(proc, "escale-frame-us: welcome")
        check("\"J'ai fini\" paints the welcome screen again", back)
        check("the kiosk is still running", proc.poll() is None)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % len(results))
    for i, (name, ok) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    sys.exit(0 if all(ok for _, ok in results) else 1)


main()
