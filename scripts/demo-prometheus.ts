/*
 * `make start`'s demo Prometheus: the example SLOs' Sloth-compatible rules and 28-30 days
 * of backfilled demo history (packages/test-support/src/demoSlos.ts), served on a free
 * loopback port (PLINTH_DEMO_PROMETHEUS_PORT, or a free one) with its data in
 * .plinth/prometheus (git-ignored). Once the rules have run it writes the base URL to
 * .plinth/prometheus/url and keeps running until it gets SIGTERM or SIGINT. Without
 * prometheus/promtool it says so and exits 0, writing no URL.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../packages/test-support/src/backend';
import {
  demoHistory,
  demoSloRules,
  exampleDemoSlos,
  waitForDemoRules,
} from '../packages/test-support/src/demoSlos';
import {
  hasPrometheus,
  startPrometheus,
} from '../packages/test-support/src/prometheus';

async function main() {
  if (!hasPrometheus()) {
    process.stdout.write(
      'plinth: prometheus/promtool not found, so the SLO cards show how to connect a Prometheus (apt-get install prometheus for live demo budgets)\n',
    );
    return;
  }
  const directory = join(repoRoot, '.plinth', 'prometheus');
  const slos = exampleDemoSlos(repoRoot);
  const minute = 60_000;
  const end = Math.floor(Date.now() / minute) * minute - minute;
  process.stdout.write(
    `plinth: starting a demo Prometheus for ${slos.length} example SLOs (backfilling their history, about a minute)\n`,
  );
  const prometheus = (await startPrometheus({
    directory,
    ruleFiles: { 'demo-slo-rules.yaml': demoSloRules(slos) },
    series: demoHistory(slos, end),
    evaluationInterval: '15s',
    timeoutMs: 120_000,
    port: process.env.PLINTH_DEMO_PROMETHEUS_PORT
      ? Number(process.env.PLINTH_DEMO_PROMETHEUS_PORT)
      : undefined,
  }))!;
  const stop = async () => {
    await prometheus.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    await waitForDemoRules(prometheus, slos, 120_000);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${prometheus.logs()}\n`);
    await prometheus.stop();
    process.exit(1);
  }
  writeFileSync(join(directory, 'url'), `${prometheus.baseUrl}\n`);
  process.stdout.write(
    `plinth: demo Prometheus at ${prometheus.baseUrl} (data in .plinth/prometheus)\n`,
  );
  // stay up until make start ends
  setInterval(() => {}, 1 << 30);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
