#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# escale-setup-kiosk from the real packages, without changing this machine:
# everything runs in a private mount namespace where /etc, /usr, /var and
# /run are overlays whose changes land in a temporary folder, gone after.
# Checks: the packages install; the setup does its work, twice is the
# same as once, --undo puts back the file list (and /etc's contents) as
# before; systemd-analyze verify accepts every unit. TAP output.
#   test-setup-kiosk.sh DEBDIR     (DEBDIR: the packages test-package kept)
debs="$1"
tmp="$(mktemp -d /tmp/escale-setup-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT

if [ "$(id -u)" -ne 0 ]; then
  echo "1..0 # SKIP needs root (for the mount namespace)"
  exit 0
fi
if ! ls "$debs"/escale_*.deb "$debs"/escale-kiosk-session_*.deb >/dev/null 2>&1; then
  echo "1..1"
  echo "not ok 1 - the packages of test-package are in $debs"
  exit 1
fi

cat > "$tmp/inside.sh" <<'EOS'
#!/bin/bash
# Runs in the private mount namespace.
tmp="$1"
debs="$2"
n=0
failed=0
check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
for dir in etc usr var run; do
  mkdir -p "$tmp/upper/$dir" "$tmp/work/$dir"
  mount -t overlay overlay \
    -o "lowerdir=/$dir,upperdir=$tmp/upper/$dir,workdir=$tmp/work/$dir" "/$dir" || exit 1
done

# The file list of what the setup may touch, with /etc's contents. Not
# the backups useradd and userdel keep of the account files (/etc/passwd-
# and the like): the account files themselves are compared.
snapshot () {
  {
    find /etc /usr/local /var/lib -xdev -printf '%p %y %m %u\n' 2>/dev/null
    find /etc -xdev -type f -exec md5sum {} + 2>/dev/null
  } | grep -Ev '^/etc/[a-z]+- |  /etc/[a-z]+-$' | sort > "$1"
}

echo "1..10"
# dpkg's own dependency check would want cage & co. installed for real.
DEBIAN_FRONTEND=noninteractive dpkg -i --force-depends "$debs"/escale_*.deb \
  "$debs"/escale-kiosk-session_*.deb >"$tmp/dpkg.log" 2>&1
check "both packages install" '[ $? -eq 0 ] || { sed "s/^/# /" "$tmp/dpkg.log"; false; }'

units=(/lib/systemd/system/escale-kiosk-session.service /lib/systemd/system/escale-maintenance.service
       /lib/systemd/system/escale-maintenance.timer /usr/lib/systemd/user/escale-kiosk.service)
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "${units[@]}" >"$tmp/verify.log" 2>&1
rc=$?
sed 's/^/# /' "$tmp/verify.log"
check "systemd-analyze verify accepts every unit" '[ $rc -eq 0 ] && ! grep -qi "escale" "$tmp/verify.log"'

# A machine with GDM's configuration, as the --gdm choice needs.
mkdir -p /etc/gdm3
printf '# GDM configuration storage\n[daemon]\n# AutomaticLoginEnable = true\n\n[security]\n' \
  > /etc/gdm3/daemon.conf
snapshot "$tmp/before"

escale-setup-kiosk >"$tmp/setup1.log" 2>&1
rc1=$?
snapshot "$tmp/once"
check "the setup runs (tty session)" '[ $rc1 -eq 0 ] || { sed "s/^/# /" "$tmp/setup1.log"; false; }'
check "it made the account, /etc/escale, the PAM, logind, Xorg and dconf files and enabled the units" \
  'getent passwd escale >/dev/null && [ -f /etc/escale/escale.ini ] && [ -f /etc/pam.d/escale-kiosk ] &&
   grep -q "^NAutoVTs=0" /etc/systemd/logind.conf.d/escale.conf &&
   grep -q DontVTSwitch /etc/X11/xorg.conf.d/10-escale-no-vt-switch.conf &&
   [ -f /etc/dconf/db/escale ] && grep -q disable-command-line /etc/dconf/db/escale.d/locks/escale &&
   [ -L /etc/systemd/system/multi-user.target.wants/escale-kiosk-session.service ] &&
   [ -L /etc/systemd/system/timers.target.wants/escale-maintenance.timer ] &&
   grep -q "OnCalendar=\*-\*-\* 03:30:00" /etc/systemd/system/escale-maintenance.timer.d/hour.conf'
escale-setup-kiosk >"$tmp/setup2.log" 2>&1
snapshot "$tmp/twice"
check "twice is the same as once" 'diff "$tmp/once" "$tmp/twice" | sed "s/^/# /"; cmp -s "$tmp/once" "$tmp/twice"'

# The nightly maintenance at the centre's hour, read from escale.ini.
cp /etc/escale/escale.ini "$tmp/escale.ini"
sed -i 's/^maintenance-hour=.*/maintenance-hour=22/' /etc/escale/escale.ini
escale-setup-kiosk >"$tmp/hour.log" 2>&1
check "the maintenance timer follows [Appliance] maintenance-hour=" \
  'grep -qx "OnCalendar=\*-\*-\* 22:30:00" /etc/systemd/system/escale-maintenance.timer.d/hour.conf'
cp "$tmp/escale.ini" /etc/escale/escale.ini

escale-setup-kiosk --gdm >"$tmp/gdm.log" 2>&1
check "--gdm: autologin of escale into the Escale session, the tty service off" \
  'grep -q "^AutomaticLogin=escale" /etc/gdm3/daemon.conf &&
   grep -q "^Session=escale" /var/lib/AccountsService/users/escale &&
   [ -f /usr/local/share/wayland-sessions/escale.desktop ] &&
   [ ! -e /etc/systemd/system/multi-user.target.wants/escale-kiosk-session.service ]'

escale-setup-kiosk --undo >"$tmp/undo.log" 2>&1
rc=$?
snapshot "$tmp/after"
check "--undo runs" '[ $rc -eq 0 ] || { sed "s/^/# /" "$tmp/undo.log"; false; }'
check "--undo leaves the file list (and /etc) as before" \
  'diff "$tmp/before" "$tmp/after" | head -n 40 | sed "s/^/# /"; cmp -s "$tmp/before" "$tmp/after"'
check "the account is gone" '! getent passwd escale >/dev/null && ! getent group escale >/dev/null'
exit $failed
EOS
chmod +x "$tmp/inside.sh"
unshare --mount --propagation private "$tmp/inside.sh" "$tmp" "$debs"
