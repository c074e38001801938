#!/usr/bin/env bash
# Benchmark of the supervision overview endpoint (see overview.bench.ts): makes sure Postgres, Redis
# and the Temporal binaries are there, then runs the benchmark (ts-node with SWC, as the other benchmarks).
set -euo pipefail
SCRIPT_NAME=bench-overview
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_services
export TEMPORAL_CLI
npx ts-node --swc -r tsconfig-paths/register infra/bench/overview.bench.ts
