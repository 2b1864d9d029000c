/*
 * Traffic scenarios for the generated promtool tests, and what each alert must do in them.
 * A scenario is minute-by-minute error shares; the expected state of every alert is
 * computed here from the design (objective, factor, windows), never read back from the
 * rules, so a rule that drifts from the design fails its tests. Each decision must hold
 * with both range conventions (Prometheus 2 counts W increments in a W window, Prometheus 3
 * W-1), and with a margin, or the scenario is refused: the tests must not hinge on rounding.
 */
import type {
  BurnRateAlertTier,
  SloDesign,
} from '@plinth/backstage-plugin-infra-common';
import { alertThreshold } from './rules';

/** One stretch of traffic: `minutes` long, `errorShare` of the events bad; `silent`: no samples at all. */
export interface Segment {
  minutes: number;
  errorShare: number;
  silent?: boolean;
}

export interface Scenario {
  name: string;
  segments: Segment[];
  /** Minutes from the start at which the alerts are checked. */
  evalMinutes: number[];
}

const MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };
export const windowMinutes = (w: string) =>
  Number(w.slice(0, -1)) * (MINUTES[w.slice(-1)] ?? 1);

/** Error share and presence of the minute ending at `m` (1-based: the increment from m-1 to m). */
export function minuteAt(segments: Segment[], m: number): Segment | undefined {
  let end = 0;
  for (const s of segments) {
    end += s.minutes;
    if (m <= end) return s;
  }
  return undefined;
}

export const scenarioLength = (segments: Segment[]) =>
  segments.reduce((n, s) => n + s.minutes, 0);

/** Prefix sums of bad events and of sampled minutes, per scenario (computed once). */
const sums = new WeakMap<Segment[], { bad: number[]; count: number[] }>();

function prefixSums(segments: Segment[]) {
  let cached = sums.get(segments);
  if (!cached) {
    const bad = [0];
    const count = [0];
    for (const s of segments) {
      for (let i = 0; i < s.minutes; i++) {
        bad.push(bad[bad.length - 1] + (s.silent ? 0 : s.errorShare));
        count.push(count[count.length - 1] + (s.silent ? 0 : 1));
      }
    }
    cached = { bad, count };
    sums.set(segments, cached);
  }
  return cached;
}

/** The error ratio over the `increments` minutes before `t` (undefined when no event). */
function ratio(segments: Segment[], t: number, increments: number) {
  const { bad, count } = prefixSums(segments);
  const end = Math.min(t, bad.length - 1);
  const start = Math.max(0, t - increments);
  if (start >= end) return undefined;
  const total = count[end] - count[start];
  return total === 0 ? undefined : (bad[end] - bad[start]) / total;
}

/** Relative distance a ratio must keep from a threshold for the decision to count. */
const MARGIN = 0.005;

function over(
  segments: Segment[],
  t: number,
  window: string,
  threshold: number,
  what: string,
): boolean {
  const w = windowMinutes(window);
  const decisions = [w, w - 1].map(n => {
    const r = ratio(segments, t, n);
    if (r === undefined) return false;
    if (Math.abs(r - threshold) <= threshold * MARGIN) {
      throw new Error(
        `${what}: the ${window} error ratio at ${t}m (${r}) is too close to ${threshold}`,
      );
    }
    return r > threshold;
  });
  if (decisions[0] !== decisions[1]) {
    throw new Error(
      `${what}: the ${window} window at ${t}m depends on the range convention`,
    );
  }
  return decisions[0];
}

/** Whether a tier's alert fires at minute `t`. */
export function tierFires(
  slo: SloDesign,
  tier: BurnRateAlertTier,
  scenario: Scenario,
  t: number,
): boolean {
  const threshold = alertThreshold(slo, tier);
  const what = `${slo.name} ${scenario.name} ${tier.name}`;
  return (
    over(scenario.segments, t, tier.longWindow, threshold, what) &&
    over(scenario.segments, t, tier.shortWindow, threshold, what)
  );
}

/** Whether the SLI has had no sample for `absentMinutes` at minute `t`. */
export function absentFires(
  scenario: Scenario,
  t: number,
  absentMinutes: number,
): boolean {
  const last = lastSample(scenario.segments, t);
  if (Math.abs(last - (t - absentMinutes)) <= 1) {
    throw new Error(
      `${scenario.name}: the absent window at ${t}m is too close`,
    );
  }
  return last < t - absentMinutes;
}

