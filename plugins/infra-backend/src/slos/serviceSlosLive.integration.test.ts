/*
 * The SLO card's data read from a real Prometheus (Debian's `prometheus`, started by
 * @plinth/test-support) holding three days of backfilled traffic with two known
 * outages, and Sloth's own rules for the same SLOs: the expected output of
 * `sloth generate --default-slo-period 28d` in the Sloth reference folder
 * (github.com/slok/sloth, test/integration/prometheus/testdata/out-base-28d.yaml.tpl).
 * Every expected value is computed by hand below from the traffic.
 */
import fs from 'node:fs';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  hasPrometheus,
  RecordingPrometheus,
  referencePath,
  requireOrSkip,
  startRecordingPrometheus,
} from '@plinth/test-support';
import { SloLive } from '@plinth/backstage-plugin-infra-common';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { slo } from '@plinth/backstage-plugin-infra-common/testUtils';
import { serviceSlosLive } from './serviceSlosLive';
import { loadLiveBudgets } from './liveBudgets';

/** Sloth's expected rules, with the Go template's two placeholders rendered as its harness does. */
function slothRules(): string | undefined {
  const file = referencePath('sloth', 'out-base-28d.yaml.tpl');
  return file
    ? fs
        .readFileSync(file, 'utf8')
        .replace(/\{\{ \.version \}\}/g, 'v0.0.0-plinth-test')
        .replace(/\{\{"(\{\{[^}]*\}\})"\}\}/g, '$1')
    : undefined;
}

const MINUTE = 60_000;
const REQUESTS_PER_MINUTE = 1000;
/** History before T: three days and two hours, so the 3-day window is full at Q. */
const HISTORY_MINUTES = 3 * 1440 + 120;
/** The instant the card is read at: an hour before the end of the data. */
const Q_BEFORE_T = 60;

/*
 * The traffic, minute by minute up to T (the last full minute): 1000 requests a
 * minute. Outage C, two days ago, fails 2.5% for 20 minutes; outage A fails 20% for
 * 10 minutes from 110 to 100 minutes before Q; outage B fails 5% for the last 20
 * minutes before T and is still going when Prometheus evaluates its alerts.
 * Outages last whole multiples of 5 minutes and end at least 5 minutes before Q,
 * so what Sloth's 5-minute ratios add up to does not depend on the instant
 * Prometheus picks for each evaluation (an offset hashed from the group's name).
 */
const OUTAGES = [
  { from: 2 * 1440, minutes: 20, errorShare: 0.025 }, // C: minutes before T
  { from: Q_BEFORE_T + 110, minutes: 10, errorShare: 0.2 }, // A
  { from: 20, minutes: 20, errorShare: 0.05 }, // B
];

/** Error share of the minute that ends `m` minutes before T. */
function errorShareAt(m: number): number {
  const outage = OUTAGES.find(o => m < o.from && m >= o.from - o.minutes);
  return outage?.errorShare ?? 0;
}

function openMetrics(t: number): string {
  const lines: string[] = [];
  const series = (code: string, share: (m: number) => number) => {
    // Counters start high so that rate() never clamps its extrapolation at zero.
    let count = 1_000_000;
    for (let m = HISTORY_MINUTES; m >= 0; m--) {
      lines.push(
        `http_request_duration_seconds_count{job="myservice",code="${code}"} ${count} ${
          (t - m * MINUTE) / 1000
        }`,
      );
      if (m > 0) count += REQUESTS_PER_MINUTE * share(m - 1);
    }
  };
  series('200', m => 1 - errorShareAt(m));
  series('500', m => errorShareAt(m));
  return `${lines.join('\n')}\n# EOF\n`;
}

/*
 * At Q the latest recorded ratios were evaluated at an instant e a little before Q,
 * between minute marks: a window of w minutes holds samples spanning w - 1 minutes,
 * and rate() scales errors and requests alike, so the ratio is errors over the
 * requests of that span. Errors: A 0.2 x 1000 x 10 = 2000, C 0.025 x 1000 x 20 = 500.
 */
