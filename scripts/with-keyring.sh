#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session and a fresh, unlocked
# gnome-keyring in a throwaway folder (an old login.keyring with an unknown password would make
# every write fail with "locked collection"). The folder is deleted when the command ends.
set -euo pipefail
if [ -z "${RESKONTRA_KEYRING_READY:-}" ]; then
  keyring_home=$(mktemp -d -t reskontra-keyring-XXXXXX)
  export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" RESKONTRA_KEYRING_READY=1
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  dbus-run-session -- bash "$0" "$@" &
  child=$!
  # A signal to this script (Ctrl-C, or a parent stopping it) reaches the command too.
  trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM
  status=0
  wait "$child" || status=$?
  # wait returns early when a trapped signal arrives; then wait for the command to finish.
  while kill -0 "$child" 2>/dev/null; do wait "$child" || status=$?; done
  rm -rf "$keyring_home"
  exit "$status"
fi
echo -n "reskontra-test" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
exec "$@"
