#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts individual TAP results in meson's test log and prints
"N passed, N failed". A program that crashed or printed no TAP result
counts as one failure, so nothing is silently lost."""
import json
import re
import sys

passed = failed = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
        entries = [json.loads(line) for line in log if line.strip()]
except OSError as error:
    print(f"cannot read the test log: {error}")
    print("0 passed, 1 failed")
    sys.exit(1)

for entry in entries:
    ok = bad = 0
    for line in entry.get("stdout", "").splitlines():
        if re.match(r"^ok \d+", line):
            if "# SKIP" in line:
                continue
            ok += 1
        elif re.match(r"^not ok \d+", line):
            if "# TODO" in line:
                continue
            bad += 1
    if entry.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
        bad = 1
        print(f"{entry.get('name')}: {entry.get('result')} with no failing TAP line")
    passed += ok
    failed += bad

print(f"{passed} passed, {failed} failed")
sys.exit(0 if failed == 0 and passed > 0 else 1)
