/*
 * SLI queries in PromQL, by workload type. They follow the metric names of the common
 * client libraries and exporters (Prometheus `http_requests_total` and
 * `http_request_duration_seconds` for HTTP; job and message counters for workers). The
 * `{{.window}}` placeholder is Sloth's convention: renderers put each rule's window there.
 * Label values come from validated names (`^[a-z][a-z0-9-]*$`), so they need no escaping;
 * `assertLabelValue` keeps it that way if a caller passes something else.
 */
import type { SliQueries, WorkloadType } from '../design/types';
import {
  bucketLabel,
  DEFAULT_PROMETHEUS_MAJOR,
  type PrometheusMajor,
} from './buckets';

/** @public */
export const WINDOW_PLACEHOLDER = '{{.window}}';

/**
 * The metric names an SLI reads for a workload type.
 *
 * @public
 */
export interface MetricFamily {
  /** Counter of all events. */
  total: string;
  /** Label matcher that selects the bad events among `total`. */
  badMatcher: string;
  /** Histogram of durations (seconds), without the `_bucket` suffix. */
  histogram: string;
}

const METRICS: Record<WorkloadType, MetricFamily> = {
  'http-api': {
    total: 'http_requests_total',
    badMatcher: 'code=~"5.."',
    histogram: 'http_request_duration_seconds',
  },
  'web-frontend': {
    total: 'http_requests_total',
    badMatcher: 'code=~"5.."',
    histogram: 'http_request_duration_seconds',
  },
  worker: {
    total: 'jobs_processed_total',
    badMatcher: 'outcome="failure"',
    histogram: 'job_duration_seconds',
  },
  batch: {
    total: 'batch_job_runs_total',
    badMatcher: 'status="failed"',
    histogram: 'batch_job_duration_seconds',
  },
  'stream-processor': {
    total: 'messages_processed_total',
    badMatcher: 'result="error"',
    histogram: 'message_processing_duration_seconds',
  },
};

const SAFE_LABEL_VALUE = /^[a-z0-9][a-z0-9-]*$/;

function assertLabelValue(value: string): string {
  if (!SAFE_LABEL_VALUE.test(value)) {
    throw new Error(
      `'${value}' cannot be used as a label value in an SLI query`,
    );
  }
  return value;
}

/** `le` label value for a threshold in milliseconds, as the target Prometheus stores it. */
export function bucketBound(
  thresholdMs: number,
  major: PrometheusMajor = DEFAULT_PROMETHEUS_MAJOR,
): string {
  return bucketLabel(thresholdMs, major);
}

const DURATION = /^[1-9][0-9]*[smhdw]$/;

/**
 * Metric names the SLI of a workload type reads (for absent alerts and test series).
 *
 * @public
 */
export function sliMetrics(workloadType: WorkloadType): MetricFamily {
  return METRICS[workloadType];
}

/** @public */
export function sliQueries(options: {
  workloadType: WorkloadType;
  kind: 'availability' | 'latency';
  service: string;
  environment: string;
  latencyThresholdMs?: number;
  /** Formats the `le` value; Prometheus 3 unless said otherwise. */
  prometheusMajor?: PrometheusMajor;
  /** A concrete range (`5m`) instead of Sloth's `{{.window}}` placeholder. */
  window?: string;
}): SliQueries {
  const metrics = METRICS[options.workloadType];
  const selector = `service="${assertLabelValue(
    options.service,
  )}",environment="${assertLabelValue(options.environment)}"`;
  if (options.window !== undefined && !DURATION.test(options.window)) {
    throw new Error(`'${options.window}' is not a Prometheus duration`);
  }
  const w = options.window ?? WINDOW_PLACEHOLDER;
  if (options.kind === 'availability') {
    const total = `sum(rate(${metrics.total}{${selector}}[${w}]))`;
    const bad = `sum(rate(${metrics.total}{${selector},${metrics.badMatcher}}[${w}]))`;
    return {
      good: `${total} - (${bad} or vector(0))`,
      total,
      errorRatio: `(${bad} or vector(0)) / ${total}`,
    };
  }
  if (options.latencyThresholdMs === undefined) {
    throw new Error('a latency SLI needs its threshold in milliseconds');
  }
  const le = bucketBound(options.latencyThresholdMs, options.prometheusMajor);
  const good = `sum(rate(${metrics.histogram}_bucket{${selector},le="${le}"}[${w}]))`;
  const total = `sum(rate(${metrics.histogram}_count{${selector}}[${w}]))`;
  return { good, total, errorRatio: `1 - (${good} / ${total})` };
}
