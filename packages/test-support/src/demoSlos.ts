/*
 * Demo data for the hand-written example SLOs of examples/infra whose services have no
 * answers file (those have Plinth's own rules: scripts/exampleSloPrometheus.ts, ADR
 * 1402): Sloth-compatible rules
 * (the series the portal reads back, ADR 1400) and a made-up traffic history with a
 * few outages, so that a local Prometheus shows every live state the portal knows:
 * budgets that are healthy, low and spent, an SLO burning now, and one service
 * (identity-api) left without rules, which shows the no-data state.
 *
 * The history is written as OpenMetrics for `promtool tsdb create-blocks-from
 * openmetrics`: the raw event counters over the longest alert window, and the
 * 5-minute error ratios and remaining budget over the SLO window (computed here from
 * the same traffic, as the rules would have recorded them). From start-up on,
 * Prometheus evaluates the rules itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import type { BackfillSeries, RunningPrometheus } from './prometheus';

/** One example SLO as the demo needs it. */
export interface DemoSlo {
  /** The SLO entity's name: Sloth's `sloth_id`. */
  name: string;
  /** Its service Component's name: `sloth_service`. */
  service: string;
  objective: number;
  windowDays: number;
}

/** A stretch of failed events: from `startMinutesAgo` before the end, for `minutes`. */
export interface DemoOutage {
  startMinutesAgo: number;
  minutes: number;
  errorShare: number;
}

const DAY = 1440;

/*
 * What happened to each example SLO; SLOs not listed get no rules. Every SLO also
 * fails at a tenth of its budget all the time. The comments give the remaining
 * budget these outages leave.
 */
export const DEMO_OUTAGES: Record<string, DemoOutage[]> = {
  // ~21%
  'ledger-service-availability': [
    { startMinutesAgo: 2 * DAY, minutes: 60, errorShare: 0.5 },
  ],
  // low: ~15%
  'checkout-web-availability': [
    { startMinutesAgo: 5 * DAY, minutes: 18, errorShare: 0.18 },
  ],
  // ~80%
  'checkout-web-latency': [
    { startMinutesAgo: 6 * DAY, minutes: 720, errorShare: 0.3 },
  ],
  // ~70%
  'cart-service-availability': [
    { startMinutesAgo: 20 * DAY, minutes: 240, errorShare: 0.336 },
  ],
  // 90%: the background failures only
  'events-pipeline-freshness': [],
  // ~60%
  'events-pipeline-throughput': [
    { startMinutesAgo: 14 * DAY, minutes: 180, errorShare: 0.336 },
  ],
  // ~55%
  'reporting-api-availability': [
    { startMinutesAgo: 25 * DAY, minutes: 120, errorShare: 0.63 },
  ],
};

/** Share of the budget the background failures spend over the window. */
const BACKGROUND_BUDGET_SHARE = 0.1;
const EVENTS_PER_MINUTE = 1000;
/** The raw metric of the demo traffic. */
export const DEMO_METRIC = 'plinth_demo_events_total';
/** Sloth's windows for the alerts, and its page/ticket factors for a 30-day period. */
const ALERT_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];
const LONGEST_ALERT_WINDOW_MINUTES = 3 * DAY;
const STEP_MINUTES = 5;

/** The example SLOs of the catalog files under `examples/infra` that the demo has data for. */
export function exampleDemoSlos(repoRoot: string): DemoSlo[] {
  const dir = join(repoRoot, 'examples', 'infra');
  const slos: DemoSlo[] = [];
  for (const file of [
    'payments.yaml',
    'checkout.yaml',
    'data-platform.yaml',
    'identity.yaml',
  ]) {
    // examples generated from examples/answers replace some of these files
    if (!existsSync(join(dir, file))) continue;
    for (const doc of parseAllDocuments(
      readFileSync(join(dir, file), 'utf8'),
    )) {
      const entity = doc.toJS() as any;
      if (entity?.kind !== 'SLO') continue;
      const name = entity.metadata?.name;
      const duration = /^(\d+)d$/.exec(entity.spec?.timeWindow?.[0]?.duration);
      const objective = entity.spec?.objectives?.[0]?.target;
      if (
        typeof name !== 'string' ||
        !(name in DEMO_OUTAGES) ||
        typeof entity.spec?.service !== 'string' ||
        !duration ||
        typeof objective !== 'number'
      ) {
        continue;
      }
      slos.push({
        name,
        service: entity.spec.service,
        objective,
        windowDays: Number(duration[1]),
      });
    }
  }
  return slos;
}

/** Sloth's name for a period: 28 days is `4w`. */
const periodWindow = (days: number) =>
  days % 7 === 0 ? `${days / 7}w` : `${days}d`;

