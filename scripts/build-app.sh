#!/usr/bin/env bash
# Builds the production app once; later runs skip the build until a frontend source changes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLINTH_ROOT"
stamp=packages/app/dist/.plinth-build-stamp
want=$(git ls-files -s -- packages/app plugins/infra plugins/infra-common app-config.yaml yarn.lock | sha256sum | cut -d' ' -f1)
want="$want-$(git diff -- packages/app plugins/infra plugins/infra-common | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "plinth: app build is up to date"
  exit 0
fi
yarn workspace app build
echo "$want" > "$stamp"
