#!/usr/bin/env bash
# Installs the pinned Schemathesis (the OpenAPI fuzzer, from PyPI) into .tools/schemathesis in its
# own venv, idempotently. Prints nothing on success except what it installs; exits non-zero with
# the pip error otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCHEMATHESIS_VERSION=4.32.5
TOOLS="$ROOT/.tools/schemathesis"
STAMP="$TOOLS/.installed-$SCHEMATHESIS_VERSION"

if [[ -f "$STAMP" ]] && "$TOOLS/bin/schemathesis" --version >/dev/null 2>&1; then
  exit 0
fi

command -v python3 >/dev/null || { echo "install-schemathesis: python3 (with venv) is needed to install Schemathesis from PyPI" >&2; exit 1; }
rm -rf "$TOOLS"
python3 -m venv "$TOOLS" || { echo "install-schemathesis: python3 -m venv failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
echo "install-schemathesis: schemathesis==$SCHEMATHESIS_VERSION -> $TOOLS" >&2
"$TOOLS/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >&2
"$TOOLS/bin/schemathesis" --version >&2
touch "$STAMP"
