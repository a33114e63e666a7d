#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the kiosk has a name a screen reader (Orca, through
AT-SPI) reads aloud, and works through AT-SPI's "click" action as it does
for switch and keyboard users. TAP output. Usage: test-a11y.py ESCALE CONFIG"""
import os
import subprocess
import sys
import tempfile
import time

# The kiosk runs with the suite's G_DEBUG=fatal-warnings; this script's own
# libatspi must not die of warnings about other programs on the shared
# accessibility bus (web processes of tests running in parallel).
KIOSK_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

escale, config = sys.argv[1], sys.argv[2]
results = []


def check(name, ok):
    results.append((name, bool(ok)))


def find_app(pid, timeout=20):
    """Our kiosk's application on the accessibility bus (by process id: other
    tests may run an Escale at the same time)."""
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    return None


def buttons(node, out):
    try:
        role = node.getRole()
        states = node.getState()
    except Exception:
        return out
    if not states.contains(pyatspi.STATE_VISIBLE):
        return out
    if role in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON):
        out.append(node)
    for child in node:
        if child is not None:
            buttons(child, out)
    return out


def visible_buttons(app):
    found = []
    for window in app:
        if window is not None:
            buttons(window, found)
    return found


def click(button):
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == "click":
            action.doAction(i)
            return True
    return False


def wait_for(app, name, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        for b in visible_buttons(app):
            if b.name == name:
                return b
        time.sleep(0.2)
    return None


env = KIOSK_ENV
env.pop("NO_AT_BRIDGE", None)
env["GTK_A11Y"] = "atspi"
with tempfile.TemporaryDirectory() as tmp:
    env["XDG_DATA_HOME"] = tmp
    log = open(os.path.join(tmp, "escale.log"), "w+")
    proc = subprocess.Popen([escale, "--config", config, "--stats", os.path.join(tmp, "s.db")],
                            env=env, stdout=log, stderr=log)
    try:
        app = find_app(proc.pid)
        check("the kiosk shows up on the accessibility bus", app is not None)
        if app is not None:
            start = wait_for(app, "Touchez l'écran pour commencer")
            check("welcome: the whole-screen button says what to do", start is not None)
            if start is not None:
                check("welcome: it can be pressed through AT-SPI", click(start))
            tile = wait_for(app, "Appeler ma famille. En vidéo, avec le son")
            check("home: an activity button reads its title and subtitle", tile is not None)
            for wanted in ("J'ai fini", "Aide", "Appeler un aidant", "Texte plus grand",
                           "Texte plus petit", "Contraste renforcé",
                           "Infos pratiques. Qui aide, où et quand"):
                check(f"home: a button is named “{wanted}”", wait_for(app, wanted) is not None)
            unnamed = [b for b in visible_buttons(app) if not (b.name or "").strip()]
            check("home: no button without a name", not unnamed)
            info = wait_for(app, "Infos pratiques. Qui aide, où et quand")
            if info is not None and click(info):
                home = wait_for(app, "Accueil")
                check("activity: Accueil is named and reachable", home is not None)
                unnamed = [b for b in visible_buttons(app) if not (b.name or "").strip()]
                check("activity: no button without a name", not unnamed)
            else:
                check("activity: opened through AT-SPI", False)
    except Exception as error:
        check(f"the kiosk kept answering on the accessibility bus ({error})", False)
    finally:
        if proc.poll() is not None:
            check(f"the kiosk is still running (exit status {proc.returncode})", False)
        log.seek(0)
        sys.stderr.write(log.read())
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()

print(f"1..{len(results)}")
for i, (name, ok) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
sys.exit(0 if all(ok for _, ok in results) else 1)
