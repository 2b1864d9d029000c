/*
 * Benchmark: live SLO data from one real Prometheus (Debian's `prometheus`, started by
 * @plinth/test-support) holding 5,000 SLOs (docs/benchmarks.md, issue 14):
 *   - an overview refresh: the live budgets of all 5,000 SLOs (loadLiveBudgets, one
 *     query) joined to 2,500 overview rows (withLiveBudgets); target <= 300 ms median
 *     and exactly one Prometheus request per refresh;
 *   - one service's card (serviceSlosLive for its two SLOs: one instant query, the
 *     alerts and the history range query); target <= 200 ms median.
 * Run from the package directory: yarn bench (RUNS=31 WARMUP=3 override the runs).
 * Without prometheus it says so and exits 0, or 1 under CI=true.
 */
import { performance } from 'node:perf_hooks';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ServiceSummary } from '@plinth/backstage-plugin-infra-common';
import { slo } from '@plinth/backstage-plugin-infra-common/testUtils';
import { stringify } from 'yaml';
import {
  benchRuns,
  DemoSlo,
  demoHistory,
  demoSloRules,
  machine,
  measureAsync,
  prometheusUnavailable,
  roundedMs,
  startPrometheus,
  waitForDemoRules,
} from '@plinth/test-support';
import { PrometheusClient } from '../src/prometheus/PrometheusClient';
import { loadLiveBudgets, OVERVIEW_QUERY } from '../src/slos/liveBudgets';
import { withLiveBudgets } from '../src/slos/withLiveBudgets';
import { serviceSlosLive } from '../src/slos/serviceSlosLive';

const { runs: RUNS, warmup: WARMUP } = benchRuns({ runs: 31, warmup: 3 });
const SERVICES = 2500;
const KINDS = ['availability', 'latency'];
const OVERVIEW_TARGET_MS = 300;
const CARD_TARGET_MS = 200;
/** Share of SLOs with a page alert firing. */
const BURNING_EVERY = 50;

const serviceName = (i: number) => `bench-svc-${String(i).padStart(4, '0')}`;

/** The timed runs of `fn`, in ms to one decimal. */
async function time(fn: () => Promise<unknown>) {
  return roundedMs(await measureAsync(RUNS, fn, WARMUP), 1);
}

/*
 * The other 4,998 SLOs as recording rules of a constant budget (and alert rules that
 * always fire for every 50th): Prometheus evaluates them itself, so their series stay
 * fresh however long the runs take (backfilled samples go stale after 5 minutes).
 */
function overviewRules(): string {
  const groups: Array<{ name: string; rules: object[] }> = [];
  for (let i = 1; i < SERVICES; i++) {
    if ((i - 1) % 250 === 0) {
      groups.push({ name: `bench-overview-${groups.length}`, rules: [] });
    }
    const group = groups[groups.length - 1];
    for (const [k, kind] of KINDS.entries()) {
      const labels = {
        sloth_id: `${serviceName(i)}-${kind}`,
        sloth_service: serviceName(i),
        sloth_slo: kind,
      };
      const n = i * KINDS.length + k;
      group.rules.push({
        record: 'slo:period_error_budget_remaining:ratio',
        expr: `vector(${1 - ((n * 37) % 120) / 100})`,
        labels: { ...labels, sloth_window: '4w' },
      });
      if (n % BURNING_EVERY === 0) {
        group.rules.push({
          alert: 'BenchBurn',
          expr: 'vector(1)',
          labels: { ...labels, sloth_severity: 'page' },
        });
      }
    }
  }
  return stringify({ groups });
}

function overviewRows(): ServiceSummary[] {
  return Array.from({ length: SERVICES }, (_, i) => ({
    ref: `component:default/${serviceName(i)}`,
    name: serviceName(i),
    namespace: 'default',
    slos: KINDS.map(kind => ({
      ref: `slo:default/${serviceName(i)}-${kind}`,
      name: `${serviceName(i)}-${kind}`,
      target: 0.999,
      windowDays: 28,
    })),
    environmentCount: 2,
    frameworks: [],
    status: 'unknown',
    issues: [],
  }));
}

