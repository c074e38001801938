#!/usr/bin/env bash
# Compiles apps, libs and workflows to dist/, rewrites path aliases, and bundles the workflow code
# once (dist/workflow-bundle.js, and dist/workflow-bundle.traced.js for a worker with tracing on) so the
# worker never runs webpack at start-up.
set -euo pipefail
SCRIPT_NAME=build
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_node_modules
log "compiling TypeScript"
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
log "bundling workflow code"
node dist/infra/build/bundle-workflows.js dist/workflow-bundle.js
log "building the web console (dist/console)"
build_console
touch dist/.build-stamp