const sloLabelsOf = (slo: DemoSlo) => ({
  sloth_id: slo.name,
  sloth_service: slo.service,
  sloth_slo: slo.name.startsWith(`${slo.service}-`)
    ? slo.name.slice(slo.service.length + 1)
    : slo.name,
});

/** A PromQL selector; label values as JSON strings, which PromQL reads the same way. */
function selector(metric: string, labels: Record<string, string>): string {
  const matchers = Object.entries(labels).map(
    ([k, v]) => `${k}=${JSON.stringify(v)}`,
  );
  return `${metric}{${matchers.join(', ')}}`;
}

/** Sloth-compatible rules (SLI, meta and alert groups) for the demo SLOs, as YAML. */
export function demoSloRules(slos: DemoSlo[]): string {
  const groups = slos.flatMap(slo => {
    const labels = sloLabelsOf(slo);
    const period = periodWindow(slo.windowDays);
    const events = { service: slo.service, slo: labels.sloth_slo };
    const ratio = (window: string) =>
      `(sum(rate(${selector(DEMO_METRIC, {
        ...events,
        outcome: 'bad',
      })}[${window}])))\n/\n(sum(rate(${selector(
        DEMO_METRIC,
        events,
      )}[${window}])))`;
    const recorded = (name: string) => selector(name, labels);
    const budget = 1 - slo.objective;
    const over = (window: string, factor: number) =>
      `max(${recorded(
        `slo:sli_error:ratio_rate${window}`,
      )} > (${factor} * ${budget})) without (sloth_window)`;
    const tier = (a: [string, string, number], b: [string, string, number]) =>
      `(\n  ${over(a[0], a[2])}\n  and\n  ${over(
        a[1],
        a[2],
      )}\n)\nor\n(\n  ${over(b[0], b[2])}\n  and\n  ${over(b[1], b[2])}\n)`;
    const sliRecording = (window: string) => ({
      record: `slo:sli_error:ratio_rate${window}`,
      expr: ratio(window),
      labels: { ...labels, sloth_window: window },
    });
    // Sloth's factors scale with the period: 2% of a 30-day budget in 1 hour is 14.4x.
    const scale = slo.windowDays / 30;
    return [
      {
        // Every 5 minutes, as the history has it: the period ratio is the mean of
        // these samples, so a faster evaluation would weigh the present more.
        name: `sloth-slo-sli-recordings-5m-${slo.name}`,
        interval: '5m',
        rules: [sliRecording('5m')],
      },
      {
        name: `sloth-slo-sli-recordings-${slo.name}`,
        rules: [
          ...ALERT_WINDOWS.filter(w => w !== '5m').map(sliRecording),
          {
            record: `slo:sli_error:ratio_rate${period}`,
            expr: `sum_over_time(${recorded(
              'slo:sli_error:ratio_rate5m',
            )}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(${recorded(
              'slo:sli_error:ratio_rate5m',
            )}[${period}])`,
            labels: { ...labels, sloth_window: period },
          },
        ],
      },
      {
        name: `sloth-slo-meta-recordings-${slo.name}`,
        rules: [
          {
            record: 'slo:objective:ratio',
            expr: `vector(${slo.objective})`,
            labels,
          },
          {
            record: 'slo:error_budget:ratio',
            expr: `vector(1-${slo.objective})`,
            labels,
          },
          {
            record: 'slo:time_period:days',
            expr: `vector(${slo.windowDays})`,
            labels,
          },
          {
            record: 'slo:current_burn_rate:ratio',
            expr: `${recorded(
              'slo:sli_error:ratio_rate5m',
            )}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\n${recorded(
              'slo:error_budget:ratio',
            )}`,
            labels,
          },
          {
            record: 'slo:period_burn_rate:ratio',
            expr: `${recorded(
              `slo:sli_error:ratio_rate${period}`,
            )}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\n${recorded(
              'slo:error_budget:ratio',
            )}`,
            labels,
          },
          {
            record: 'slo:period_error_budget_remaining:ratio',
            expr: `1 - ${recorded('slo:period_burn_rate:ratio')}`,
            labels,
          },
        ],
      },
      {
        name: `sloth-slo-alerts-${slo.name}`,
        rules: [
          {
            alert: 'DemoSloErrorBudgetBurn',
            expr: tier(['5m', '1h', 14.4 * scale], ['30m', '6h', 6 * scale]),
            labels: { sloth_id: slo.name, sloth_severity: 'page' },
            annotations: {
              summary: 'Demo data: the error budget burns fast.',
            },
          },
          {
            alert: 'DemoSloErrorBudgetBurn',
            expr: tier(['2h', '1d', 3 * scale], ['6h', '3d', 1 * scale]),
            labels: { sloth_id: slo.name, sloth_severity: 'ticket' },
            annotations: {
              summary: 'Demo data: the error budget burns slowly.',
            },
          },
        ],
      },
    ];
  });
  return stringify({ groups }, { lineWidth: 0 });
}