/** The minute of the last sample at or before `t`; the series start with a sample at 0. */
export function lastSample(segments: Segment[], t: number): number {
  for (let m = t; m >= 1; m--) {
    const s = minuteAt(segments, m);
    if (s && !s.silent) return m;
  }
  return segments[0]?.silent ? -Infinity : 0;
}

/** An error share `scale` times a tier's threshold, at most every event. */
const share = (slo: SloDesign, tier: BurnRateAlertTier, scale: number) =>
  Math.min(1, alertThreshold(slo, tier) * scale);

/**
 * How often promtool evaluates the rules. Every check falls on an evaluation, and no
 * alert has a `for` or reads past evaluations, so a coarse interval tests the same logic
 * as Prometheus' 1m, about 30 times faster.
 */
export const TEST_EVALUATION_MINUTES = 30;

/** Minutes of clean traffic before anything happens: every rate has a history. */
export const BASELINE = 60;

/**
 * The scenarios for an SLO: each tier just above (x1.02) and just below (x0.98) its
 * threshold for long enough to fill its long window, after clean traffic (the bad series
 * only appears with the first error, as client libraries create labelled counters); a
 * full outage and the recovery after it; and the SLI's metrics vanishing.
 */
export function scenariosFor(slo: SloDesign): Scenario[] {
  const scenarios: Scenario[] = [];
  // Clean history as long as the longest window, so that a burn that fills one tier's
  // window is diluted in the longer ones, as it is in a service that has been running.
  const history =
    Math.max(...slo.alerts.map(t => windowMinutes(t.longWindow))) + BASELINE;
  for (const tier of slo.alerts) {
    const minutes = windowMinutes(tier.longWindow) + 60;
    const before = minutes >= history ? BASELINE : history;
    for (const [label, scale] of [
      ['just above', 1.02],
      ['just below', 0.98],
    ] as const) {
      const errorShare = share(slo, tier, scale);
      if (scale > 1 && errorShare <= alertThreshold(slo, tier)) continue;
      scenarios.push({
        name: `${tier.name} ${label} its threshold (${errorShare} errors for ${minutes}m)`,
        segments: [
          { minutes: before, errorShare: 0 },
          { minutes, errorShare },
        ],
        evalMinutes: [before + minutes],
      });
    }
  }
  for (const tier of slo.alerts) {
    // A burst that fills the short window but not the long one: the long window keeps
    // the tier quiet (and tells the tier's two windows apart).
    const minutes =
      Math.ceil(
        (windowMinutes(tier.shortWindow) + 20) / TEST_EVALUATION_MINUTES,
      ) * TEST_EVALUATION_MINUTES;
    const errorShare = share(slo, tier, 1.5);
    scenarios.push({
      name: `${tier.name}: a burst over its short window only (${errorShare} errors for ${minutes}m)`,
      segments: [
        { minutes: history, errorShare: 0 },
        { minutes, errorShare },
      ],
      evalMinutes: [history + minutes],
    });
  }
  scenarios.push({
    name: 'a 30-minute full outage, then recovery',
    segments: [
      { minutes: history, errorShare: 0 },
      { minutes: 30, errorShare: 1 },
      { minutes: 150, errorShare: 0 },
    ],
    // At the end of the outage, 30 minutes after it and 150 minutes after it.
    evalMinutes: [history + 30, history + 60, history + 180],
  });
  scenarios.push({
    name: 'the SLI metrics vanish (target down)',
    segments: [
      { minutes: BASELINE + 60, errorShare: 0 },
      { minutes: 40, errorShare: 0, silent: true },
    ],
    // At the last sample, and 30 minutes later.
    evalMinutes: [BASELINE + 60, BASELINE + 90],
  });
  for (const scenario of scenarios) {
    for (const t of scenario.evalMinutes) {
      if (t % TEST_EVALUATION_MINUTES !== 0) {
        throw new Error(`${scenario.name}: ${t}m is not an evaluation instant`);
      }
    }
  }
  return scenarios;
}
