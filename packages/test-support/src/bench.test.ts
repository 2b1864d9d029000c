import {
  benchRuns,
  measure,
  measureAsync,
  quantile,
  roundedMs,
  runsFromEnv,
} from './bench';

describe('the benchmarks timing loop', () => {
  it('takes quantiles by nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 0.5)).toBe(5);
    expect(quantile(sorted, 0.95)).toBe(10);
    expect(quantile(sorted, 1)).toBe(10);
  });

  it('runs the warm-up untimed, then times every run', async () => {
    let calls = 0;
    const timing = measure(7, () => calls++, 3);
    expect(calls).toBe(10);
    expect(timing.runs).toBe(7);
    expect(timing.times).toHaveLength(7);
    expect(timing.min).toBeLessThanOrEqual(timing.median);
    expect(timing.median).toBeLessThanOrEqual(timing.p95);
    expect(timing.p95).toBeLessThanOrEqual(timing.max);

    let awaited = 0;
    await measureAsync(
      2,
      async () => {
        await new Promise(resolve => setTimeout(resolve, 1));
        awaited++;
      },
      1,
    );
    expect(awaited).toBe(3);
  });

  it('reads whole run counts from the environment and refuses others', () => {
    process.env.PLINTH_BENCH_TEST_RUNS = '12';
    expect(runsFromEnv('PLINTH_BENCH_TEST_RUNS', 3)).toBe(12);
    process.env.PLINTH_BENCH_TEST_RUNS = 'many';
    expect(() => runsFromEnv('PLINTH_BENCH_TEST_RUNS', 3)).toThrow(
      /whole number/,
    );
    delete process.env.PLINTH_BENCH_TEST_RUNS;
    expect(runsFromEnv('PLINTH_BENCH_TEST_RUNS', 3)).toBe(3);
  });

  it('reads RUNS and WARMUP together, each defaulting on its own', () => {
    process.env.WARMUP = '0';
    expect(benchRuns({ runs: 31, warmup: 3 })).toEqual({ runs: 31, warmup: 0 });
    delete process.env.WARMUP;
  });

  it('rounds a timing for the JSON reports', () => {
    const timing = measure(1, () => {}, 0);
    const rounded = roundedMs(
      { ...timing, min: 1.234, median: 2.345, p95: 3.456, max: 4.567 },
      1,
    );
    expect(rounded).toEqual({ min: 1.2, median: 2.3, p95: 3.5, max: 4.6 });
  });
});
