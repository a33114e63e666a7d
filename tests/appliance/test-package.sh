#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian packages, built once here with scripts/build-deb (about 4-8
# minutes on 2 cores): their contents, the same files as `meson install`,
# lintian without errors, and the packaged escale running from a throwaway
# root. TAP output.
#   test-package.sh            builds into a temporary folder
#   ESCALE_DEB_DIR=DIR ...     uses what `scripts/build-deb DIR` made before
# It leaves ESCALE_DEB_KEEP (if set) with the packages, for test-setup-kiosk.
src="$ESCALE_SOURCE_DIR"
tmp="$(mktemp -d /tmp/escale-package-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

echo "1..9"
# test-setup-kiosk must never find the packages of an earlier run.
[ -n "${ESCALE_DEB_KEEP:-}" ] && rm -rf "$ESCALE_DEB_KEEP"
deb="${ESCALE_DEB_DIR:-}"
if [ -z "$deb" ]; then
  deb="$tmp/deb"
  start=$(date +%s)
  "$src/scripts/build-deb" "$deb" >"$tmp/build.out" 2>&1
  rc=$?
  echo "# scripts/build-deb: status $rc in $(($(date +%s) - start)) s"
  [ $rc -ne 0 ] && sed 's/^/# /' "$tmp/build.out"
fi
escale_deb="$(ls "$deb"/escale_*.deb 2>/dev/null | head -n 1)"
session_deb="$(ls "$deb"/escale-kiosk-session_*.deb 2>/dev/null | head -n 1)"
check "build-deb made escale and escale-kiosk-session" '[ -f "$escale_deb" ] && [ -f "$session_deb" ]'
check "lintian found no error" '[ -f "$deb/lintian.log" ] && ! grep -q "^E:" "$deb/lintian.log"'

# Files and links of a package, one path a line, without the folders.
contents () {
  dpkg-deb --fsys-tarfile "$1" | tar -t | sed 's|^\./|/|' | grep -v '/$' | sort
}
contents "$escale_deb" > "$tmp/escale.list"
contents "$session_deb" > "$tmp/session.list"

has_all () {
  local list="$1"; shift
  local path
  for path in "$@"; do
    grep -qx "$path" "$list" || { echo "# missing in $(basename "$list"): $path"; return 1; }
  done
}
check "escale holds the kiosk, the staff tools, the helper and the demo config" \
  'has_all "$tmp/escale.list" /usr/bin/escale /usr/bin/escale-stats /usr/bin/escale-board \
     /usr/libexec/escale-photo-helper /usr/share/escale/kiosk-config/escale.ini \
     /usr/lib/x86_64-linux-gnu/escale/web-extensions/libescale-web-extension.so \
     /usr/lib/systemd/user/escale-stats-push.timer /usr/share/escale/server/README.md \
     /usr/share/doc/escale/examples/kiosk-config /usr/share/locale/en/LC_MESSAGES/escale.mo \
     /usr/share/glib-2.0/schemas/90-escale-kiosk.gschema.override'
check "escale-kiosk-session holds the wrapper, the setup, the units and the lockdown files" \
  'has_all "$tmp/session.list" /usr/bin/escale-kiosk-session /usr/sbin/escale-setup-kiosk \
     /usr/libexec/escale-maintenance /lib/systemd/system/escale-kiosk-session.service \
     /lib/systemd/system/escale-maintenance.service /lib/systemd/system/escale-maintenance.timer \
     /usr/share/escale-kiosk-session/escale-kiosk.pam \
     /usr/share/escale-kiosk-session/escale-wayland-session.desktop \
     /usr/share/escale-kiosk-session/dconf/escale-locks'
check "no file is in both packages" '[ -z "$(comm -12 "$tmp/escale.list" "$tmp/session.list")" ]'

# `meson install` from the very build the packages came from: the same
# files, apart from what Debian adds (changelog, copyright).
build="$(ls -d "$deb"/source/escale-*/obj-* 2>/dev/null | head -n 1)"
if [ -n "$build" ]; then
  meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/inst" >/dev/null 2>&1
  (cd "$tmp/inst" && find . ! -type d | sed 's|^\./|/|' | sort) > "$tmp/meson.list"
fi
sort "$tmp/escale.list" "$tmp/session.list" |
  grep -Ev '^/usr/share/doc/escale(-kiosk-session)?/(changelog\.gz|copyright)$' > "$tmp/packages.list"
check "meson install and the packages install the same files" \
  '[ -s "$tmp/meson.list" ] && diff "$tmp/meson.list" "$tmp/packages.list" | sed "s/^/# /" && \
   cmp -s "$tmp/meson.list" "$tmp/packages.list"'

check "the runtime dependencies name what Escale loads" \
  'deps="$(dpkg-deb -f "$escale_deb" Depends)"; for p in gstreamer1.0-plugins-bad gstreamer1.0-nice \
     gstreamer1.0-plugins-good bubblewrap gvfs libgtk-4-media-gstreamer libwebkitgtk-6.0-4; do \
     [[ "$deps" == *"$p"* ]] || { echo "# escale does not depend on $p"; exit 1; }; done; \
   [[ "$(dpkg-deb -f "$session_deb" Depends)" == *cage* ]]'

# Unpacked into a throwaway root: the packaged programs run from there.
mkdir -p "$tmp/root"
dpkg -x "$escale_deb" "$tmp/root" && dpkg -x "$session_deb" "$tmp/root"
out="$("$tmp/root/usr/bin/escale" --version 2>&1)"
check "the packaged escale --version runs from the throwaway root" '[[ "$out" =~ ^escale\ [0-9]+\.[0-9]+ ]]'
ESCALE_PHOTO_HELPER="$tmp/root/usr/libexec/escale-photo-helper" GSK_RENDERER=cairo \
  "$tmp/root/usr/bin/escale" --check-config "$tmp/root/usr/share/escale/kiosk-config" \
  >"$tmp/check.out" 2>&1
rc=$?
sed 's/^/# /' "$tmp/check.out"
check "its demo config and photo helper check clean" '[ $rc -eq 0 ]'

if [ -n "${ESCALE_DEB_KEEP:-}" ]; then
  mkdir -p "$ESCALE_DEB_KEEP" && cp "$escale_deb" "$session_deb" "$ESCALE_DEB_KEEP/"
fi
exit $failed
