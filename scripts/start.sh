#!/usr/bin/env bash
# make start: the portal (yarn start) and, when Debian's prometheus is installed, a demo
# Prometheus with the rules Plinth generates for examples/answers and backfilled history (scripts/demo-prometheus.ts)
# configured as plinth.prometheus through APP_CONFIG_ variables. Both start at once: the
# port is chosen first, and until the demo answers the cards say Prometheus is down.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLINTH_ROOT"
if [ "${PLINTH_DEMO_PROMETHEUS:-1}" = 0 ]; then
  echo "plinth: PLINTH_DEMO_PROMETHEUS=0, no demo Prometheus"
elif command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  export PLINTH_DEMO_PROMETHEUS_PORT=$port
  export APP_CONFIG_plinth_prometheus_baseUrl="http://127.0.0.1:$port"
  export APP_CONFIG_plinth_prometheus_demo=true
  node -r @backstage/cli/config/nodeTransform.cjs scripts/demo-prometheus.ts &
  demo_pid=$!
  trap 'kill "$demo_pid" 2>/dev/null || true' EXIT
else
  echo "plinth: prometheus/promtool not found, so the SLO cards show how to connect a Prometheus (apt-get install prometheus for live demo budgets)"
fi
yarn start