const ERRORS_A = 2000;
const ERRORS_C = 500;
const ratio = (errors: number, windowMinutes: number) =>
  errors / (REQUESTS_PER_MINUTE * (windowMinutes - 1));
const EXPECTED_WINDOWS: Array<[string, number]> = [
  ['5m', 0],
  ['30m', 0],
  ['1h', 0], // A ended 100 minutes before Q
  ['2h', ratio(ERRORS_A, 120)],
  ['6h', ratio(ERRORS_A, 360)],
  ['1d', ratio(ERRORS_A, 1440)],
  ['3d', ratio(ERRORS_A + ERRORS_C, 4320)],
];
/*
 * Sloth's period ratio is the mean of its 5-minute ratios over 28 days. The rules are
 * backfilled every 5 minutes from BACKFILL_MINUTES before Q: 874 evaluations. Each
 * window's samples span 4 of its 5 minutes, so an outage of n x 5 minutes at share s
 * adds up to n x 4 x s / 4: A gives 2 x 0.2, C gives 4 x 0.025, 0.5 in all.
 */
const BACKFILL_MINUTES = 874 * 5;
const PERIOD_ERROR_RATIO = (2 * 0.2 + 4 * 0.025) / 874;
/*
 * The remaining budget is three rules down from the 5-minute ratios
 * (ratio_rate4w -> period_burn_rate -> period_error_budget_remaining), and each
 * rule group runs at its own offset, so the value at Q may come from one to three
 * evaluations back: then the same 0.5 over 873, 872 or 871 ratios.
 */
const remainingAfterLag = (budget: number) =>
  [874, 873, 872, 871].map(n => 1 - 0.5 / n / budget);
const expectRemaining = (value: number, budget: number) =>
  expect(remainingAfterLag(budget)).toContainEqual(expect.closeTo(value, 9));

const rules = slothRules();
const runnable =
  rules !== undefined &&
  requireOrSkip(
    'prometheus and promtool (Debian package prometheus)',
    hasPrometheus(),
  );

