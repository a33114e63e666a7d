#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the kiosk, on every page and in every state a visitor
or staff can reach, has a name a screen reader (Orca, through AT-SPI)
reads aloud, and works through AT-SPI's "click" action as it does for
switch and keyboard users. The walk goes as a person would, through
AT-SPI only (Ctrl+Alt+S through the X server for the staff space): the
welcome screen, home, every activity of the demo configuration and the
screens one touch away inside it, help, the end questions, goodbye, the
staff PIN pad in both steps, every screen of the staff menu and the
dashboard; a second kiosk with a short delay shows the countdown. TAP
output. Usage: test-a11y.py ESCALE CONFIG"""
import os
import re
import shutil
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
# Failed checks with what the screen showed then, printed last: a CI log
# keeps its tail.
failures = []
current = {"app": None}

# What AT-SPI calls a thing one presses.
CONTROLS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_LINK,
            pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON}
# Names that say nothing: a GTK or Escale class ("GtkButton"), an icon's
# name ("escale-back-symbolic"), or no letter or digit at all.
MEANINGLESS = re.compile(r"^(Gtk|Escale)[A-Za-z]*$|-symbolic$")
# The bars: on every page, pressed only on purpose.
BARS = {"J'ai fini", "Aide", "Accueil", "Appeler un aidant", "Texte plus grand",
        "Texte plus petit", "Contraste renforcé"}
# Controls a walk one touch deep does not press: a call (waiting for the
# family is a call), a print, a reset.
NOT_PRESSED = re.compile(r"Appeler|Créer un code|Imprimer|Réinitialiser|Oui, quitter|Enregistrer sur")


def check(name, ok):
    results.append((name, bool(ok)))
    shots = os.environ.get("ESCALE_A11Y_SHOTS")
    if not ok and shots:
        # What a person would have seen (a developer's run, not CI's).
        subprocess.run(["import", "-window", "root",
                        os.path.join(shots, f"failure-{len(failures)}.png")], check=False)
    if not ok and current["app"] is not None:
        # What was on screen when it failed, for the log's tail.
        try:
            failures.append(f"{name}; on screen: " + " | ".join(n or "?" for n in names(current["app"])))
        except Exception as error:
            failures.append(f"{name}; the screen could not be read ({error})")


def log(text):
    sys.stderr.write(text + "\n")


def meaningful(name):
    name = (name or "").strip()
    return bool(name) and not MEANINGLESS.search(name) and any(c.isalnum() for c in name)


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


def on_screen(node):
    """GTK 4.8 never sets SHOWING: a control is on screen when VISIBLE and
    its extents are not 0x0. A stack's page that was shown once keeps its
    extents when hidden: such controls are checked too (a screen reader's
    browse mode reaches them), and the walk presses only new ones."""
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return box.width > 0 and box.height > 0
    except Exception:
        return False


def fresh(app):
    """libatspi keeps what it read of the tree (states, children) and learns
    of changes only through events this script does not listen to: the
    home screen, hidden when first read, would stay hidden to the walk."""
    try:
        app.clear_cache()
    except Exception:
        pass


def collect(node, out):
    try:
        role = node.getRole()
        states = node.getState()
    except Exception:
        return out
    if not states.contains(pyatspi.STATE_VISIBLE):
        return out
    if role in CONTROLS:
        out.append(node)
    try:
        children = list(node)
    except Exception:  # gone while we looked: a page being replaced
        return out
    for child in children:
        if child is not None:
            collect(child, out)
    return out


def all_controls(app):
    fresh(app)
    found = []
    for window in app:
        if window is not None:
            collect(window, found)
    return found


def controls(app):
    return [c for c in all_controls(app) if on_screen(c)]


def names(app):
    found = []
    for c in controls(app):
        try:
            found.append(c.name)
        except Exception:
            pass
    return found


countdown = {"app": None, "since": None, "done": False}


def check_countdown(wait=0):
    """The short-delay kiosk's countdown, checked as soon as it shows."""
    app = countdown["app"]
    if app is None or countdown["done"] or time.time() - countdown["since"] < 31 - wait:
        return
    if wait_for(app, "Je suis encore là", timeout=max(wait, 1)) is not None:
        countdown["done"] = True
        check_page(app, "countdown", settle=0)


