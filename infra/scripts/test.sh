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
status=0
log "unit tests"
npx jest --selectProjects unit --ci --json --outputFile=test-artifacts/unit.json "$@" || status=1
log "integration and end-to-end tests (real Postgres, Redis, Temporal dev server)"
npx jest --selectProjects integration --ci --runInBand --forceExit --json --outputFile=test-artifacts/integration.json "$@" || status=1

# One plain closing line over both runs.
node -e '
  const r = ["unit", "integration"].map((n) => { try { return require("./test-artifacts/" + n + ".json"); } catch { return null; } });
  const sum = (k) => r.reduce((a, x) => a + (x ? x[k] : 0), 0);
  if (r.some((x) => !x)) console.log("a test run produced no report");
  console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests") + sum("numRuntimeErrorTestSuites")} failed`);
'
exit $status
