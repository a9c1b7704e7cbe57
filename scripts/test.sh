#!/usr/bin/env bash
# The one command that installs and runs every test on a fresh machine from a clean clone.
set -euo pipefail
cd "$(dirname "$0")/.."
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 TURBO_TELEMETRY_DISABLED=1
corepack enable
bash scripts/ensure-chromium.sh >/dev/null
# The db suite, the dashboard's loaders/actions, models, access matrix and two-process test run on
# PostgreSQL too: a throwaway cluster of Debian's server, installed here when missing.
bash scripts/ensure-postgresql.sh >/dev/null
pnpm install --frozen-lockfile
node scripts/test-all.mjs "$@"
