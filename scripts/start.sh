#!/usr/bin/env bash
# The one command that installs, builds and starts the dashboard on a fresh machine:
# http://localhost:3000, its SQLite file created, migrated and filled with a demo centre on the
# first start (a second start keeps the data). The demo sign-ins are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 TURBO_TELEMETRY_DISABLED=1
corepack enable
# PDF downloads use Debian's Chromium; the dashboard runs without it and says so when asked for a PDF.
bash scripts/ensure-chromium.sh >/dev/null 2>&1 || echo "Chromium could not be installed: PDF downloads will be unavailable."
pnpm install --frozen-lockfile
pnpm exec turbo run build --filter=dashboard...
cd apps/dashboard
export NODE_ENV=production PORT="${PORT:-3000}" DATABASE_PATH="${DATABASE_PATH:-data/ilm-forms.sqlite}" SEED_DEMO="${SEED_DEMO:-true}"
exec node server.js