async function main() {
  if (prometheusUnavailable('the live SLO benchmark')) return;
  const minute = 60_000;
  const end = Math.floor(Date.now() / minute) * minute - minute;
  const card: DemoSlo[] = KINDS.map(kind => ({
    name: `${serviceName(0)}-${kind}`,
    service: serviceName(0),
    objective: 0.999,
    windowDays: 28,
  }));
  const setupStart = performance.now();
  const prometheus = (await startPrometheus({
    ruleFiles: {
      'card-rules.yaml': demoSloRules(card),
      'overview-rules.yaml': overviewRules(),
    },
    series: demoHistory(card, end),
    evaluationInterval: '15s',
  }))!;
  try {
    await waitForDemoRules(prometheus, card);
    // every budget recorded (the card's two and the 4,998 constant ones), alerts firing
    const count = async (expr: string) =>
      Number((await prometheus.query(`count(${expr})`))[0]?.value[1] ?? 0);
    // n = 2 .. 4,999 (service 0 is the card's): every multiple of BURNING_EVERY
    const firing = Math.floor((SERVICES * KINDS.length - 1) / BURNING_EVERY);
    for (let tries = 0; ; tries++) {
      const budgets = await count('slo:period_error_budget_remaining:ratio');
      const alerts = await count('ALERTS{alertstate="firing",sloth_slo!=""}');
      if (budgets === SERVICES * KINDS.length && alerts >= firing) break;
      if (tries > 240) {
        throw new Error(
          `after 2 minutes: ${budgets} budgets, ${alerts} alerts`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    const setupMs = performance.now() - setupStart;
    const client = new PrometheusClient({
      name: 'default',
      baseUrl: prometheus.baseUrl,
      headers: {},
      timeoutMs: 30_000,
      demo: true,
    });
    const clients = new Map([['default', client]]);
    // A warning here means Prometheus failed a query: the run is invalid, so it throws.
    const fail = (message: string) => {
      throw new Error(message);
    };
    const logger = {
      warn: fail,
      error: fail,
      info: () => {},
      debug: () => {},
      child: () => logger,
    } as unknown as LoggerService;
    const rows = overviewRows();

    // One refresh: one request, every SLO's budget, joined to every row.
    const realFetch = global.fetch;
    let requests = 0;
    global.fetch = ((...args: Parameters<typeof fetch>) => {
      requests++;
      return realFetch(...args);
    }) as typeof fetch;
    const live = await loadLiveBudgets(clients, logger);
    const joined = withLiveBudgets(rows, live);
    global.fetch = realFetch;
    const withBudget = joined.filter(
      r => r.live?.budgetRemaining !== undefined,
    ).length;
    const burning = joined.filter(r => r.live?.burning).length;
    const sloCount = joined.reduce(
      (n, r) => n + r.slos.filter(s => s.live).length,
      0,
    );
    if (requests !== 1 || sloCount !== SERVICES * KINDS.length) {
      throw new Error(
        `expected 1 request and ${
          SERVICES * KINDS.length
        } SLOs with live data, got ${requests} and ${sloCount}`,
      );
    }
    const overview = await time(async () =>
      withLiveBudgets(rows, await loadLiveBudgets(clients, logger)),
    );
    // the parts: Prometheus's own evaluation (its reported query time is not exposed,
    // so a bare request with the body read as text), the client's parse, the join
    const bareRequest = await time(async () => {
      const res = await realFetch(`${prometheus.baseUrl}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: OVERVIEW_QUERY }).toString(),
      });
      await res.text();
    });
    const clientQuery = await time(() => client.query(OVERVIEW_QUERY));
    const join = await time(async () => withLiveBudgets(rows, live));

    const sloEntities = KINDS.map(kind => slo(serviceName(0), kind, 0.999));
    const cardRead = () =>
      serviceSlosLive({
        sloEntities,
        environments: [],
        clients,
        now: new Date(),
      });
    const [first] = await cardRead();
    if (first.state !== 'live' || first.history.length < 200) {
      throw new Error(`card not live: ${JSON.stringify(first).slice(0, 500)}`);
    }
    const cardTimes = await time(cardRead);

    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      prometheus: 'Debian prometheus 2.42, backfilled, one process on loopback',
      setupSeconds: Number((setupMs / 1000).toFixed(1)),
      runs: RUNS,
      warmup: WARMUP,
      overview: {
        slos: sloCount,
        services: SERVICES,
        servicesWithBudget: withBudget,
        servicesBurning: burning,
        prometheusRequestsPerRefresh: requests,
        ms: overview,
        parts: {
          prometheusRequestMs: bareRequest,
          clientQueryMs: clientQuery,
          joinMs: join,
        },
        targetMedianMs: OVERVIEW_TARGET_MS,
        pass: overview.median <= OVERVIEW_TARGET_MS && requests === 1,
      },
      card: {
        slos: sloEntities.length,
        historyPoints: first.history.length,
        ms: cardTimes,
        targetMedianMs: CARD_TARGET_MS,
        pass: cardTimes.median <= CARD_TARGET_MS,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.overview.pass || !result.card.pass) process.exitCode = 1;
  } finally {
    await prometheus.stop();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
