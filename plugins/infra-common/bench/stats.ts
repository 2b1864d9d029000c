/** Timing helpers: median and p95 of repeated runs after a warm-up, in milliseconds. */
export function measure(
  runs: number,
  fn: () => unknown,
  warmup = Math.min(5, runs),
): { median: number; p95: number; min: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)],
    min: times[0],
    runs,
  };
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
