#!/usr/bin/env bash
# Shared helpers for the project's scripts: dependencies, local services, waiting on ports.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SCARF_ANALYTICS=false
export NODE_OPTIONS="${NODE_OPTIONS:-} --enable-source-maps"

log() { printf '\033[1;34m[%s]\033[0m %s\n' "${SCRIPT_NAME:-ap}" "$*" >&2; }
die() { printf '\033[1;31m[%s] %s\033[0m\n' "${SCRIPT_NAME:-ap}" "$*" >&2; exit 1; }

# True when something accepts TCP connections on host:port.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_port() { # host port seconds what
  local deadline=$((SECONDS + $3))
  until port_open "$1" "$2"; do
    ((SECONDS < deadline)) || die "$4 did not come up on $1:$2 within $3 s"
    sleep 0.2
  done
}

ensure_node_modules() {
  local stamp="$ROOT/node_modules/.install-stamp"
  if [[ ! -f "$stamp" || "$ROOT/package-lock.json" -nt "$stamp" || "$ROOT/package.json" -nt "$stamp" ]]; then
    log "installing npm dependencies (npm install)"
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error) || die "npm install failed"
    touch "$stamp"
  fi
}

# host and port of a URL like postgres://user@host:port/db
url_host() { node -e 'const u=new URL(process.argv[1]);console.log(u.hostname)' "$1"; }
url_port() { node -e 'const u=new URL(process.argv[1]);console.log(u.port||process.argv[2])' "$1" "$2"; }
is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }

ensure_postgres() {
  local url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/action_programmes}"
  local host port; host=$(url_host "$url"); port=$(url_port "$url" 5432)
  if port_open "$host" "$port"; then return 0; fi
  is_local "$host" || die "Postgres is not reachable at $host:$port (DATABASE_URL) and is not local, so it cannot be started here"
  if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    log "starting PostgreSQL $version (cluster main)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || die "could not start PostgreSQL with pg_ctlcluster"
  else
    die "Postgres is not running on $host:$port and pg_ctlcluster is not installed (apt-get install postgresql)"
  fi
  wait_port "$host" "$port" 30 "PostgreSQL"
}

ensure_redis() {
  local url="${REDIS_URL:-redis://127.0.0.1:6379}"
  local host port; host=$(url_host "$url"); port=$(url_port "$url" 6379)
  if port_open "$host" "$port"; then return 0; fi
  is_local "$host" || die "Redis is not reachable at $host:$port (REDIS_URL) and is not local, so it cannot be started here"
  command -v redis-server >/dev/null || die "Redis is not running on $host:$port and redis-server is not installed (apt-get install redis-server)"
  log "starting Redis on $host:$port"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no >/dev/null || die "could not start redis-server"
  wait_port "$host" "$port" 15 "Redis"
}

ensure_services() {
  ensure_postgres
  ensure_redis
  # shellcheck source=../temporal/paths.sh
  source "$ROOT/infra/temporal/paths.sh"
}

build_if_needed() {
  local stamp="$ROOT/dist/.build-stamp"
  if [[ -f "$stamp" ]] && [[ -z "$(find "$ROOT/apps" "$ROOT/libs" "$ROOT/workflows" "$ROOT/infra" "$ROOT/tsconfig.json" -newer "$stamp" \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name 'tsconfig*.json' \) 2>/dev/null | head -1)" ]]; then
    return 0
  fi
  bash "$ROOT/infra/scripts/build.sh"
}

# Writes the API's OpenAPI document and the console's API types from it (apps/console/src/generated,
# git-ignored), then type-checks and bundles the web console (apps/console, Vite) into dist/console,
# which the API serves. A response the console reads differently from the document fails here.
build_console() {
  local generated="$ROOT/apps/console/src/generated"
  (cd "$ROOT" && node -r ts-node/register/transpile-only -r tsconfig-paths/register \
    apps/api/src/openapi/write-openapi.ts "$generated/openapi.json") || die "could not write the OpenAPI document"
  npx openapi-typescript "$generated/openapi.json" --output "$generated/api.d.ts" >/dev/null ||
    die "could not generate the console's API types from the OpenAPI document"
  # The staff actions' payload schemas, from which the console builds its forms.
  (cd "$ROOT" && node -r ts-node/register/transpile-only apps/api/src/openapi/write-action-schemas.ts \
    "$generated/openapi.json" "$generated/action-schemas.json") || die "could not write the action schemas"
  npx tsc -p "$ROOT/apps/console/tsconfig.json" || die "the web console does not type-check"
  npx vite build --config "$ROOT/apps/console/vite.config.mts" --logLevel warn || die "the web console did not build"
}

# The browser tests drive Debian's Chromium; install it when it is missing, or fail loudly.
ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  command -v apt-get >/dev/null || die "/usr/bin/chromium is missing and apt-get is not available to install it (browser tests need it)"
  log "installing Chromium for the browser tests (apt-get install chromium)"
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq || die "apt-get update failed; cannot install Chromium for the browser tests"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null || die "apt-get install chromium failed; the browser tests need /usr/bin/chromium"
  [[ -x /usr/bin/chromium ]] || die "chromium was installed but /usr/bin/chromium is not there"
}

# LibreOffice converts generated DOCX (review reports, the issued programme) to PDF; the fonts carry
# every Vietnamese letter (Times New Roman maps to Liberation Serif); pdftotext reads PDFs back in tests.
ensure_libreoffice() {
  command -v soffice >/dev/null && command -v pdftotext >/dev/null && return 0
  command -v apt-get >/dev/null || die "soffice (LibreOffice) or pdftotext is missing and apt-get is not available to install them (PDF downloads need them)"
  log "installing LibreOffice, fonts and poppler-utils for PDF (apt-get install libreoffice-writer-nogui ...)"
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq || die "apt-get update failed; cannot install LibreOffice for PDF"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui \
    fonts-dejavu-core fonts-liberation2 poppler-utils >/dev/null ||
    die "apt-get install libreoffice-writer-nogui fonts-dejavu-core fonts-liberation2 poppler-utils failed; PDF downloads need them"
  command -v soffice >/dev/null || die "LibreOffice was installed but soffice is not on PATH"
}

# JWT_SECRET for a local run: the one in the environment if set, else a random one made on the first
# run and kept (owner-only) in the git-ignored .data/ folder, so sessions survive a restart. None is
# ever committed: the API refuses the old published development value.
ensure_jwt_secret() {
  [[ -n "${JWT_SECRET:-}" ]] && return 0
  local file="$ROOT/.data/jwt-secret"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$ROOT/.data"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' >"$file") ||
      die "could not write $file"
    log "generated a random JWT secret in .data/jwt-secret (kept for the next start)"
  fi
  JWT_SECRET="$(<"$file")"
  export JWT_SECRET
}

search_attribute_flags() {
  grep -Ev '^\s*(#|$)' "$ROOT/infra/temporal/search-attributes.txt" | sed 's/^/--search-attribute /' | tr '\n' ' '
}