/** Share of failed events in the minute that ends `m` minutes before the end. */
export function demoErrorShare(slo: DemoSlo, m: number): number {
  const outage = (DEMO_OUTAGES[slo.name] ?? []).find(
    o => m < o.startMinutesAgo && m >= o.startMinutesAgo - o.minutes,
  );
  return outage?.errorShare ?? BACKGROUND_BUDGET_SHARE * (1 - slo.objective);
}

/**
 * The backfilled history up to `endMs` (a whole minute): the raw counters over the
 * longest alert window plus an hour, and the recorded 5-minute ratios (over two SLO
 * windows, so that every point of the budget history has a full window behind it)
 * and remaining budget (over one window), every 5 minutes.
 */
export function demoHistory(slos: DemoSlo[], endMs: number): BackfillSeries[] {
  const series: BackfillSeries[] = [];
  const minuteMs = 60_000;
  for (const slo of slos) {
    const labels = sloLabelsOf(slo);
    const events = { service: slo.service, slo: labels.sloth_slo };
    const good: Array<[number, number]> = [];
    const bad: Array<[number, number]> = [];
    // Counters start high so that rate() never mistakes the start for a reset.
    let goodCount = 1_000_000;
    let badCount = 1_000_000;
    for (let m = LONGEST_ALERT_WINDOW_MINUTES + 60; m >= 0; m--) {
      const t = endMs - m * minuteMs;
      good.push([t, goodCount]);
      bad.push([t, badCount]);
      if (m > 0) {
        const share = demoErrorShare(slo, m - 1);
        goodCount += EVENTS_PER_MINUTE * (1 - share);
        badCount += EVENTS_PER_MINUTE * share;
      }
    }
    series.push(
      {
        metric: DEMO_METRIC,
        labels: { ...events, outcome: 'good' },
        samples: good,
      },
      {
        metric: DEMO_METRIC,
        labels: { ...events, outcome: 'bad' },
        samples: bad,
      },
    );

    const windowMinutes = slo.windowDays * DAY;
    const steps = windowMinutes / STEP_MINUTES;
    const ratios: number[] = [];
    const ratioSamples: Array<[number, number]> = [];
    for (let i = 2 * steps; i >= 0; i--) {
      const m = i * STEP_MINUTES;
      let share = 0;
      for (let k = 0; k < STEP_MINUTES; k++)
        share += demoErrorShare(slo, m + k);
      ratios.push(share / STEP_MINUTES);
      ratioSamples.push([endMs - m * minuteMs, share / STEP_MINUTES]);
    }
    const budget = 1 - slo.objective;
    const remaining: Array<[number, number]> = [];
    // a running sum over the last `steps` ratios (the period rule's sum_over_time)
    let sum = ratios.slice(0, steps).reduce((a, b) => a + b, 0);
    for (let j = steps; j < ratios.length; j++) {
      sum += ratios[j] - ratios[j - steps];
      const mean = sum / steps;
      remaining.push([ratioSamples[j][0], 1 - mean / budget]);
    }
    series.push(
      {
        metric: 'slo:sli_error:ratio_rate5m',
        labels: { ...labels, sloth_window: '5m' },
        samples: ratioSamples,
      },
      {
        // `1 - period_burn_rate` keeps the period ratio's sloth_window label
        metric: 'slo:period_error_budget_remaining:ratio',
        labels: { ...labels, sloth_window: periodWindow(slo.windowDays) },
        samples: remaining,
      },
    );
  }
  return series;
}

/**
 * Resolves once Prometheus has evaluated the demo rules for every SLO: each has its
 * period burn rate (the last rule of the chain) and its 1-hour ratio.
 */
export async function waitForDemoRules(
  prometheus: Pick<RunningPrometheus, 'query'>,
  slos: readonly unknown[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const counted = async (expr: string) =>
    Number((await prometheus.query(`count(${expr})`))[0]?.value[1] ?? 0);
  for (;;) {
    const [burn, hour] = await Promise.all([
      counted('slo:period_burn_rate:ratio'),
      counted('slo:sli_error:ratio_rate1h'),
    ]);
    if (burn === slos.length && hour === slos.length) return;
    if (Date.now() > deadline) {
      throw new Error(
        `demo rules not evaluated within ${timeoutMs} ms: ${burn} period burn rates, ${hour} 1h ratios for ${slos.length} SLOs`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
