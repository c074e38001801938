#!/usr/bin/env bash
# Runs the benchmarks and prints their numbers. Starts what is missing (Postgres, Redis, the pinned
# Temporal binaries); each benchmark starts its own Temporal server and uses its own database and
# queue prefix, so nothing here touches a running stack.
#   npm run bench                  every benchmark
#   npm run bench -- latency       staff action through the API vs a raw update
#   npm run bench -- events        history events per programme-year (time-skipping server)
#   npm run bench -- notifications delivery rate and latency vs bare BullMQ
#   npm run bench -- tasks         supervisor task buckets at 1,000 programmes / 100,000 tasks vs raw SQL
#   npm run bench -- overview      supervision overview at 1,000 programmes / 100,000 tasks vs raw SQL
#   npm run bench -- restructuring a merger of two provinces through running workflows (BENCH_PROGRAMMES, BENCH_TASKS)
#   npm run bench -- national [readmodel|morning|actions|workers|memory|cleanup]
#                                  national scale (34 provinces, 1,000,000 tasks); BENCH_NATIONAL_SCALE=0.01
#                                  for a quick run; only when asked for by name (a full run takes long)
set -euo pipefail
SCRIPT_NAME=bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_services
export TEMPORAL_CLI TEMPORAL_TEST_SERVER
only="${1:-}"
wants() { [[ -z "$only" || "$only" == "$1" ]]; }
run_ts() { npx ts-node --swc -r tsconfig-paths/register "$@"; }

if wants latency; then log "programme lifecycle: staff action latency"; build_if_needed; run_ts infra/bench/programme-actions.bench.ts latency; fi
if wants events; then log "programme lifecycle: events per programme-year"; run_ts infra/bench/programme-actions.bench.ts events; fi
if wants notifications; then log "notifications: delivery rate and latency"; run_ts infra/bench/notifications.bench.ts; fi
if wants tasks; then log "task buckets"; run_ts infra/bench/task-buckets.bench.ts; fi
if wants overview; then log "supervision overview"; bash infra/bench/overview.bench.sh; fi
if wants restructuring; then log "restructuring: a merger through running workflows"; run_ts infra/bench/restructuring.bench.ts; fi
if [[ "$only" == national ]]; then log "national scale (BENCH_NATIONAL_SCALE=${BENCH_NATIONAL_SCALE:-1})"; run_ts infra/bench/national.bench.ts "${@:2}"; fi
