#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Escale needs, only those missing.
# Sourced by run-demo and run-tests: `ensure_packages build` or `ensure_packages test`.

ESCALE_BUILD_PACKAGES=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libwebkitgtk-6.0-dev libsqlite3-dev
  # escale-board: a new help request is also a desktop notification.
  libnotify-dev
  libsoup-3.0-dev libjson-glib-dev libgcrypt20-dev libqrencode-dev
  libgl1-mesa-dri
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
  # Mes démarches: scanning through SANE (escale-scanner.c).
  libsane-dev
  # Calls for help: the MQTT client library (src/help/).
  libmosquitto-dev
  # Figures for funders: the XLSX workbook and the PDF report (cairo, from GTK).
  libxlsxwriter-dev libcairo2-dev
  # Several kiosks: escale-stats push and the territory's reports (libpq, src/fleet/).
  libpq-dev
  # Écouter: the screen read aloud by libespeak-ng (src/speech/).
  libespeak-ng-dev
  # The icons made symbolic PNG at build time (gtk4-encode-symbolic-svg, resources/).
  libgtk-4-bin
)
ESCALE_RUN_PACKAGES=(xvfb xauth dbus dbus-x11 imagemagick xdotool libgtk-4-media-gstreamer
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-nice gstreamer1.0-libav
  # Mes photos: phones over MTP and AFC, cameras over PTP, sticks through udisks2.
  gvfs-backends gvfs-daemons
  # Photos: the decoder's sandbox, and gdk-pixbuf loaders for iPhone HEIC and WebP.
  bubblewrap heif-gdk-pixbuf webp-pixbuf-loader
  # Mes démarches: SANE, and driverless (eSCL/WSD) network and USB scanners.
  libsane1 sane-airscan
  # Écouter: the French voice's data, and ALSA for PCs without PipeWire or PulseAudio.
  espeak-ng-data gstreamer1.0-alsa)
ESCALE_TEST_PACKAGES=(xvfb xauth dbus xdotool imagemagick libnotify-bin dunst sqlite3
  libgtk-4-media-gstreamer
  python3-pyatspi at-spi2-core
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-nice gstreamer1.0-libav janus libjs-janus-gateway libjs-webrtc-adapter
  chromium iproute2 openssl clang-format
  # Mes photos: FAT test media (made, filled, mounted through FUSE where the kernel has no vfat).
  dosfstools mtools fusefat e2fsprogs
  # Photo printing (tests/print-lab.c): a private cupsd with PDF queues, PDFs read back.
  cups cups-client printer-driver-cups-pdf poppler-utils
  # Photos: the decoder's sandbox and loaders; heif-enc makes the test's HEIC.
  bubblewrap heif-gdk-pixbuf webp-pixbuf-loader libheif-examples
  # Mes démarches: SANE's test backend (in libsane1), scanimage for checks, pdfinfo.
  libsane1 sane-utils poppler-utils
  # Calls for help (tests/mqtt-lab.c): a real broker, its password tool and clients.
  mosquitto mosquitto-clients
  # Several kiosks (tests/test-fleet.c): a real PostgreSQL 15 server and psql.
  postgresql-15 postgresql-client-15
  # The appliance (tests/appliance/): the kiosk compositor and its screenshots, the package build.
  cage xwayland grim debhelper lintian dconf-cli
  # Écouter (tests/sound-lab.c): a real PulseAudio server with a null sink, and pactl.
  libespeak-ng-dev espeak-ng-data pulseaudio pulseaudio-utils)

ensure_packages () {
  local wanted=("${ESCALE_BUILD_PACKAGES[@]}")
  case "$1" in
    test) wanted+=("${ESCALE_TEST_PACKAGES[@]}") ;;
    run) wanted+=("${ESCALE_RUN_PACKAGES[@]}") ;;
    fuzz) wanted+=(clang) ;;
    # bench/compare.py: taps through XTest.
    bench) wanted+=("${ESCALE_TEST_PACKAGES[@]}" python3-xlib) ;;
  esac
  local missing=()
  local pkg
  for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Escale: installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "Escale: these packages are missing and I am not root (and sudo is absent):" >&2
      echo "  apt-get install ${missing[*]}" >&2
      echo "Run that as root, then run this script again." >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || true
  if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
    echo "Escale: apt-get could not install: ${missing[*]}" >&2
    exit 1
  fi
}

# Configures (once) and builds into $1.
build_escale () {
  local builddir="$1"; shift
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$@" >/dev/null || { echo "Escale: meson setup failed" >&2; exit 1; }
  fi
  ninja -C "$builddir" >/dev/null || { ninja -C "$builddir"; echo "Escale: build failed" >&2; exit 1; }
}
