#!/usr/bin/env bash
# Runs every test: installs the pinned Azurite (npm ci), then builds and tests the projects in Fulfilment.Ci.slnf
# (contracts, core, the Function App, sandbox, tests — the Bicep compiler runs inside the tests). The app's Service
# Bus trigger bindings need a package this feed lacks: they are built on GitHub only (README "Build and test").
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
