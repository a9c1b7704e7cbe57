#!/usr/bin/env bash
# Browser tests and PDF output use Debian's Chromium (never a downloaded browser build).
# Installs it when missing; prints where it is.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  command -v chromium
  exit 0
fi
if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
  echo "Chromium is missing and cannot be installed without root: apt-get install chromium" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null
command -v chromium
