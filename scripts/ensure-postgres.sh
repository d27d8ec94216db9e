#!/bin/sh
# Makes sure Debian's PostgreSQL server binaries are there for the store tests (CI runs as root on a fresh Debian);
# prints the folder holding initdb and pg_ctl. The tests start their own server from it: no running service needed.
set -eu
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "ensure-postgres: no PostgreSQL server binaries in /usr/lib/postgresql; installing Debian's postgresql" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update >&2
  $SUDO apt-get install -y --no-install-recommends postgresql >&2
  BIN="$(find_bin)"
fi
echo "$BIN"
