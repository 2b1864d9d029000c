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
done
# Only built files, README, licence and config schema; public, Apache-2.0, no workspace:
# ranges, the Backstage metadata, every imported package a dependency.
node scripts/check-packages.mjs "$work/tarballs"
timing "build and pack"

if [ ! -x "$chromium_path" ]; then
  if [ "${CI:-}" = true ]; then
    echo "stock-app: Chromium not found at $chromium_path (apt-get install chromium)" >&2
    exit 1
  fi
  echo "SKIPPED stock-app (the tarballs were checked): Chromium not found at $chromium_path (apt-get install chromium)"
  exit 0
fi

echo "stock-app: creating a stock app with @backstage/create-app@$create_app_version"
# create-app only checks that a yarn exists; the app brings its own Yarn 4 (.yarn/releases).
(cd "$work" && BACKSTAGE_APP_NAME=stock-app COREPACK_DEFAULT_TO_LATEST=0 \
  npx --yes "@backstage/create-app@$create_app_version" --skip-install --path "$app" >/dev/null)
timing "create-app"

# Not a guide step: pin the registry's partial next release away (ADR 0001) and point the
# Plinth package names at the tarballs.
edit pin "$app" "$work/tarballs"
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
(cd "$app" && yarn install >"$work/install.log" 2>&1) || { tail -30 "$work/install.log"; exit 1; }
edit checkPins "$app"
timing "yarn install (stock app)"

# From here on each step applies docs/install.md's own snippets (scripts/stock-app/edit.js).
echo "stock-app: docs/install.md step 0, the release"
app_release=$(node -p "require('$app/backstage.json').version")
if [ "$app_release" != "$release" ]; then
  echo "stock-app: create-app $create_app_version made a $app_release app, Plinth supports $release" >&2
  exit 1
fi
echo "stock-app: step 1, add the packages"
edit add "$app" >>"$work/install.log" 2>&1 || { tail -30 "$work/install.log"; exit 1; }
edit checkPins "$app"
timing "add the Plinth packages"

echo "stock-app: steps 2 to 6, backend, frontend, catalog, config and examples"
edit backend "$app"
edit frontend "$app"
edit config "$app" 4
edit config "$app" 5
edit sh "$app" 6
edit config "$app" 6

echo "stock-app: the guide's check: config, type check and build"
(cd "$app" && yarn backstage-cli config:check --lax --strict && yarn tsc && yarn build:all) >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; exit 1; }
timing "config:check, tsc, build:all"

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
