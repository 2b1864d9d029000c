/*
 * `make start`'s demo Prometheus: the rules Plinth generates for examples/answers/*.yaml
 * (the other examples keep demo rules), with backfilled and live demo traffic and the
 * rules' history (scripts/exampleSloPrometheus.ts, ADR 1402), served on a free
 * loopback port (PLINTH_DEMO_PROMETHEUS_PORT, or a free one) with its data in
 * .plinth/prometheus (git-ignored). Once the rules have run it writes the base URL to
 * .plinth/prometheus/url and keeps running until it gets SIGTERM or SIGINT. Without
 * prometheus/promtool it says so and exits 0, writing no URL.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../packages/test-support/src/backend';
import { hasPrometheus } from '../packages/test-support/src/prometheus';
import { startExampleSloPrometheus } from './exampleSloPrometheus';

async function main() {
  if (!hasPrometheus()) {
    process.stdout.write(
      'plinth: prometheus/promtool not found, so the SLO cards show how to connect a Prometheus (apt-get install prometheus for live demo budgets)\n',
    );
    return;
  }
  const directory = join(repoRoot, '.plinth', 'prometheus');
  process.stdout.write(
    'plinth: starting a demo Prometheus for the example SLOs (rendering their rules, backfilling their history: a minute or two)\n',
  );
  let demo: Awaited<ReturnType<typeof startExampleSloPrometheus>>;
  try {
    demo = await startExampleSloPrometheus({
      repoRoot,
      directory,
      evaluationInterval: '15s',
      timeoutMs: 300_000,
      port: process.env.PLINTH_DEMO_PROMETHEUS_PORT
        ? Number(process.env.PLINTH_DEMO_PROMETHEUS_PORT)
        : undefined,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const prometheus = demo!.prometheus;
  const stop = async () => {
    await demo!.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
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
