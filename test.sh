#!/usr/bin/env bash
# Runs every test that can run without the Azure Functions SDK: installs the pinned Azurite (npm ci), then builds
# and tests the projects in Fulfilment.Ci.slnf (contracts, core, sandbox, tests — the Bicep compiler runs inside
# the tests). The Function App and its adapter tests are not in the filter: see README "Build and test".
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund --loglevel=error
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test Fulfilment.Ci.slnf --configuration Release --logger "trx;LogFileName=tests.trx" \
  --results-directory "$results" "$@" || status=$?

# One plain summary line, whatever the runner printed.
if trx=$(find "$results" -name '*.trx' 2>/dev/null | head -n 1) && [ -n "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "tests: ${passed:-0} passed, ${failed:-0} failed"
fi
exit "$status"
