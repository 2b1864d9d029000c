import type {
  Design,
  SloDesign,
  WorkloadType,
} from '@plinth/backstage-plugin-infra-common';
import { selector } from './promql';

/*
 * Synthetic input series for the promtool unit tests: the metrics that the SLI
 * queries of infra-common read (slo/queries.ts), split into good and bad events.
 * A rename there makes these tests fail, which is the point.
 */
interface Family {
  total: string;
  bad: [string, string];
  good: [string, string];
  histogram: string;
}

/** APIs and web front ends are both measured by their HTTP requests. */
const HTTP: Family = {
  total: 'http_requests_total',
  bad: ['code', '500'],
  good: ['code', '200'],
  histogram: 'http_request_duration_seconds',
};

const FAMILIES: Record<WorkloadType, Family> = {
  'http-api': HTTP,
  'web-frontend': HTTP,
  worker: {
    total: 'jobs_processed_total',
    bad: ['outcome', 'failure'],
    good: ['outcome', 'success'],
    histogram: 'job_duration_seconds',
  },
  batch: {
    total: 'batch_job_runs_total',
    bad: ['status', 'failed'],
    good: ['status', 'succeeded'],
    histogram: 'batch_job_duration_seconds',
  },
  'stream-processor': {
    total: 'messages_processed_total',
    bad: ['result', 'error'],
    good: ['result', 'ok'],
    histogram: 'message_processing_duration_seconds',
  },
};

/** Events per minute in the synthetic traffic. */
const EVENTS_PER_MINUTE = 10000;

/** promtool's expanding notation: start at 0, add `step` every interval, `count` times. */
const counter = (step: number, count: number) =>
  `0+${Number(step.toPrecision(12))}x${count}`;

/** Series where `errorRatio` of all events are bad, for `count` minutes. */
export function seriesFor(
  design: Design,
  slo: SloDesign,
  errorRatio: number,
  count: number,
) {
  const family = FAMILIES[design.service.workloadType];
  const base = { service: design.service.name, environment: slo.environment };
  const bad = EVENTS_PER_MINUTE * errorRatio;
  const good = EVENTS_PER_MINUTE - bad;
  if (slo.kind === 'latency') {
    const le = String(
      Number(((slo.latencyThresholdMs ?? 0) / 1000).toPrecision(6)),
    );
    return [
      {
        series: selector(`${family.histogram}_bucket`, { ...base, le }),
        values: counter(good, count),
      },
      {
        series: selector(`${family.histogram}_count`, base),
        values: counter(EVENTS_PER_MINUTE, count),
      },
    ];
  }
  return [
    {
      series: selector(family.total, {
        ...base,
        [family.good[0]]: family.good[1],
      }),
      values: counter(good, count),
    },
    {
      series: selector(family.total, {
        ...base,
        [family.bad[0]]: family.bad[1],
      }),
      values: counter(bad, count),
    },
  ];
}
