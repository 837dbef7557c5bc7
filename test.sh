#!/usr/bin/env bash
# Runs every test that can run without the Azure Functions SDK: installs the pinned Azurite and catalogue tools
# (npm ci), checks the event catalogue, then builds and tests the projects in Fulfilment.Ci.slnf (contracts, core,
# sandbox, tests — the Bicep compiler runs inside the tests). The Function App and its adapter tests are not in the
# filter: see README "Build and test".
set -euo pipefail
cd "$(dirname "$0")"
export SCARF_ANALYTICS=false # @asyncapi/parser's dependencies report installs through @scarf/scarf otherwise

npm ci --no-audit --no-fund --loglevel=error
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
status=0

# The event catalogue (README "Event catalogue"): validate docs/catalog/asyncapi.yaml, write the EventCatalog content
# from it into artifacts/catalog, and lint that; any error or warning fails the run. (A test checks that the
# committed document is the generator's output.)
node tools/catalog/write-catalog.mjs artifacts/catalog &&
  npx --no-install eventcatalog-linter --fail-on-warning artifacts/catalog || status=$?

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
