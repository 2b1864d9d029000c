#!/usr/bin/env bash
# Every test suite, in the order that fails fastest. `scripts/test.sh e2e` runs only the
# end-to-end suite. Suites whose external tool is missing fail under CI=true and say that
# they skipped elsewhere.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLINTH_ROOT"

step() { printf '\n=== %s\n' "$*"; }
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}

run_e2e() {
  if [ ! -x "$chromium_path" ]; then
    if [ "${CI:-}" = true ]; then
      echo "e2e: Chromium not found at $chromium_path (apt-get install chromium)" >&2
      exit 1
    fi
    echo "SKIPPED e2e: Chromium not found at $chromium_path (apt-get install chromium)"
    return 0
  fi
  bash scripts/build-app.sh
  step "end-to-end tests in headless Chromium"
  yarn playwright test
}

if [ "${1:-}" = e2e ]; then
  run_e2e
  exit 0
fi
if [ "${1:-}" = stock-app ]; then
  bash scripts/stock-app-test.sh
  exit 0
fi

step "type check"
# From scratch, as on a fresh clone: API Extractor reads these declarations, and an
# incremental build can print union members in another order than a fresh one.
rm -rf dist-types
yarn tsc
step "API reports are up to date (regenerate with: yarn build:api-reports)"
yarn test:api-reports
step "every type a package's declarations use comes from one of its dependencies"
yarn backstage-repo-tools type-deps
step "every config key read in src/ is declared in a config.d.ts"
node scripts/check-config-keys.mjs
step "package metadata as publishing needs it (fix with: yarn backstage-cli repo fix --publish)"
yarn backstage-cli repo fix --publish --check
step "lint and formatting"
yarn lint:all
yarn prettier:check
step "unit and integration tests (SQLite and PostgreSQL)"
CI=${CI:-true} yarn backstage-cli repo test --maxWorkers=2
step "suites without their reference data or tools: skipped outside CI, failed under CI"
bash scripts/check-skips.sh
run_e2e
step "Plinth installed into a stock Backstage app (docs/install.md)"
bash scripts/stock-app-test.sh
