#!/usr/bin/env bash
# Installs the workspace's packages once; later runs are a no-op until yarn.lock or a
# package.json changes (a stamp records what was installed). Then generates the example
# services' repositories from examples/answers (scripts/generate-examples.ts, about a
# second, writing only what changed).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLINTH_ROOT"

stamp=node_modules/.plinth-install-stamp
want=$( { node --version; cat yarn.lock package.json packages/*/package.json plugins/*/package.json; } | sha256sum | cut -d' ' -f1)
if ! [ -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "plinth: installing packages (yarn install --immutable)" >&2
  yarn install --immutable
  echo "$want" > "$stamp"
fi
node -r @backstage/cli/config/nodeTransform.cjs scripts/generate-examples.ts
