/*
 * promtool unit tests for the generated rules: every scenario of scenarios.ts, with the
 * expected state of every alert of the SLO (each burn-rate tier and the absent alert) at
 * each check. Input series are the raw metrics the SLI reads, with realistic shapes: the
 * bad-event counter appears with the first error, histograms carry every bucket.
 */
import type { Design, SloDesign } from '@plinth/backstage-plugin-infra-common';
import { bucketLabel } from '@plinth/backstage-plugin-infra-common';
import { absentAlertName, alertName } from '../names';
import { selector } from './promql';
import {
  ABSENT_FOR,
  absentAlertLabels,
  absentAnnotations,
  alertAnnotations,
  alertLabels,
  sloLabels,
} from './rules';
import {
  absentFires,
  scenarioLength,
  scenariosFor,
  tierFires,
  windowMinutes,
  type Scenario,
  type Segment,
} from './scenarios';
import { FAMILIES } from './series';

/** Events per minute in the synthetic traffic. */
export const EVENTS_PER_MINUTE = 10000;

const fmt = (v: number) => String(Number(v.toPrecision(12)));

/**
 * A counter's samples in promtool's series notation, one minute apart: for each stretch,
 * `start+stepxn`; `_xn` where it has no sample. With `lazy`, the series appears (at 0)
 * just before the first event it counts, as client libraries create labelled counters.
 */
export function counterNotation(
  segments: Segment[],
  length: number,
  part: (errorShare: number) => number,
  lazy: boolean,
): string {
  const parts: string[] = [];
  let missing = 0;
  const flush = () => {
    if (missing > 0) parts.push(missing === 1 ? '_' : `_x${missing}`);
    missing = 0;
  };
  let exists = !lazy;
  let value = 0;
  if (exists && segments[0] && !segments[0].silent) parts.push('0');
  else missing = 1;
  let minute = 0;
  const tail: Segment = { minutes: Infinity, errorShare: 0, silent: true };
  for (const s of [...segments, tail]) {
    const n = Math.min(s.minutes, length - minute);
    if (n <= 0) break;
    minute += n;
    const add = s.silent ? 0 : EVENTS_PER_MINUTE * part(s.errorShare);
    if (s.silent || (!exists && add === 0)) {
      missing += n;
      continue;
    }
    if (!exists) {
      // The sample before the first event is the counter's creation, at 0.
      exists = true;
      missing -= 1;
      flush();
      parts.push(`0+${fmt(add)}x${n}`);
    } else {
      flush();
      parts.push(
        n === 1 ? fmt(value + add) : `${fmt(value + add)}+${fmt(add)}x${n - 1}`,
      );
    }
    value += add * n;
  }
  flush();
  return parts.join(' ');
}

function inputSeries(design: Design, slo: SloDesign, scenario: Scenario) {
  const family = FAMILIES[design.service.workloadType];
  const base = { service: design.service.name, environment: slo.environment };
  const length = scenarioLength(scenario.segments) + 5;
  const good = (e: number) => 1 - e;
  const bad = (e: number) => e;
  if (slo.kind === 'latency') {
    const threshold = slo.latencyThresholdMs ?? 0;
    const buckets = slo.latencyBucketsMs ?? [threshold];
    const below = buckets.filter(b => b < threshold);
    const previous = below[below.length - 1];
    // Half the good requests are well under the threshold, the bad ones just over it.
    const share = (bound: number) => (e: number) => {
      if (bound > threshold) return 1;
      if (bound === threshold) return good(e);
      return bound === previous ? good(e) / 2 : 0;
    };
    const series = [
      ...buckets.map(bound => ({
        series: selector(`${family.histogram}_bucket`, {
          ...base,
          le: bucketLabel(bound, slo.prometheusMajor ?? 3),
        }),
        values: counterNotation(scenario.segments, length, share(bound), false),
      })),
      {
        series: selector(`${family.histogram}_bucket`, { ...base, le: '+Inf' }),
        values: counterNotation(scenario.segments, length, () => 1, false),
      },
      {
        series: selector(`${family.histogram}_count`, base),
        values: counterNotation(scenario.segments, length, () => 1, false),
      },
    ];
    return series;
  }
  return [
    {
      series: selector(family.total, {
        ...base,
        [family.good[0]]: family.good[1],
      }),
      values: counterNotation(scenario.segments, length, good, false),
    },
    {
      series: selector(family.total, {
        ...base,
        [family.bad[0]]: family.bad[1],
      }),
      values: counterNotation(scenario.segments, length, bad, true),
    },
  ];
}

/** The unit tests of one SLO. */
export function unitTests(
  design: Design,
  slo: SloDesign,
  runbookUrl: (anchor: string) => string,
) {
  const absentMinutes = windowMinutes(ABSENT_FOR);
  return scenariosFor(slo).map(scenario => ({
    name: `${slo.name}: ${scenario.name}`,
    interval: '1m',
    input_series: inputSeries(design, slo, scenario),
    alert_rule_test: scenario.evalMinutes.flatMap(t => [
      ...slo.alerts.map(tier => ({
        eval_time: `${t}m`,
        alertname: alertName(slo, tier),
        exp_alerts: tierFires(slo, tier, scenario, t)
          ? [
              {
                exp_labels: {
                  ...sloLabels(design, slo),
                  ...alertLabels(design, tier),
                },
                exp_annotations: alertAnnotations(
                  design,
                  slo,
                  tier,
                  runbookUrl(tier.name),
                ),
              },
            ]
          : [],
      })),
      {
        eval_time: `${t}m`,
        alertname: absentAlertName(slo),
        exp_alerts: absentFires(scenario, t, absentMinutes)
          ? [
              {
                exp_labels: {
                  service: design.service.name,
                  ...absentAlertLabels(design, slo),
                },
                exp_annotations: absentAnnotations(
                  design,
                  slo,
                  runbookUrl('sli-absent'),
                ),
              },
            ]
          : [],
      },
    ]),
  }));
}
