#!/usr/bin/env bash
# Plinth in a stock Backstage: creates an app with @backstage/create-app at the release Plinth
# supports, packs every Plinth package, installs the tarballs and applies docs/install.md step
# by step, type-checks and builds the app, starts its backend, and checks the result through
# the REST API and headless Chromium (e2e/stock-app/). Runs in a temporary folder outside
# the repository; screenshots and timings go to artifacts/stock-app/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLINTH_ROOT"

# create-app 0.9.2 is the app template of Backstage 1.55.0 (checked below against backstage.json).
create_app_version=0.9.2
release=$(node -p 'require("./backstage.json").version')
port=${PLINTH_STOCK_APP_PORT:-7027}
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
artifacts="$PLINTH_ROOT/artifacts/stock-app"
plugins=(infra-common infra infra-backend scaffolder-backend-module-infra catalog-backend-module-infra)

if [ ! -x "$chromium_path" ]; then
  if [ "${CI:-}" = true ]; then
    echo "stock-app: Chromium not found at $chromium_path (apt-get install chromium)" >&2
    exit 1
  fi
  echo "SKIPPED stock-app: Chromium not found at $chromium_path (apt-get install chromium)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/plinth-stock-app.XXXXXX")
app="$work/app"
backend_pid=
cleanup() {
  if [ -n "$backend_pid" ]; then kill "$backend_pid" 2>/dev/null || true; fi
  if [ "${PLINTH_KEEP_STOCK_APP:-}" = 1 ]; then echo "stock-app: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
rm -rf "$artifacts" && mkdir -p "$artifacts"
started=$(date +%s)
lap=$started
timing() {
  local now; now=$(date +%s)
  printf '%-28s %4d s\n' "$1" $((now - lap)) | tee -a "$artifacts/timings.txt"
  lap=$now
}
edit() { node scripts/stock-app/edit.js "$@"; }

echo "stock-app: packing the Plinth packages"
mkdir -p "$work/tarballs"
yarn tsc
for p in "${plugins[@]}"; do
  (cd "plugins/$p" && yarn build >/dev/null && yarn pack --out "$work/tarballs/$p.tgz" >/dev/null)
  # Only built files, README, licence and config schema; no workspace: ranges, not private.
  unexpected=$(tar tzf "$work/tarballs/$p.tgz" | grep -vE '^package/(dist/.*|README\.md|LICENSE|package\.json|config\.schema\.json|templates/.*)$' || true)
  if [ -n "$unexpected" ]; then echo "stock-app: $p.tgz holds unexpected files: $unexpected" >&2; exit 1; fi
  tar xzf "$work/tarballs/$p.tgz" -O package/package.json > "$work/$p.package.json"
  if grep -q 'workspace:' "$work/$p.package.json"; then echo "stock-app: $p.tgz depends on workspace:" >&2; exit 1; fi
  node -e 'const p=require(process.argv[1]); if (p.private || p.license !== "Apache-2.0" || !p.main.startsWith("dist/")) process.exit(1)' "$work/$p.package.json" \
    || { echo "stock-app: $p.tgz package.json is private, not Apache-2.0 or not built" >&2; exit 1; }
done
timing "build and pack"

echo "stock-app: creating a stock app with @backstage/create-app@$create_app_version"
# create-app only checks that a yarn exists; the app brings its own Yarn 4 (.yarn/releases).
(cd "$work" && BACKSTAGE_APP_NAME=stock-app COREPACK_DEFAULT_TO_LATEST=0 \
  npx --yes "@backstage/create-app@$create_app_version" --skip-install --path "$app" >/dev/null)
app_release=$(node -p "require('$app/backstage.json').version")
if [ "$app_release" != "$release" ]; then
  echo "stock-app: create-app $create_app_version made a $app_release app, Plinth supports $release" >&2
  exit 1
fi
timing "create-app"

# Not a guide step: pin the registry's partial next release away (ADR 0001) and point the
# Plinth package names at the tarballs.
edit pin "$app" "$PLINTH_ROOT" "$work/tarballs"
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
(cd "$app" && yarn install >"$work/install.log" 2>&1) || { tail -30 "$work/install.log"; exit 1; }
edit checkPins "$app"
timing "yarn install (stock app)"

echo "stock-app: docs/install.md step 1, add the packages"
# The tarballs stand in for the registry (the pin step points the names at them); the range
# is explicit because `yarn add` without one asks the registry for the newest version.
ver() { node -p "require('$PLINTH_ROOT/plugins/$1/package.json').version"; }
(cd "$app" && yarn --cwd packages/backend add \
  "@plinth/backstage-plugin-scaffolder-backend-module-infra@^$(ver scaffolder-backend-module-infra)" \
  "@plinth/backstage-plugin-catalog-backend-module-infra@^$(ver catalog-backend-module-infra)" \
  "@plinth/backstage-plugin-infra-backend@^$(ver infra-backend)" >>"$work/install.log" 2>&1 &&
  yarn --cwd packages/app add "@plinth/backstage-plugin-infra@^$(ver infra)" >>"$work/install.log" 2>&1) \
  || { tail -30 "$work/install.log"; exit 1; }
edit checkPins "$app"
timing "add the Plinth packages"

echo "stock-app: steps 2 to 5, backend, frontend, catalog and config"
edit backend "$app"
edit frontend "$app"
edit config "$app"
# Step 6 (optional): Plinth's example services, environments and SLOs.
mkdir -p "$app/examples/plinth" && cp examples/infra/*.yaml "$app/examples/plinth/"

echo "stock-app: type check and build"
(cd "$app" && yarn tsc && yarn build:all) >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
timing "tsc and build:all"

echo "stock-app: starting its backend on :$port"
cat >"$work/app-config.test.yaml" <<YAML
app:
  baseUrl: http://localhost:$port
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
  cors:
    origin: http://localhost:$port
YAML
# NODE_ENV=development as `yarn start` sets it: the guest sign-in refuses other environments.
(cd "$app/packages/backend" && NODE_ENV=development exec node -r "$app/node_modules/@backstage/cli/config/nodeTransform.cjs" src/index.ts \
  --config ../../app-config.yaml --config "$work/app-config.test.yaml") >"$artifacts/backend.log" 2>&1 &
backend_pid=$!
for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$port/.backstage/health/v1/readiness" >/dev/null; then break; fi
  if ! kill -0 "$backend_pid" 2>/dev/null; then tail -40 "$artifacts/backend.log"; exit 1; fi
  sleep 1
done
curl -sf "http://localhost:$port/.backstage/health/v1/readiness" >/dev/null || { tail -40 "$artifacts/backend.log"; exit 1; }
timing "backend start"

PLINTH_STOCK_APP_URL="http://localhost:$port" yarn playwright test --config e2e/stock-app/playwright.config.ts
timing "API and browser checks"
echo "stock-app: passed in $(( $(date +%s) - started )) s" | tee -a "$artifacts/timings.txt"
