/*
 * The benchmarks' timing loop: warm-up runs, then timed runs, reported as quantiles of the
 * sorted times (nearest rank) in milliseconds, with the machine they ran on.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  /** Every timed run, ascending. */
  times: number[];
}

/** The `q` quantile (0 to 1) of ascending times, by nearest rank. */
export function quantile(sorted: number[], q: number): number {
  const index = Math.max(0, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.min(sorted.length - 1, index)];
}

function timing(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return {
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    min: times[0],
    max: times[times.length - 1],
    runs: times.length,
    times,
  };
}

/** Times a synchronous `fn` `runs` times after `warmup` untimed runs. */
export function measure(
  runs: number,
  fn: () => unknown,
  warmup = Math.min(5, runs),
): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return timing(times);
}

/** The same for an asynchronous `fn`, each run awaited before the next. */
export async function measureAsync(
  runs: number,
  fn: () => Promise<unknown>,
  warmup = Math.min(5, runs),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return timing(times);
}

/** A whole number from the environment variable `name` (RUNS, WARMUP), else `fallback`. */
export function runsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not ${process.env[name]}`);
  return value;
}

/** `RUNS` and `WARMUP` from the environment, else the benchmark's own defaults. */
export function benchRuns(defaults: { runs: number; warmup: number }): {
  runs: number;
  warmup: number;
} {
  return {
    runs: runsFromEnv('RUNS', defaults.runs),
    warmup: runsFromEnv('WARMUP', defaults.warmup),
  };
}

/** A timing as the JSON reports give it: min, median, p95 and max in ms, rounded. */
export function roundedMs(t: Timing, digits: number) {
  const round = (ms: number) => Number(ms.toFixed(digits));
  return {
    min: round(t.min),
    median: round(t.median),
    p95: round(t.p95),
    max: round(t.max),
  };
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;

/** The machine a benchmark ran on: CPUs, CPU model, memory, Node version and load. */
export function machine() {
  const read = (file: string) =>
    fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const model =
    /^model name\s*:\s*(.+)$/m.exec(read('/proc/cpuinfo'))?.[1] ??
    os.cpus()[0]?.model ??
    'unknown';
  const memKb = Number(
    /^MemTotal:\s*(\d+) kB$/m.exec(read('/proc/meminfo'))?.[1] ?? 0,
  );
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    model,
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    node: process.version,
    loadavg: os.loadavg().map(l => Number(l.toFixed(2))),
  };
}

/** The 1, 5 and 15 minute load averages as the text reports print them: `0.52 1.03 0.98`. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
}

/** The machine in one line: `2 CPUs (nproc), <model>, 7.8 GiB memory, Node v22.x`. */
export function describeMachine(): string {
  const { nproc, model, memory, node } = machine();
  return `${nproc} CPUs (nproc), ${model}, ${memory} memory, Node ${node}`;
}
