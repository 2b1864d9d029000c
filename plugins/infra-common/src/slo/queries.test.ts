import { bucketBound, sliQueries } from './queries';

describe('sliQueries', () => {
  it('builds an availability SLI from HTTP request counters', () => {
    const q = sliQueries({
      workloadType: 'http-api',
      kind: 'availability',
      service: 'payments-api',
      environment: 'prod',
    });
    expect(q.total).toBe(
      'sum(rate(http_requests_total{service="payments-api",environment="prod"}[{{.window}}]))',
    );
    expect(q.errorRatio).toContain('code=~"5.."');
  });

  it('builds a latency SLI from the histogram bucket at the threshold', () => {
    const q = sliQueries({
      workloadType: 'http-api',
      kind: 'latency',
      service: 'api',
      environment: 'prod',
      latencyThresholdMs: 250,
    });
    expect(q.good).toContain(
      'http_request_duration_seconds_bucket{service="api",environment="prod",le="0.25"}',
    );
    expect(q.total).toContain('http_request_duration_seconds_count');
  });

  it('uses job counters for workers and message counters for stream processors', () => {
    expect(
      sliQueries({
        workloadType: 'worker',
        kind: 'availability',
        service: 'w',
        environment: 'p',
      }).errorRatio,
    ).toContain('jobs_processed_total');
    expect(
      sliQueries({
        workloadType: 'stream-processor',
        kind: 'availability',
        service: 's',
        environment: 'p',
      }).errorRatio,
    ).toContain('messages_processed_total');
  });

  it('refuses label values that could break out of the selector', () => {
    expect(() =>
      sliQueries({
        workloadType: 'http-api',
        kind: 'availability',
        service: 'x"}) or vector(1',
        environment: 'p',
      }),
    ).toThrow(/label value/);
  });

  it('formats bucket bounds in seconds as the target Prometheus major stores them', () => {
    expect(bucketBound(250, 2)).toBe('0.25');
    expect(bucketBound(250, 3)).toBe('0.25');
    expect(bucketBound(1000, 2)).toBe('1');
    expect(bucketBound(1000, 3)).toBe('1.0');
    expect(bucketBound(10000, 3)).toBe('10.0');
    expect(bucketBound(1000)).toBe('1.0');
  });

  it('writes a concrete window when asked, and refuses one that is not a duration', () => {
    const q = sliQueries({
      workloadType: 'http-api',
      kind: 'availability',
      service: 'api',
      environment: 'prod',
      window: '5m',
    });
    expect(q.errorRatio).not.toContain('{{');
    expect(q.total).toContain('[5m]');
    expect(() =>
      sliQueries({
        workloadType: 'http-api',
        kind: 'availability',
        service: 'api',
        environment: 'prod',
        window: '5m]) or vector(1',
      }),
    ).toThrow(/duration/);
  });
});
