#!/usr/bin/env bash
# Benchmark of the supervision overview endpoint (see overview.bench.ts): builds, makes sure Postgres,
# Redis and the Temporal binaries are there, then runs the compiled benchmark.
set -euo pipefail
SCRIPT_NAME=bench-overview
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_services
export TEMPORAL_CLI
build_if_needed
node dist/infra/bench/overview.bench.js
