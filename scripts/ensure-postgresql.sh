#!/usr/bin/env bash
# The PostgreSQL suites use Debian's PostgreSQL server binaries (never a downloaded build or an
# in-process imitation). Installs them when missing; prints the folder holding initdb and pg_ctl.
set -euo pipefail
find_bin() {
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}
if find_bin; then exit 0; fi
if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
  echo "PostgreSQL is missing and cannot be installed without root: apt-get install postgresql" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq postgresql >/dev/null
find_bin
