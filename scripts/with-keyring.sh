#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (the real Secret Service),
# with a fresh HOME so nothing touches the user's own keychain. Usage: scripts/with-keyring.sh CMD...
set -euo pipefail
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "with-keyring: needs gnome-keyring and dbus (apt-get install -y gnome-keyring libsecret-tools dbus-daemon)" >&2
  exit 1
fi
H=$(mktemp -d)
trap 'rm -rf "$H"' EXIT
mkdir -m 700 -p "$H/run"
export KEYRING_TEST_HOME="$H"
env -u DBUS_SESSION_BUS_ADDRESS HOME="$H" XDG_RUNTIME_DIR="$H/run" dbus-run-session -- \
  sh -c 'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"