(runnable ? describe : describe.skip)(
  'live SLOs from a real Prometheus',
  () => {
    let prometheus: RecordingPrometheus;
    let client: PrometheusClient;
    // T: the last full minute, so that the live alert evaluation still sees outage B.
    const t = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
    const q = t - Q_BEFORE_T * MINUTE;
    const entities: Entity[] = [
      slo('svc01', 'slo1', 0.999),
      slo('svc01', 'slo02', 0.95),
    ];

    beforeAll(async () => {
      prometheus = (await startRecordingPrometheus({
        rules: rules!,
        openMetrics: openMetrics(t),
        evaluationInterval: '1s',
      }))!;
      await prometheus.backfillRules({
        start: new Date(q - BACKFILL_MINUTES * MINUTE),
        end: new Date(q),
        evalIntervalSeconds: 300,
      });
      client = new PrometheusClient({
        name: 'default',
        baseUrl: prometheus.baseUrl,
        headers: {},
        timeoutMs: 10_000,
        demo: false,
      });
    }, 180_000);

    afterAll(() => prometheus?.stop());

    async function read(): Promise<SloLive[]> {
      return serviceSlosLive({
        sloEntities: entities,
        environments: [],
        clients: new Map([['default', client]]),
        now: new Date(q),
      });
    }

    it('reads SLI, budget remaining and burn rates per window as computed by hand', async () => {
      const [slo1, slo02] = await read();
      if (slo1.state !== 'live' || slo02.state !== 'live') {
        throw new Error(
          `expected live data, got ${JSON.stringify([slo1, slo02])}`,
        );
      }
      const budget1 = 1 - 0.999;
      expect(slo1.reading.sli).toBeCloseTo(1 - PERIOD_ERROR_RATIO, 10);
      expectRemaining(slo1.reading.budgetRemaining, budget1); // 0.428: 57% of the budget spent
      expect(slo1.reading.status).toBe('healthy');
      // 0.1% of 28 days is 40.32 minutes
      expect(slo1.reading.budgetMinutes).toBeCloseTo(40.32, 6);
      expect(slo1.reading.budgetRemainingMinutes).toBeCloseTo(
        40.32 * slo1.reading.budgetRemaining,
        9,
      );
      expect(slo1.reading.burnRates.map(b => b.window)).toEqual(
        EXPECTED_WINDOWS.map(([w]) => w),
      );
      slo1.reading.burnRates.forEach((b, i) => {
        expect(b.errorRatio).toBeCloseTo(EXPECTED_WINDOWS[i][1], 10);
        expect(b.burnRate).toBeCloseTo(EXPECTED_WINDOWS[i][1] / budget1, 6);
      });
      // the same traffic against a 95% objective spends 1.1% of its budget
      expectRemaining(slo02.reading.budgetRemaining, 0.05);
      expect(slo02.reading.status).toBe('healthy');
    });

    it('lists the page alert firing for outage B and no ticket', async () => {
      // Outage B, now: the page tier fires on 5m (0.05) and 1h (1000 errors in under an
      // hour, > 0.0167) above 13.44 x 0.001; the ticket tiers stay quiet: 1d (3000 errors,
      // 0.0021) under 2.8 x 0.001 and 3d (3500, 0.00081) under 0.933 x 0.001.
      let slo1: SloLive | undefined;
      for (let i = 0; i < 40; i++) {
        [slo1] = await read();
        if (slo1.state === 'live' && slo1.alerts.length > 0) break;
        await new Promise(r => setTimeout(r, 500));
      }
      if (slo1?.state !== 'live') throw new Error('expected live data');
      expect(slo1.alerts).toEqual([
        expect.objectContaining({ name: 'myServiceAlert' }),
      ]);
      const alerts = await client.alerts();
      expect(
        alerts
          .filter(a => a.state === 'firing')
          .map(a => a.labels.sloth_severity),
      ).toEqual(['page']);
    });

    it('gives the budget history over the window from the recorded rules', async () => {
      const [slo1] = await read();
      if (slo1.state !== 'live') throw new Error('expected live data');
      expect(slo1.historyStepSeconds).toBe(10800);
      const values = slo1.history.map(p => p.remaining);
      // before outage C the budget is whole; at Q it is what the reading says
      expect(values[0]).toBe(1);
      const last = slo1.history[slo1.history.length - 1];
      expect(last.t).toBe(q);
      expect(last.remaining).toBe(slo1.reading.budgetRemaining);
      expectRemaining(last.remaining, 0.001);
      expect(Math.min(...values)).toBeLessThan(1);
    });

    it('reads every SLO budget and the burning ones in one overview query', async () => {
      const fetchSpy = jest.spyOn(global, 'fetch');
      const live = await loadLiveBudgets(
        new Map([['default', client]]),
        mockServices.logger.mock(),
      );
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      fetchSpy.mockRestore();
      const map = live.byInstance.get('default')!;
      // the overview reads the latest values (Prometheus keeps evaluating after T)
      expect(map.get('svc01\u0000svc01-slo1')).toEqual({
        budgetRemaining: expect.any(Number),
        burning: true,
      });
      expect(map.get('svc01\u0000slo02')?.burning).toBe(false);
      expect(live.unavailable).toEqual([]);
    });

    it('says which query returned nothing for an SLO without rules', async () => {
      const [missing] = await serviceSlosLive({
        sloEntities: [slo('svc01', 'unknown', 0.99)],
        environments: [],
        clients: new Map([['default', client]]),
        now: new Date(q),
      });
      expect(missing).toEqual({
        sloRef: 'slo:default/svc01-unknown',
        state: 'problem',
        problem: expect.objectContaining({
          kind: 'no-data',
          query: expect.stringContaining('sloth_id="svc01-unknown"'),
        }),
      });
      // and that query, run as shown, returns nothing
      const { query } = (missing as { problem: { query: string } }).problem;
      expect(await client.query(query, new Date(q))).toEqual([]);
    });
  },
);
