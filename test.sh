#!/usr/bin/env bash
# Runs every test: installs the pinned Azurite and catalogue tools (npm ci), checks the event catalogue, then builds
# and tests the projects in Fulfilment.Ci.slnf (contracts, core, the Function App, sandbox, tests — the Bicep compiler
# runs inside the tests). The app's Service Bus trigger bindings need a package this feed lacks: they are built on
# GitHub only (README "Build and test").
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

# One results file per test project (default names never collide); the summary adds them up.
dotnet test Fulfilment.Ci.slnf --configuration Release --logger trx \
  --results-directory "$results" "$@" || status=$?

# One plain summary line, whatever the runner printed.
passed=0
failed=0
while IFS= read -r trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters" | grep . || echo 0)))
  failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters" | grep . || echo 0)))
done < <(find "$results" -name '*.trx' 2>/dev/null)
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
