#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The real kiosk session, as on the appliance: Debian's cage (headless
# wlroots backend, no GPU) running escale-kiosk-session as an unprivileged
# account (nobody), Escale inside; screenshots with grim. TAP output.
#   test-kiosk-session.sh ESCALE WRAPPER ESCALE-STATS
# ESCALE_APPLIANCE_SHOTS=DIR keeps the screenshots (docs/INSTALL-KIOSK.md).
escale="$1"
wrapper="$2"
stats_tool="$3"
user=nobody
tmp="$(mktemp -d /tmp/escale-session-XXXXXX)"
session=""
n=0
failed=0

check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

cleanup () {
  [ -n "$session" ] && kill -- -"$session" 2>/dev/null
  [ -n "$session" ] && wait "$session" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "1..9"
if [ "$(id -u)" -ne 0 ] || ! command -v cage >/dev/null || ! command -v grim >/dev/null; then
  for i in $(seq 9); do echo "ok $i # SKIP needs root, cage and grim (scripts/deps.sh)"; done
  exit 0
fi

chmod 755 "$tmp"
mkdir -p "$tmp/run" "$tmp/home" "$tmp/shots"
chown "$user" "$tmp/run" "$tmp/home" "$tmp/shots"
chmod 700 "$tmp/run"

# Every process of the session descends from $session (its own process
# group, so the cleanup ends them all).
descendants () {
  local kids
  kids="$(ps -o pid= --ppid "$1" 2>/dev/null)"
  for kid in $kids; do
    echo "$kid"
    descendants "$kid"
  done
}

# The pid of the session's Escale started with $1 (--kiosk or --unavailable).
escale_pid () {
  local pid
  for pid in $(descendants "$session"); do
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "^$escale $1"; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}

# Starts cage with the wrapper; extra environment as arguments. The output
# is turned upside down twice over (-r -r, 180°) only for the screenshots:
# on the headless backend a full-screen window is scanned out directly and
# wlroots' screencopy (grim) then sees a black screen; a rotated output is
# always composited, and grim turns the picture back.
start_session () {
  setsid runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 \
    XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
    XDG_CACHE_HOME="$tmp/home/cache" WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 \
    WLR_RENDERER=pixman NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory \
    ESCALE_PHOTO_HELPER="$ESCALE_PHOTO_HELPER" ESCALE_KIOSK_BIN="$escale" \
    "$@" \
    dbus-run-session -- cage -r -r -- "$wrapper" --config "$ESCALE_SOURCE_DIR/kiosk-config" \
    >"$tmp/session.log" 2>&1 &
  session=$!
}

# Takes a screenshot of cage's output into $1; true if it has a picture.
shoot () {
  rm -f "$1"
  runuser -u "$user" -- env XDG_RUNTIME_DIR="$tmp/run" WAYLAND_DISPLAY=wayland-0 \
    grim "$1.tmp" 2>/dev/null && mv "$1.tmp" "$1"
  [ -s "$1" ]
}

# A picture, not a blank screen: its pixels vary.
not_blank () {
  local sd
  sd="$(convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info: 2>/dev/null)"
  awk -v sd="${sd:-0}" 'BEGIN { exit !(sd > 0.05) }'
}

# Polls $1 (a command) every 0.1 s for at most $2 seconds.
poll () {
  local tries=$(($2 * 10))
  while [ "$tries" -gt 0 ]; do
    eval "$1" && return 0
    sleep 0.1
    tries=$((tries - 1))
  done
  return 1
}

keep_shot () {
  [ -n "${ESCALE_APPLIANCE_SHOTS:-}" ] && mkdir -p "$ESCALE_APPLIANCE_SHOTS" &&
    cp "$1" "$ESCALE_APPLIANCE_SHOTS/$2"
  return 0
}

start_session
poll 'escale_pid --kiosk >/dev/null' 60
first="$(escale_pid --kiosk)"
# The welcome screen: drawn once the window has a picture.
poll 'shoot "$tmp/shots/welcome.png" && not_blank "$tmp/shots/welcome.png"' 90
check "Escale runs inside cage as $user" \
  '[ -n "$first" ] && [ "$(stat -c %U /proc/$first)" = "$user" ]'
check "grim's screenshot of the session is not blank" 'not_blank "$tmp/shots/welcome.png"'
keep_shot "$tmp/shots/welcome.png" kiosk-session-welcome.png

# A crash in the middle of a visit: its file is still in the scratch
# folder; the wrapper starts Escale again, whose start-up wipes it.
mkdir -p "$tmp/run/escale/session-crashed"
echo "relevé de compte" > "$tmp/run/escale/session-crashed/releve.pdf"
chown -R "$user" "$tmp/run/escale"
kill -9 "$first"
back () {
  local pid
  pid="$(escale_pid --kiosk)" && [ "$pid" != "$first" ] &&
    [ ! -e "$tmp/run/escale/session-crashed" ]
}
poll back 3
check "after kill -9, Escale is back with the leftover wiped within 3 s" back
poll 'shoot "$tmp/shots/back.png" && not_blank "$tmp/shots/back.png"' 60
check "the restarted Escale draws again" 'not_blank "$tmp/shots/back.png"'

# Crashing again and again: the calm "unavailable" screen, not a loop.
kills=0
last="$(escale_pid --kiosk)"
while [ "$kills" -lt 20 ] && ! escale_pid --unavailable >/dev/null; do
  if pid="$(escale_pid --kiosk)"; then
    kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
  fi
  sleep 0.05
done
poll 'escale_pid --unavailable >/dev/null' 10
check "after $kills fast kills, the unavailable screen is shown" \
  'escale_pid --unavailable >/dev/null'
sleep 5
check "and Escale is not started again and again" '! escale_pid --kiosk >/dev/null'
poll 'shoot "$tmp/shots/unavailable.png" && not_blank "$tmp/shots/unavailable.png"' 60
check "the unavailable screen has a picture, not the welcome screen's" \
  'not_blank "$tmp/shots/unavailable.png" && ! cmp -s "$tmp/shots/welcome.png" "$tmp/shots/unavailable.png"'
keep_shot "$tmp/shots/unavailable.png" kiosk-session-unavailable.png
kill -- -"$session" 2>/dev/null
wait "$session" 2>/dev/null
session=""

# The nightly maintenance's part on the store the session wrote (the kiosk
# stopped): the write-ahead log folded in, the file compacted.
db="$tmp/home/data/escale/stats.db"
runuser -u "$user" -- "$stats_tool" --db "$db" maintenance >"$tmp/maintenance.log" 2>&1
rc=$?
check "escale-stats maintenance compacts the session's store" \
  '[ $rc -eq 0 ] && [ -f "$db" ] && [ ! -s "$db-wal" ] && [ "$(stat -c %U "$db")" = "$user" ]'

# The staff's "Quitter le mode kiosque" ends Escale with status 10
# (test-left-kiosk checks that in the real application); given that
# status, the wrapper ends the session and cage with it, for good.
cat > "$tmp/left-kiosk" <<'EOS'
#!/bin/sh
echo started >> "$(dirname "$0")/left-kiosk.runs"
exit 10
EOS
chmod 755 "$tmp/left-kiosk"
chown "$user" "$tmp"
mkdir -p "$tmp/unit-runtime"
chown "$user" "$tmp/unit-runtime"
escale_real="$escale"
escale="$tmp/left-kiosk"
# RUNTIME_DIRECTORY as escale-kiosk-session.service gives it: the wrapper
# leaves there the mark that makes the unit end in success (no restart).
start_session RUNTIME_DIRECTORY="$tmp/unit-runtime"
poll '! kill -0 "$session" 2>/dev/null' 30
wait "$session" 2>/dev/null
check "status 10 ends the session: cage exits, nothing started again" \
  '! kill -0 "$session" 2>/dev/null && [ "$(wc -l < "$tmp/left-kiosk.runs")" -eq 1 ] &&
   grep -q "kiosk mode left by the staff" "$tmp/session.log" && [ -e "$tmp/unit-runtime/left-kiosk" ]'
session=""
escale="$escale_real"
exit $failed
