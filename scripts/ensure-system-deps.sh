#!/usr/bin/env bash
# The system packages the tests need: Chromium for the UI tests, gnome-keyring + D-Bus for the real
# OS keychain. Installs what is missing when it can (root on Debian/Ubuntu), otherwise says what to run.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || need+=(chromium)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need+=(gnome-keyring)
command -v secret-tool >/dev/null 2>&1 || need+=(libsecret-tools)
command -v dbus-run-session >/dev/null 2>&1 || need+=(dbus dbus-daemon)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages the tests need: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The tests need these system packages: ${need[*]}" >&2
  echo "Install them (e.g. sudo apt-get install -y ${need[*]}) and run npm test again." >&2
  exit 1
fi
