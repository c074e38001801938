#!/usr/bin/env bash
# Runs the benchmarks and prints their numbers. Starts what is missing (Postgres, Redis, the pinned
# Temporal binaries); each benchmark starts its own Temporal server and uses its own database.
#   npm run bench            every benchmark
#   npm run bench -- latency only the API-vs-raw-update latency (or: events)
set -euo pipefail
SCRIPT_NAME=bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_services
export TEMPORAL_CLI TEMPORAL_TEST_SERVER
run_ts() { npx ts-node --swc -r tsconfig-paths/register "$@"; }

log "programme lifecycle: staff action latency and events per programme-year"
run_ts infra/bench/programme-actions.bench.ts "${1:-}"
