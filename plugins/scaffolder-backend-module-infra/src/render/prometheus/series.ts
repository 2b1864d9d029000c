import type { WorkloadType } from '@plinth/backstage-plugin-infra-common';

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

export const FAMILIES: Record<WorkloadType, Family> = {
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
