#!/usr/bin/env bash
# make start: when Debian's prometheus is installed, a demo Prometheus with the example
# SLOs' rules and backfilled history first (scripts/demo-prometheus.ts), configured as
# plinth.prometheus through APP_CONFIG_ variables; then the portal (yarn start).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLINTH_ROOT"
url_file=.plinth/prometheus/url
rm -f "$url_file"
demo_pid=
if [ "${PLINTH_DEMO_PROMETHEUS:-1}" != 0 ]; then
  node -r @backstage/cli/config/nodeTransform.cjs scripts/demo-prometheus.ts &
  demo_pid=$!
  trap '[ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null || true' EXIT
  # wait for its URL, or for it to end (no prometheus: it exits 0 without a URL)
  while [ ! -s "$url_file" ] && kill -0 "$demo_pid" 2>/dev/null; do sleep 1; done
  if [ -s "$url_file" ]; then
    export APP_CONFIG_plinth_prometheus_baseUrl="$(cat "$url_file")"
    export APP_CONFIG_plinth_prometheus_demo=true
  else
    wait "$demo_pid" || echo "plinth: the demo Prometheus failed to start; the portal starts without it" >&2
    demo_pid=
  fi
fi
yarn start
