/*
 * Starts the real backend once for all specs. It serves the built app (packages/app/dist)
 * through the app-backend plugin, so the browser talks to one origin, as in production.
 * When Debian's prometheus is installed, a real Prometheus with the example services'
 * generated rules and backfilled history (scripts/exampleSloPrometheus.ts) backs the live
 * SLO data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  repoRoot,
  RunningBackend,
  startBackend,
} from '../packages/test-support/src/backend';
import { prometheusUnavailable } from '../packages/test-support/src/prometheus';
import {
  ExampleSloPrometheus,
  startExampleSloPrometheus,
} from '../scripts/exampleSloPrometheus';

/** Where the live SLO spec finds the demo Prometheus, or learns there is none. */
export const E2E_PROMETHEUS_ENV = 'PLINTH_E2E_PROMETHEUS_URL';

/**
 * Prometheus with Plinth's generated rules for examples/answers and the demo rules of
 * the other examples; undefined (with a message) without it.
 */
async function startDemoPrometheus(): Promise<
  ExampleSloPrometheus | undefined
> {
  if (prometheusUnavailable('e2e live SLOs')) return undefined;
  return startExampleSloPrometheus({
    repoRoot,
    evaluationInterval: '5s',
    timeoutMs: 300_000,
  });
}

/**
 * The in-memory catalog ingests the examples after the backend starts answering. Specs
 * start once the entity counts per kind have stopped changing, so no spec (and no cache
 * such as the overview's) sees a half-loaded catalog.
 */
async function waitForCatalogToSettle(backend: RunningBackend) {
  const deadline = Date.now() + 120_000;
  let previous = '';
  let stableSince = Date.now();
  for (;;) {
    const res = await backend.request('/api/catalog/entity-facets?facet=kind');
    const counts = res.ok ? JSON.stringify(await res.json()) : '';
    if (counts !== previous) {
      previous = counts;
      stableSince = Date.now();
    } else if (counts.includes('"SLO"') && Date.now() - stableSince >= 3000) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the catalog did not settle within 120 s: ${counts}`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

export default async function globalSetup() {
  if (!existsSync(join(repoRoot, 'packages/app/dist/index.html'))) {
    throw new Error(
      'packages/app/dist is missing: run `yarn workspace app build` (make test does)',
    );
  }
  const port = Number(process.env.PLINTH_E2E_PORT ?? 7017);
  const prometheus = await startDemoPrometheus();
  const baseUrl = prometheus?.prometheus.baseUrl;
  if (baseUrl) process.env[E2E_PROMETHEUS_ENV] = baseUrl;
  const backend = await startBackend({
    port,
    config: baseUrl ? { plinth: { prometheus: { baseUrl, demo: true } } } : {},
  }).catch(async error => {
    await prometheus?.stop();
    throw error;
  });
  await waitForCatalogToSettle(backend);
  // eslint-disable-next-line no-console
  console.log(`e2e: backend with the built app at ${backend.baseUrl}`);
  return async () => {
    await backend.stop();
    await prometheus?.stop();
  };
}
