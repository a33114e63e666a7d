#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills an Escale statistics store (schema 7) with generated visits.

    generate-stats.py STORE.db SESSIONS FIRST-DAY LAST-DAY [SEED]

STORE.db must exist (create it with `escale-stats --db STORE.db set-pin`).
Visits are spread over opening hours, more on weekdays, with durations,
activities, themes, helper calls and answers in plausible proportions, and
the counters of the activity kinds (session_counters): video calls for
most visio visits (started, connected, minutes).
"""
import datetime
import random
import sqlite3
import sys

ACTIVITIES = [
    ("visio", "Échanger avec ses proches", 30),
    ("demarches", "Aide aux démarches administratives", 25),
    ("culture", "Culture numérique", 20),
    ("photos", "Prendre en main du matériel", 15),
    ("infos", "Information", 10),
]
AGES = [("18-24", 3), ("25-39", 7), ("40-59", 15), ("60-69", 25), ("70+", 35), ("refus", 15)]


def pick(rng, weighted):
    total = sum(w for *_, w in weighted)
    x = rng.uniform(0, total)
    for item in weighted:
        x -= item[-1]
        if x <= 0:
            return item
    return weighted[-1]


def counters_for(rng, act_id, minutes):
    """The counters an activity of `minutes` counts; zeros leave no row."""
    out = []
    if act_id == "visio" and rng.random() < 0.8:
        started = 1 if rng.random() < 0.85 else 2
        connected = sum(1 for _ in range(started) if rng.random() < 0.75)
        out.append(("call", "started", started))
        if connected:
            out.append(("call", "connected", connected))
            out.append(("call", "minutes", max(1, int(minutes * rng.uniform(0.5, 0.9)))))
    # Only kinds that exist count: a counter no kind declares would show on
    # the dashboard under its raw name.
    return out


def main():
    path, n, first, last = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    d0 = datetime.date.fromisoformat(first)
    d1 = datetime.date.fromisoformat(last)
    days = [d0 + datetime.timedelta(days=i) for i in range((d1 - d0).days + 1)]
    weights = [0.2 if d.isoweekday() == 7 else 0.6 if d.isoweekday() == 6 else 1.0 for d in days]
    db = sqlite3.connect(path)
    kiosk = db.execute("SELECT value FROM meta WHERE key = 'kiosk_id'").fetchone()[0]
    db.execute("BEGIN")
    chosen = rng.choices(days, weights=weights, k=n)
    chosen.sort()
    for i, day in enumerate(chosen):
        hour = min(18, max(9, int(rng.gauss(14, 2.5))))
        duration = max(1, min(240, int(rng.lognormvariate(3.4, 0.7))))
        helper = 1 if rng.random() < 0.22 else 0
        if helper and rng.random() < 0.2:
            helper = 2
        answered = rng.random() < 0.45
        sat = pick(rng, [("oui", 60), ("en-partie", 28), ("non", 12)])[0] if answered else None
        age = pick(rng, AGES)[0] if answered else None
        cur = db.execute(
            "INSERT INTO sessions (day, start_hour, weekday, duration_min, end_reason,"
            " helper_calls, uid, kiosk_id, accompanied, satisfaction, age_bracket)"
            " VALUES (?, ?, ?, ?, ?, ?, lower(hex(randomblob(16))), ?, ?, ?, ?)",
            (day.isoformat(), hour, day.isoweekday(), duration,
             "finished" if rng.random() < 0.7 else "timeout", helper, kiosk,
             1 if helper else 0, sat, age))
        sid = cur.lastrowid
        acts = {pick(rng, ACTIVITIES) for _ in range(rng.choice([1, 1, 1, 2]))}
        left = duration
        for act_id, theme, _ in acts:
            minutes = left if len(acts) == 1 else max(1, left // 2)
            left -= minutes
            db.execute("INSERT INTO session_activities VALUES (?, ?, ?, ?, ?)",
                       (sid, act_id, minutes, theme, day.isoformat()))
            for kind, counter, value in counters_for(rng, act_id, minutes):
                db.execute("INSERT INTO session_counters VALUES (?, ?, ?, ?, ?)",
                           (sid, day.isoformat(), kind, counter, value))
    db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    main()
