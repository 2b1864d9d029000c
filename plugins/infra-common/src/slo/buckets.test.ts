import { bucketLabel, DEFAULT_LATENCY_BUCKETS_MS } from './buckets';
import { latencyThresholdProblem } from './latencyThreshold';

describe('bucketLabel', () => {
  it('writes the client defaults as client_golang does for Prometheus 2', () => {
    expect(DEFAULT_LATENCY_BUCKETS_MS.map(b => bucketLabel(b, 2))).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.1',
      '0.25',
      '0.5',
      '1',
      '2.5',
      '5',
      '10',
    ]);
  });

  it('writes them as Prometheus 3 normalises them: whole numbers get .0', () => {
    expect(DEFAULT_LATENCY_BUCKETS_MS.map(b => bucketLabel(b, 3))).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.1',
      '0.25',
      '0.5',
      '1.0',
      '2.5',
      '5.0',
      '10.0',
    ]);
  });

  it('uses Go exponent notation for tiny bounds and keeps it under Prometheus 3', () => {
    expect(bucketLabel(0.05, 2)).toBe('5e-05');
    expect(bucketLabel(0.05, 3)).toBe('5e-05');
    expect(bucketLabel(600_000, 3)).toBe('600.0');
  });
});

describe('latencyThresholdProblem', () => {
  it('accepts a bucket and names the allowed values otherwise', () => {
    expect(
      latencyThresholdProblem(250, DEFAULT_LATENCY_BUCKETS_MS),
    ).toBeUndefined();
    expect(latencyThresholdProblem(300, DEFAULT_LATENCY_BUCKETS_MS)).toMatch(
      /300 ms is not a bucket.*5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000 ms/,
    );
  });
});
