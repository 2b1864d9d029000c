/*
 * The Prometheus behind `make start` and the e2e suite: the example services of
 * examples/answers/*.yaml with Plinth's own rules (planned and rendered in-process, the
 * file generated repositories carry as monitoring/prometheus/slo-rules.yaml), raw SLI
 * series backfilled with `promtool tsdb create-blocks-from openmetrics` and scraped live
 * afterwards, and the recording rules' past made by those same rules
 * (`promtool tsdb create-blocks-from rules`). The hand-written examples of examples/infra
 * that have no answers file keep their demo rules and series (test-support's demoSlos).
 * ADR 1402.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  bucketLabel,
  DEFAULT_LATENCY_BUCKETS_MS,
  parseAnswers,
  planDesign,
  SLOTH_META_RECORDS,
  type Design,
} from '@plinth/backstage-plugin-infra-common';
import { renderRules } from '../plugins/scaffolder-backend-module-infra/src/render/prometheus';
import { FAMILIES } from '../plugins/scaffolder-backend-module-infra/src/render/prometheus/series';
import {
  demoHistory,
  demoSloRules,
  exampleDemoSlos,
  waitForDemoRules,
  type DemoOutage,
} from '../packages/test-support/src/demoSlos';
import {
  startPrometheus,
  type RunningPrometheus,
} from '../packages/test-support/src/prometheus';
import type { RuleGroup } from '../packages/test-support/src/ruleBackfill';
import {
  serveTraffic,
  trafficHistory,
  TRAFFIC_INSTANCE,
  TRAFFIC_JOB,
  type TrafficService,
} from '../packages/test-support/src/sliTraffic';

const DAY = 1440;

/*
 * What happened to each generated SLO (`m` counts minutes back from the end of the
 * history; after it, m < 0). Every SLO also fails at a tenth of its budget all the time.
 * The comments give the budget left at the end.
 */
export const ANSWERS_OUTAGES: Record<string, DemoOutage[]> = {
  // spent (about -20%), and burning now: 3% errors from 30 minutes before the end on,
  // which pages (1 h at 1.5%, 5 m at 3%, over 14.4 x 0.05%)
  'payments-api-availability': [
    { startMinutesAgo: 9 * DAY, minutes: 70, errorShare: 0.3 },
    { startMinutesAgo: 30, minutes: Infinity, errorShare: 0.03 },
  ],
  // ~88%
  'payments-api-latency': [
    { startMinutesAgo: 3 * DAY, minutes: 60, errorShare: 0.1 },
  ],
  // ~30%
  'records-api-availability': [
    { startMinutesAgo: 2 * DAY, minutes: 13, errorShare: 0.2 },
  ],
  // low: ~15%
  'records-api-latency': [
    { startMinutesAgo: 5 * DAY, minutes: 540, errorShare: 0.3 },
  ],
  // ~55%
  'fraud-scoring-availability': [
    { startMinutesAgo: 25 * DAY, minutes: 24, errorShare: 0.63 },
  ],
  // ~80%
  'fraud-scoring-latency': [
    { startMinutesAgo: 6 * DAY, minutes: 144, errorShare: 0.3 },
  ],
  // ~60%
  'ledger-batch-availability': [
    { startMinutesAgo: 14 * DAY, minutes: 180, errorShare: 0.36 },
  ],
};

const EVENTS_PER_MINUTE = 1000;
/** Rule evaluations of the backfilled past: every 5 minutes, as the chart needs. */
const BACKFILL_STEP_SECONDS = 300;

/** The designs Plinth plans for examples/answers/*.yaml. */
export function exampleAnswerDesigns(repoRoot: string): Design[] {
  const dir = join(repoRoot, 'examples', 'answers');
  return readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .sort()
    .map(f => {
      const parsed = parseAnswers(parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.ok) {
        throw new Error(`${f}: ${JSON.stringify(parsed.issues)}`);
      }
      return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
    });
}

/** Share of failed (or slow) events of an SLO in the minute `m` minutes before the end. */
function shareOf(name: string, budget: number) {
  const outages = ANSWERS_OUTAGES[name] ?? [];
  return (m: number) =>
    outages.find(
      o => m < o.startMinutesAgo && m >= o.startMinutesAgo - o.minutes,
    )?.errorShare ?? 0.1 * budget;
}

/** The raw series each design's SLIs read, with the outages above. */
export function trafficOf(design: Design): TrafficService {
  const family = FAMILIES[design.service.workloadType];
  const environment = design.slos[0].environment;
  const availability = design.slos.find(s => s.kind === 'availability');
  const latency = design.slos.find(s => s.kind === 'latency');
  const budget = (objectivePercent: number) => (100 - objectivePercent) / 100;
  const none = () => 0;
  return {
    labels: { service: design.service.name, environment },
    counter: { name: family.total, good: family.good, bad: family.bad },
    histogram:
      latency?.latencyThresholdMs !== undefined
        ? {
            name: family.histogram,
            buckets: (
              latency.latencyBucketsMs ?? DEFAULT_LATENCY_BUCKETS_MS
            ).map(ms => ({
              le: bucketLabel(ms, latency.prometheusMajor ?? 3),
              seconds: ms / 1000,
            })),
            thresholdSeconds: latency.latencyThresholdMs / 1000,
          }
        : undefined,
    eventsPerMinute: EVENTS_PER_MINUTE,
    errorShare: availability
      ? shareOf(availability.name, budget(availability.objectivePercent))
      : none,
    slowShare: latency
      ? shareOf(latency.name, budget(latency.objectivePercent))
      : none,
  };
}

