#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Waymark needs to build, run and test. Idempotent: packages
# already present are skipped, and apt is only touched when something is missing.
# Usage: scripts/install-system-deps.sh [--test] [--measure]
#   --test     adds the test tools (Xvfb, WebKitWebDriver, D-Bus, ImageMagick, poppler, xdotool and
#              python3-icalendar, an independent parser for the exported calendar files)
#   --measure  adds what scripts/measure-window.sh needs (Xvfb, D-Bus, python3-xlib)
set -euo pipefail

packages=(build-essential pkg-config curl libwebkit2gtk-4.1-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev libssl-dev libgtk-3-dev nodejs npm)
for option in "$@"; do
  case "$option" in
    --test) packages+=(webkit2gtk-driver xvfb xauth imagemagick poppler-utils xdotool dbus-x11 dbus
      python3-icalendar) ;;
    --measure) packages+=(xvfb dbus python3-xlib) ;;
    *) echo "unknown option: $option" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  # node and npm may come from elsewhere (nvm, NodeSource): accept any working binary.
  if [[ "$p" == nodejs ]] && command -v node >/dev/null; then continue; fi
  if [[ "$p" == npm ]] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
