#!/usr/bin/env bash
# Sets everything up and starts the whole system: Temporal dev server (persistent SQLite, Web UI),
# api, worker, notifier; migrates and seeds the demo organisation; then drives demo programmes
# through their first phases on short durations. The apps run under a supervisor
# (infra/scripts/supervisor.ts): one that crashes is restarted with a backoff (1 s doubling to 30 s)
# while the rest keep running. Ctrl-C stops everything it started.
set -euo pipefail
SCRIPT_NAME=start
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

export API_PORT="${API_PORT:-3000}"
export TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
export TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:$TEMPORAL_PORT}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/action_programmes}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
# Locally a short drain, so Ctrl-C (which waits 10 s per process) never has to kill the worker.
export WORKER_SHUTDOWN_GRACE_MS="${WORKER_SHUTDOWN_GRACE_MS:-5000}"

ensure_node_modules
ensure_services
ensure_libreoffice
build_if_needed
ensure_jwt_secret

mkdir -p .data/temporal .run
PIDS=()
cleanup() {
  trap - INT TERM EXIT
  log "stopping"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  log "stopped"
}
trap cleanup INT TERM EXIT

if port_open 127.0.0.1 "$TEMPORAL_PORT"; then
  die "something already listens on 127.0.0.1:$TEMPORAL_PORT; stop it or set TEMPORAL_PORT"
fi
log "starting Temporal dev server on $TEMPORAL_ADDRESS (UI on :$TEMPORAL_UI_PORT, data in .data/temporal)"
# shellcheck disable=SC2046
"$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
  --db-filename .data/temporal/dev.db --log-level warn $(search_attribute_flags) >.run/temporal.log 2>&1 &
PIDS+=($!)
wait_port 127.0.0.1 "$TEMPORAL_PORT" 60 "Temporal dev server"
# Search attributes are registered when the database is created; make sure an older one has them too.
while IFS='=' read -r name type; do
  "$TEMPORAL_CLI" operator search-attribute create --address "$TEMPORAL_ADDRESS" --name "$name" --type "$type" >/dev/null 2>&1 || true
done < <(grep -Ev '^\s*(#|$)' infra/temporal/search-attributes.txt)

# E-mail notifications go to a local catcher unless SMTP_URL points elsewhere (messages in .data/mail).
if [[ -z "${SMTP_URL:-}" ]] && ! port_open 127.0.0.1 1025; then
  node dist/infra/dev/mail-catcher.js 1025 .data/mail > >(sed -u "s/^/[mail] /" >&2) 2>&1 &
  PIDS+=($!)
  wait_port 127.0.0.1 1025 20 "local mail catcher"
fi

log "migrating and seeding the demo organisation"
node dist/apps/api/src/seed/seed.main.js

# One supervisor for the three apps: it prefixes their output, copies it to .run/<app>.log, and
# restarts an app that dies (saying so) instead of taking the others down.
node dist/infra/scripts/supervisor.js --log-dir .run \
  worker="node dist/apps/worker/src/main.js" \
  notifier="node dist/apps/notifier/src/main.js" \
  api="node dist/apps/api/src/main.js" &
PIDS+=($!)
for _ in $(seq 1 150); do
  if curl -fs "http://127.0.0.1:$API_PORT/health" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fs "http://127.0.0.1:$API_PORT/health" >/dev/null || die "the API did not become healthy; see .run/api.log"

log "driving demo programmes (demo-fast template: reminders and a review within minutes)"
node dist/apps/api/src/seed/demo-driver.js "http://127.0.0.1:$API_PORT" || log "demo driver reported a problem (see above); the system keeps running"

cat >&2 <<MSG

  API          http://127.0.0.1:$API_PORT
  API docs     http://127.0.0.1:$API_PORT/docs
  Metrics      http://127.0.0.1:9464/metrics (api), :9465 (worker), :9466 (notifier)
  Temporal UI  http://127.0.0.1:$TEMPORAL_UI_PORT
  Log in as    bithu.hg / chuyenvien.hg / pbt.hg ... with password demo-password

  An app that crashes is restarted (see the [supervisor] lines). Ctrl-C stops everything.
MSG
wait -n "${PIDS[@]}" || true
log "the Temporal dev server, the mail catcher or the supervisor exited; shutting the rest down"