/**
 * The generated recording rules split for the backfill: the 5-minute ratios and the
 * constant meta rules over two SLO windows, then the period ratio, burn rates and the
 * remaining budget over one window (each point of the budget's history has a full
 * window behind it). The other windows are only read now, so Prometheus evaluates them
 * from start-up on over the raw series.
 */
export function backfillStages(rules: string[]) {
  const groups = rules.flatMap(
    r => (parse(r) as { groups: RuleGroup[] }).groups,
  );
  const pick = (keep: (record: string) => boolean) =>
    stringify({
      groups: groups
        .map(g => ({
          ...g,
          rules: g.rules.filter(r => r.record && keep(r.record)),
        }))
        .filter(g => g.rules.length > 0),
    });
  const base = new Set([
    'slo:sli_error:ratio_rate5m',
    SLOTH_META_RECORDS.objective,
    SLOTH_META_RECORDS.errorBudget,
    SLOTH_META_RECORDS.timePeriodDays,
    'sloth_slo_info',
  ]);
  const period = /^slo:sli_error:ratio_rate\d+d$/;
  const chain = new Set<string>([
    SLOTH_META_RECORDS.currentBurnRate,
    SLOTH_META_RECORDS.periodBurnRate,
    SLOTH_META_RECORDS.budgetRemaining,
  ]);
  return {
    base: pick(r => base.has(r)),
    budget: pick(r => period.test(r) || chain.has(r)),
  };
}

export interface ExampleSloPrometheus {
  prometheus: RunningPrometheus;
  /** Every SLO with rules, generated and hand-written: sloth_id and sloth_service. */
  slos: Array<{ name: string; service: string }>;
  stop(): Promise<void>;
}

/** Starts the example Prometheus; undefined when prometheus/promtool are not installed. */
export async function startExampleSloPrometheus(options: {
  repoRoot: string;
  evaluationInterval: string;
  directory?: string;
  port?: number;
  timeoutMs?: number;
}): Promise<ExampleSloPrometheus | undefined> {
  const designs = exampleAnswerDesigns(options.repoRoot);
  const generated = new Set(designs.flatMap(d => d.slos.map(s => s.name)));
  // hand-written examples whose service has no answers file keep their demo data
  const demo = exampleDemoSlos(options.repoRoot).filter(
    s => !generated.has(s.name),
  );
  const minute = 60_000;
  const end = Math.floor(Date.now() / minute) * minute - minute;
  const longestDays = Math.max(
    ...designs.flatMap(d => d.slos.map(s => s.windowDays)),
  );
  const historyMinutes = 2 * longestDays * DAY + 60;
  const services = designs.map(trafficOf);
  const rules = designs.map(renderRules);
  const stages = backfillStages(rules);
  const traffic = await serveTraffic(services, end, historyMinutes);
  const at = (minutesBack: number) => new Date(end - minutesBack * minute);
  const prometheus = await startPrometheus({
    directory: options.directory,
    port: options.port,
    timeoutMs: options.timeoutMs,
    evaluationInterval: options.evaluationInterval,
    ruleFiles: {
      ...Object.fromEntries(
        designs.map((d, i) => [`${d.service.name}-slo-rules.yaml`, rules[i]]),
      ),
      'demo-slo-rules.yaml': demoSloRules(demo),
    },
    series: [
      ...trafficHistory(services, end, {
        minutes: historyMinutes,
        fineMinutes: 3 * DAY + 60,
      }),
      ...demoHistory(demo, end),
    ],
    recordRules: [
      {
        rules: stages.base,
        start: at(historyMinutes - 10),
        end: at(0),
        evalIntervalSeconds: BACKFILL_STEP_SECONDS,
      },
      {
        rules: stages.budget,
        start: at(longestDays * DAY),
        end: at(0),
        evalIntervalSeconds: BACKFILL_STEP_SECONDS,
      },
    ],
    scrapeTargets: [
      {
        job: TRAFFIC_JOB,
        target: traffic.target,
        labels: { instance: TRAFFIC_INSTANCE },
      },
    ],
  }).catch(async error => {
    await traffic.stop();
    throw error;
  });
  if (!prometheus) {
    await traffic.stop();
    return undefined;
  }
  const slos = [
    ...designs.flatMap(d =>
      d.slos.map(s => ({ name: s.name, service: d.service.name })),
    ),
    ...demo,
  ];
  const stop = async () => {
    await prometheus.stop();
    await traffic.stop();
  };
  try {
    await waitForDemoRules(prometheus, slos, options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${prometheus.logs()}`);
  }
  return { prometheus, slos, stop };
}
