#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session and a fresh,
# unlocked gnome-keyring in a throwaway folder (an old login.keyring with an
# unknown password would make every write fail with "locked collection").
set -euo pipefail
if [ -z "${RESKONTRA_KEYRING_READY:-}" ]; then
  keyring_home=$(mktemp -d -t reskontra-keyring-XXXXXX)
  export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" RESKONTRA_KEYRING_READY=1
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  trap 'rm -rf "$keyring_home"' EXIT
  exec_status=0
  dbus-run-session -- bash "$0" "$@" || exec_status=$?
  exit "$exec_status"
fi
echo -n "reskontra-test" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
exec "$@"