def check_page(app, page, settle=0.3):
    """Every control on screen has a meaningful name."""
    if app is not countdown["app"]:
        check_countdown()
    time.sleep(settle)
    found = []
    for c in controls(app):
        try:
            found.append((c.getRoleName(), c.name))
        except Exception:
            pass
    bad = [f"{role} “{name}”" for role, name in found if not meaningful(name)]
    log(f"# {page}: {len(found)} controls: " + " | ".join(name or "?" for _, name in found))
    if bad:
        log(f"# {page}: without a meaningful name: {', '.join(bad)}")
    check(f"{page}: every control has a meaningful name ({len(found)} on screen)",
          found and not bad)


def click(control):
    action = control.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == "click":
            action.doAction(i)
            return True
    return False


def wait_for(app, name, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        for c in all_controls(app):
            try:
                if c.name == name and on_screen(c):
                    return c
            except Exception:
                pass
        time.sleep(0.2)
    return None


def wait_for_any(app, wanted, timeout=30):
    """Which of @wanted shows first on screen, or None."""
    end = time.time() + timeout
    while time.time() < end:
        shown = set(names(app))
        for name in wanted:
            if name in shown:
                return name
        time.sleep(0.2)
    return None


def wait_text(app, text, timeout=20):
    """Until something on screen (a label, a title) says @text."""
    def find(node):
        try:
            if node.name == text and on_screen(node):
                return True
            return any(find(c) for c in list(node) if c is not None)
        except Exception:
            return False
    end = time.time() + timeout
    while time.time() < end:
        fresh(app)
        if find(app):
            return True
        time.sleep(0.3)
    return False


def press(app, name, what=None):
    # A loaded machine (the suite runs tests in parallel on 2 cores) answers
    # AT-SPI slowly: a walk of the tree can take seconds.
    control = wait_for(app, name, timeout=30)
    ok = control is not None and click(control)
    if not ok:
        check(f"{what or name}: “{name}” found and pressed through AT-SPI", False)
    return ok


def new_controls(app, before):
    """The names of what a page offers that the page @before did not, bars
    aside, in screen order."""
    seen = []
    for name in names(app):
        if (name and name not in BARS and name not in before and name not in seen
                and not NOT_PRESSED.search(name)):
            seen.append(name)
    return seen


def walk_activity(app, tile, short, home):
    """The activity's first screen, then each screen one touch away."""
    if not press(app, tile, short):
        return
    check_page(app, short)
    first = set(names(app))
    for name in new_controls(app, home)[:3]:
        # A control that comes and goes on its own (a USB stick another
        # test plugs in under /media shows, then hides, its message) is
        # not pressed once gone.
        control = wait_for(app, name, timeout=3)
        if control is None:
            log(f"# {short}: “{name}” gone before it was pressed")
            continue
        if not click(control):
            check(f"{short}: “{name}” pressed through AT-SPI", False)
            continue
        check_page(app, f"{short} › {name}")
        # A presentation has no bars: its own Quitter first.
        if wait_for_any(app, ("Accueil", "Quitter")) == "Quitter":
            press(app, "Quitter", short)
        if not press(app, "Accueil", short) or not press(app, tile, short):
            return
    press(app, "Accueil", short)
    return first


def start_visit(app):
    """Touches the welcome screen until the home screen's bars show (never
    on welcome or goodbye): a touch during a goodbye starts nothing."""
    end = time.time() + 40
    while time.time() < end:
        if not press(app, "Touchez l'écran pour commencer", "welcome"):
            return False
        if wait_for(app, "Aide", timeout=8) is not None:
            return True
    check("welcome: a touch starts a visit, its bars shown", False)
    return False


def walk_visitor(app):
    check_page(app, "welcome")
    if not start_visit(app):
        return
    check_page(app, "home")
    home = set(names(app))
    # The tiles read "Title. Subtitle" (laid out already under the welcome
    # screen, so found by their form rather than as new).
    tiles = [n for n in names(app) if n not in BARS and re.match(r"^[^.]+\. [^.]+$", n)]
    check("home: the demo configuration's six activities", len(tiles) == 6)
    for tile in tiles:
        walk_activity(app, tile, tile.split(".")[0], home)
    # The culture corner's presentation, its own screen without the bars.
    culture = next((t for t in tiles if t.startswith("Culture")), None)
    if culture and press(app, culture) and press(app, "Mode conférencier"):
        check_page(app, "Mode conférencier")
        if press(app, "Suivante", "Mode conférencier"):
            check_page(app, "Mode conférencier, second work")
        press(app, "Quitter", "Mode conférencier")
        check_page(app, "culture detail after Mode conférencier")
        press(app, "Accueil")
    if culture and press(app, culture) and press(app, "Sites de musées"):
        check_page(app, "culture sites")
        press(app, "Accueil")
    demarches = next((t for t in tiles if t.startswith("Mes démarches")), None)
    if demarches and press(app, demarches) and press(app, "Remplir un formulaire"):
        check_page(app, "démarches forms")
        press(app, "Accueil")
    if press(app, "Aide", "help"):
        check_page(app, "help")
        press(app, "Accueil", "help")
    before = set(names(app))
    if press(app, "J'ai fini", "end questions"):
        check_page(app, "end questions: found what you looked for?")
        answers = new_controls(app, before | {"Je n'ai pas fini"})
        before = set(names(app))
        if answers and press(app, answers[0], "end questions"):
            check_page(app, "end questions: age")
            ages = new_controls(app, before | {"Je n'ai pas fini"})
            if ages and press(app, ages[0], "end questions"):
                check_page(app, "goodbye", settle=0.3)


def staff_key(pid):
    """Ctrl+Alt+S, as staff type it, to the kiosk's window."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                           capture_output=True, text=True).stdout.split()
    if not found:
        return False
    window = found[-1]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False)
    return subprocess.run(["xdotool", "key", "--window", window, "ctrl+alt+s"]).returncode == 0


def type_code(app, code, step):
    for digit in code:
        if not press(app, digit, step):
            return False
    return press(app, "Valider", step)


def walk_staff(app, pid):
    if not staff_key(pid) or wait_for(app, "Valider") is None:
        check("staff: Ctrl+Alt+S opens the PIN pad", False)
        return
    check_page(app, "staff PIN pad: choose a code")
    if not type_code(app, "482913", "staff PIN pad"):
        return
    if not wait_text(app, "Tapez le même code une deuxième fois"):
        check("staff: the PIN pad asks for the code again", False)
        texts = []

        def gather(node):
            try:
                if node.getRole() == pyatspi.ROLE_LABEL and on_screen(node):
                    texts.append(node.name)
                for c in list(node):
                    if c is not None:
                        gather(c)
            except Exception:
                pass
        gather(app)
        log("# staff labels: " + " | ".join(texts))
        return
    check_page(app, "staff PIN pad: the same code again")
    if not type_code(app, "482913", "staff PIN pad") or not wait_for(app, "Fermer l'espace équipe",
                                                                      timeout=30):
        check("staff: the menu after the code", False)
        return
    check_page(app, "staff menu")
    for item in ("Tableau de bord et exports", "Codes de l'équipe et des aidants",
                 "Quitter le mode kiosque"):
        if not press(app, item, "staff menu"):
            continue
        time.sleep(1.5)
        check_page(app, f"staff › {item}")
        back = next((n for n in ("Retour au menu", "Non, rester en mode kiosque", "Retour")
                     if wait_for(app, n, timeout=1)), None)
        if back is None or not press(app, back, f"staff › {item}"):
            return
    warnings = next((n for n in names(app) if n.startswith("Avertissements")), None)
    if warnings and press(app, warnings, "staff menu"):
        check_page(app, "staff › Avertissements")
        press(app, "Retour au menu", "staff › Avertissements")
    press(app, "Fermer l'espace équipe", "staff menu")


def start(config_dir, tmp, name):
    env = dict(KIOSK_ENV)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env["XDG_DATA_HOME"] = os.path.join(tmp, name)
    # Each kiosk its own runtime folder: one wipes another's leftovers there.
    env["XDG_RUNTIME_DIR"] = os.path.join(tmp, f"{name}-run")
    os.mkdir(env["XDG_RUNTIME_DIR"], 0o700)
    log_file = open(os.path.join(tmp, f"{name}.log"), "w+")
    proc = subprocess.Popen([escale, "--config", config_dir, "--stats",
                             os.path.join(tmp, f"{name}.db")],
                            env=env, stdout=log_file, stderr=log_file)
    return proc, log_file


def short_delay_config(tmp):
    copy = os.path.join(tmp, "short-config")
    shutil.copytree(config, copy)
    ini = os.path.join(copy, "escale.ini")
    with open(ini) as f:
        text = f.read()
    with open(ini, "w") as f:
        f.write(re.sub(r"^idle-delay=\d+", "idle-delay=30", text, flags=re.M))
    return copy


with tempfile.TemporaryDirectory() as tmp:
    main, main_log = start(config, tmp, "main")
    short, short_log = start(short_delay_config(tmp), tmp, "short")
    try:
        app = find_app(main.pid)
        short_app = find_app(short.pid)
        check("the kiosk shows up on the accessibility bus", app is not None)
        check("the short-delay kiosk too", short_app is not None)
        if short_app is not None:
            press(short_app, "Touchez l'écran pour commencer", "countdown kiosk")
            countdown.update(app=short_app, since=time.time())
        if app is not None:
            current["app"] = app
            # Staff first, during a visit (its end questions and goodbye
            # would close the staff space under the walk's feet). The home
            # screen shown first: GTK 4.8 left the bars and tiles out of the
            # AT-SPI tree when their first showing came after the staff
            # space's.
            start_visit(app)
            walk_staff(app, main.pid)
            walk_visitor(app)
        if short_app is not None and not countdown["done"]:
            # Missed: its visit may be counting down, saying goodbye or over.
            # Start another visit when the welcome screen is back, and wait.
            current["app"] = short_app
            end, pressed = time.time() + 150, 0
            while not countdown["done"] and time.time() < end:
                shown = set(names(short_app))
                if "Je suis encore là" in shown:
                    countdown["done"] = True
                    check_page(short_app, "countdown", settle=0)
                elif ("Aide" not in shown and "Touchez l'écran pour commencer" in shown
                      and time.time() - pressed > 40):
                    # The welcome screen (no bars): a new visit. Not more
                    # often: a press is activity and would put the
                    # countdown off.
                    press(short_app, "Touchez l'écran pour commencer", "countdown kiosk")
                    pressed = time.time()
                time.sleep(1)
            check("countdown: shown after the delay, its button named", countdown["done"])
    except Exception as error:
        check(f"the kiosks kept answering on the accessibility bus ({error})", False)
    finally:
        for proc, log_file, name in ((main, main_log, "kiosk"), (short, short_log, "short kiosk")):
            if proc.poll() is not None:
                check(f"the {name} is still running (exit status {proc.returncode})", False)
            log_file.seek(0)
            sys.stderr.write(log_file.read())
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()

for failure in failures:
    log(f"# FAILED: {failure}")
print(f"1..{len(results)}")
for i, (name, ok) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
sys.exit(0 if all(ok for _, ok in results) else 1)
