#!/usr/bin/env bash
# Resolves the Temporal binaries to use, installing the pinned ones when none is given.
# Exports TEMPORAL_CLI and TEMPORAL_TEST_SERVER.
_temporal_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -z "${TEMPORAL_CLI:-}" || -z "${TEMPORAL_TEST_SERVER:-}" ]]; then
  bash "$_temporal_root/infra/temporal/install.sh"
fi
export TEMPORAL_CLI="${TEMPORAL_CLI:-$_temporal_root/.tools/temporal/bin/temporal}"
export TEMPORAL_TEST_SERVER="${TEMPORAL_TEST_SERVER:-$_temporal_root/.tools/temporal/bin/temporal-test-server}"
for _bin in "$TEMPORAL_CLI" "$TEMPORAL_TEST_SERVER"; do
  [[ -x "$_bin" ]] || { echo "temporal: $_bin is not an executable file" >&2; return 1 2>/dev/null || exit 1; }
done
