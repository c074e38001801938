#!/usr/bin/env bash
# Sets up and runs every test: installs dependencies and the pinned Temporal binaries, starts
# Postgres and Redis when they are stopped, type-checks, then runs unit and integration/e2e tests
# against the real services. Fails loudly when a service cannot be had; never skips.
set -euo pipefail
SCRIPT_NAME=test
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_services
export TEMPORAL_CLI TEMPORAL_TEST_SERVER
# The OpenAPI conformance test runs Schemathesis from .tools (installed from PyPI once).
bash "$ROOT/infra/schemathesis/install.sh"

log "type-checking"
npx tsc -p tsconfig.json --noEmit
log "lint and format (ESLint, Prettier)"
npm run -s lint
log "building the web console the browser tests load"
build_console
ensure_chromium
ensure_libreoffice

mkdir -p test-artifacts
rm -f test-artifacts/*.json
status=0
log "unit tests"
npx jest --selectProjects unit --ci --json --outputFile=test-artifacts/unit.json "$@" || status=1
# Integration and end-to-end tests in INTEGRATION_SHARDS shards at once (default 2), each its own Jest
# process with its own database and Temporal dev server: most of their time is spent waiting on
# workflow timers, so two shards share the machine's two cores well. test/setup/sequencer.js splits
# them by measured seconds. Each shard's lines are prefixed with its number.
shards="${INTEGRATION_SHARDS:-2}"
[[ "$shards" =~ ^[1-9][0-9]?$ ]] || die "INTEGRATION_SHARDS must be a number from 1 to 99, not '$shards'"
base_db="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/action_programmes_test}"
log "integration and end-to-end tests in $shards shard(s) (real Postgres, Redis, Temporal dev server)"
reports=(unit)
pids=()
for ((i = 1; i <= shards; i++)); do
  reports+=("integration-$i")
  # The shard's number goes before the suffix: only *_test databases are dropped and recreated.
  db="$base_db"; ((shards == 1)) || db="${base_db%_test}_${i}_test"
  (
    set -o pipefail
    TEST_DATABASE_URL="$db" npx jest --selectProjects integration --ci --runInBand --forceExit \
      --shard="$i/$shards" --passWithNoTests --json --outputFile="test-artifacts/integration-$i.json" "$@" 2>&1 |
      sed -u "s/^/[$i] /"
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

# One plain closing line over every run.
REPORTS="${reports[*]}" node -e '
  const r = process.env.REPORTS.split(" ").map((n) => { try { return require("./test-artifacts/" + n + ".json"); } catch { return null; } });
  const sum = (k) => r.reduce((a, x) => a + (x ? x[k] : 0), 0);
  if (r.some((x) => !x)) console.log("a test run produced no report");
  console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests") + sum("numRuntimeErrorTestSuites")} failed`);
'
exit $status
