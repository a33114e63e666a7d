#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as an administrator uses it. TAP output.
escale="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

echo "1..10"

out="$("$escale" --version)"
check "--version prints the version" '[[ "$out" =~ ^escale\ [0-9]+\.[0-9]+ ]]'

out="$("$escale" --help 2>&1)"
check "--help lists --check-config and --kiosk" '[[ "$out" == *--check-config* && "$out" == *--kiosk* ]]'

"$escale" --check-config "$ESCALE_SOURCE_DIR/kiosk-config" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "the demo config checks clean (exit 0)" '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]'

mkdir -p "$tmp/cfg/activities"
printf '[Centre]\nname=Test\n[Session]\nidle-delay=abc\noops\n' > "$tmp/cfg/escale.ini"
printf '[Activity]\nid=a\ntitle=A\nicon=info\nkind=info\ncolour=red\n' > "$tmp/cfg/activities/a.ini"
"$escale" --check-config "$tmp/cfg" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a bad config exits 1" '[ $rc -eq 1 ]'
check "each problem names file, line and key" 'grep -q "^escale.ini:4: idle-delay: " "$tmp/err" && grep -q "^activities/a.ini:6: colour: " "$tmp/err"'
check "a line that is not key=value is named" 'grep -q "^escale.ini:5: « oops » n.est pas une ligne clé=valeur" "$tmp/err"'

# "Mes photos" cannot show a photo without its decoding helper: the
# machine check says so on the activity's kind= line.
ESCALE_PHOTO_HELPER=/nonexistent/escale-photo-helper \
  "$escale" --check-config "$ESCALE_SOURCE_DIR/kiosk-config" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "no photo helper: exit 1, said on the photos activity" '[ $rc -eq 1 ] && grep -q "^activities/20-photos.ini:7: kind: le décodeur de photos" "$tmp/err"'

"$escale" --check-config "$tmp/nowhere" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a missing folder exits 1 with a message" '[ $rc -eq 1 ] && grep -q "n.existe pas" "$tmp/err"'

# A crash (here: SIGKILL in the middle of a visit) then a restart, as the
# systemd unit does: the restarted kiosk wipes what the visit left before
# its first frame.
mkdir -p "$tmp/run" "$tmp/data"
chmod 700 "$tmp/run"
XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" GSK_RENDERER=cairo \
  "$escale" --config "$ESCALE_SOURCE_DIR/kiosk-config" >/dev/null 2>&1 &
pid=$!
sleep 2
mkdir -p "$tmp/run/escale/session-crashed"
echo "relevé de compte" > "$tmp/run/escale/session-crashed/releve.pdf"
kill -9 $pid
wait $pid 2>/dev/null
check "the visit's file is there after the crash" '[ -f "$tmp/run/escale/session-crashed/releve.pdf" ]'
XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" GSK_RENDERER=cairo ESCALE_BENCH_STARTUP=1 \
  timeout 60 "$escale" --config "$ESCALE_SOURCE_DIR/kiosk-config" >"$tmp/out" 2>&1
check "the restart wipes it before the first frame" '[ ! -e "$tmp/run/escale/session-crashed" ] && grep -q escale-first-frame-us "$tmp/out"'

exit $failed
