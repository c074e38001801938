#!/usr/bin/env bash
# Prepares a machine without starting the system: npm dependencies, the pinned Temporal binaries,
# Postgres and Redis (started when stopped), a build in dist/, and the migrations applied to
# DATABASE_URL (the database is created when missing). `npm start` and `npm test` do all of this
# themselves; this is for a machine that should be ready before the first run.
set -euo pipefail
SCRIPT_NAME=setup
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/action_programmes}"

ensure_node_modules
ensure_services
ensure_libreoffice
build_if_needed
log "applying migrations"
node dist/libs/persistence/src/migrate.js
log "ready: npm start runs the system, npm test runs every test"
