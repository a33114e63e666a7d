#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two Escale kiosks and one escale-board, three processes on one real
mosquitto (127.0.0.1, a free port, data/mosquitto/escale-acl), driven the
way a person would through AT-SPI: a call for help goes out, "J'arrive" on
the board changes the visitor's screen, "J'ai fini" shows "parti" on the
board; the broker stops mid-request and comes back: the kiosk kept
answering, the request is on the broker again, counted once.
TAP output. Usage: test-help-two-kiosks.py ESCALE ESCALE-BOARD SOURCE-DIR"""
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

KIOSK_ENV = dict(os.environ)
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

escale, board_exe, source = sys.argv[1], sys.argv[2], sys.argv[3]
results = []
SENT = "Votre demande est envoyée. Restez tranquillement à votre place."
COMING = "Le conseiller a vu votre demande, il arrive."


def check(name, ok):
    results.append((name, bool(ok)))
    return bool(ok)


class Broker:
    """Debian's mosquitto with the ACL centres copy; no persistence, so a
    restart forgets every retained message."""

    def __init__(self, tmp):
        self.dir = tmp
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        passwd = os.path.join(tmp, "passwd")
        for i, user in enumerate(("poste-1", "poste-2", "board")):
            args = ["mosquitto_passwd", "-b", passwd, user, "pw-" + user]
            if i == 0:
                args.insert(1, "-c")
            subprocess.run(args, check=True)
        with open(os.path.join(tmp, "mosquitto.conf"), "w") as conf:
            conf.write(f"per_listener_settings false\nallow_anonymous false\n"
                       f"password_file {passwd}\n"
                       f"acl_file {source}/data/mosquitto/escale-acl\n"
                       f"persistence false\nuser {os.environ.get('USER') or 'root'}\n"
                       f"log_dest file {tmp}/mosquitto.log\n"
                       f"listener {self.port} 127.0.0.1\n")
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen(["/usr/sbin/mosquitto", "-c",
                                      os.path.join(self.dir, "mosquitto.conf")],
                                     stderr=subprocess.DEVNULL)
        end = time.time() + 20
        while time.time() < end:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)

    def retained(self, topic):
        out = subprocess.run(["mosquitto_sub", "-h", "127.0.0.1", "-p", str(self.port),
                              "-u", "board", "-P", "pw-board", "-t", topic, "-C", "1",
                              "-W", "5"], capture_output=True, text=True)
        return out.stdout.strip()


def write_config(tmp, broker, name, kiosk):
    folder = os.path.join(tmp, name)
    os.mkdir(folder)
    user = kiosk or "board"
    with open(os.path.join(folder, "help-credentials"), "w") as f:
        f.write(f"{user}:pw-{user}\n")
    help_group = (f"[Help]\nbroker=127.0.0.1\nport={broker.port}\nsite=centre\n"
                  f"credentials=help-credentials\n")
    if kiosk is None:
        with open(os.path.join(folder, "escale-board.ini"), "w") as f:
            f.write(help_group)
        return os.path.join(folder, "escale-board.ini")
    for sub in ("activities", "culture", "demarches"):
        os.symlink(os.path.join(source, "kiosk-config", sub), os.path.join(folder, sub))
    label = "Poste " + kiosk[-1]
    with open(os.path.join(folder, "escale.ini"), "w") as f:
        f.write(f"[Centre]\nname=Centre de test\n\n[Session]\nend-questions=false\n\n"
                f"{help_group}kiosk={kiosk}\nkiosk-label={label}\n")
    return folder


def find_app(pid, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    return None


def nodes(node, out):
    try:
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return out
        out.append(node)
        for child in node:
            if child is not None:
                nodes(child, out)
    except Exception:
        pass
    return out


def find(app, name, button=False, timeout=20):
    """A visible node named @name (a button when @button), waiting for it."""
    end = time.time() + timeout
    while time.time() < end:
        for window in app:
            for node in nodes(window, []) if window is not None else []:
                try:
                    if node.name == name and (not button or node.getRole() in (
                            pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)):
                        return node
                except Exception:
                    pass
        time.sleep(0.2)
    return None


def press(app, name):
    node = find(app, name, button=True)
    if node is None:
        return False
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == "click":
            return action.doAction(i)
    return False


def count(db, sql):
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchone()[0]


def scenario(broker, kiosk1, kiosk2, board, db1, db2):
    check("the three programs are on the accessibility bus",
          None not in (kiosk1, kiosk2, board))
    check("kiosk 1: a visit starts", press(kiosk1, "Touchez l'écran pour commencer"))
    check("kiosk 1: « Appeler un aidant »", press(kiosk1, "Appeler un aidant"))
    check("kiosk 1 says the request is sent", find(kiosk1, SENT) is not None)
    check("the board shows the request",
          find(board, "Poste 1 : demande d'aide à l'instant") is not None)
    check("the board: « J'arrive »", press(board, "J'arrive"))
    check("kiosk 1 says a helper is coming", find(kiosk1, COMING) is not None)
    check("the board says a helper goes", find(board, "Poste 1 : un aidant y va") is not None)
    check("kiosk 1: « J'ai fini »", press(kiosk1, "J'ai fini"))
    check("the board shows « parti »",
          find(board, "Poste 1 : parti avant d'être aidé") is not None)

    check("kiosk 2: a visit starts", press(kiosk2, "Touchez l'écran pour commencer"))
    check("kiosk 2: « Appeler un aidant »", press(kiosk2, "Appeler un aidant"))
    check("kiosk 2 says the request is sent", find(kiosk2, SENT) is not None)
    check("the board shows kiosk 2's request",
          find(board, "Poste 2 : demande d'aide à l'instant") is not None)
    broker.stop()
    check("the board says it cannot hear the kiosks",
          find(board, "Le serveur des demandes d'aide ne répond pas : les postes ne sont pas "
               "suivis. Nouvel essai en cours.") is not None)
    check("kiosk 2 still answers while the broker is away: Aide opens",
          press(kiosk2, "Aide") and find(kiosk2, "Retour", button=True) is not None)
    check("kiosk 2: Retour", press(kiosk2, "Retour"))
    broker.start()
    state = ""
    end = time.time() + 30
    while time.time() < end and not state.startswith("asked"):
        state = broker.retained("escale/centre/kiosks/poste-2/state")
    check(f"the restarted broker has kiosk 2's request again ({state!r})",
          state.startswith("asked"))
    check("the board hears the kiosks again",
          find(board, "Les postes du centre sont suivis.") is not None)
    check("kiosk 2: « J'ai fini »", press(kiosk2, "J'ai fini"))
    check("the board shows « parti » for kiosk 2",
          find(board, "Poste 2 : parti avant d'être aidé") is not None)

    time.sleep(1)
    check("kiosk 1's visit: help asked once, given",
          count(db1, "SELECT count (*) FROM sessions WHERE helper_calls = 1 AND help_given")
          == 1)
    check("kiosk 2's visit: help asked once (not twice for the outage), not given",
          count(db2, "SELECT count (*) FROM sessions WHERE helper_calls = 1 AND NOT help_given")
          == 1 and count(db2, "SELECT total (helper_calls) FROM sessions") == 1)


def main():
    env = KIOSK_ENV
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    with tempfile.TemporaryDirectory() as tmp:
        broker = Broker(tmp)
        procs = []
        log = open(os.path.join(tmp, "programs.log"), "w+")
        try:
            dbs = []
            for kiosk in ("poste-1", "poste-2"):
                config = write_config(tmp, broker, kiosk, kiosk)
                runtime = os.path.join(tmp, kiosk + "-runtime")
                os.mkdir(runtime, 0o700)
                kenv = dict(env, XDG_RUNTIME_DIR=runtime, XDG_DATA_HOME=runtime)
                dbs.append(os.path.join(tmp, kiosk + ".db"))
                procs.append(subprocess.Popen([escale, "--config", config, "--stats", dbs[-1]],
                                              env=kenv, stdout=log, stderr=log))
            board_ini = write_config(tmp, broker, "board", None)
            procs.append(subprocess.Popen([board_exe, "--config", board_ini],
                                          env=env, stdout=log, stderr=log))
            apps = [find_app(p.pid) for p in procs]
            scenario(broker, apps[0], apps[1], apps[2], dbs[0], dbs[1])
        except Exception as error:
            check(f"the scenario ran to its end ({error!r})", False)
        finally:
            for p in procs:
                if p.poll() is not None:
                    check(f"{p.args[0]} kept running (exit status {p.returncode})", False)
                p.terminate()
            for p in procs:
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
            if broker.proc.poll() is None:
                broker.stop()
            log.seek(0)
            sys.stderr.write(log.read())


main()
print(f"1..{len(results)}")
for i, (name, ok) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
sys.exit(0 if all(ok for _, ok in results) else 1)
