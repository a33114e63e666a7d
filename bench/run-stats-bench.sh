#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The staff dashboard, the CSV export and the end-of-visit write on a store
# of 1,000,000 visits (about five years of a busy centre).
#   bench/run-stats-bench.sh BUILDDIR [SESSIONS]
set -eu
build="$1"
n="${2:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
db="$tmp/stats.db"

echo 135792 | "$build/src/tools/escale-stats" --db "$db" set-pin >/dev/null
start=$(date +%s)
python3 "$here/generate-stats.py" "$db" "$n" 2021-12-01 2026-11-28 7
echo "Generated $n visits in $(( $(date +%s) - start )) s; store $(du -h "$db" | cut -f1)"
"$build/bench/escale-stats-bench" "$db" 2026-11-28
