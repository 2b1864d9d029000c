/*
 * Starts the machine's real Prometheus (Debian's `prometheus` package) for integration tests,
 * with history already in its TSDB: the samples are written as OpenMetrics text, turned into
 * blocks by `promtool tsdb create-blocks-from openmetrics`, and Prometheus starts on that
 * data directory, on a free loopback port, evaluating the given rule files. No scrape targets:
 * everything it knows comes from the backfilled blocks and its own rule evaluations.
 */
import { ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './backend';
import { moveBlocks, recordRulesByQuery } from './ruleBackfill';

const run = promisify(execFile);

/** One series and its samples; timestamps in milliseconds since the epoch. */
export interface BackfillSeries {
  metric: string;
  labels: Record<string, string>;
  samples: Array<[timestampMs: number, value: number]>;
}

export interface StartPrometheusOptions {
  /** Rule files by file name (YAML text), evaluated from start-up on. */
  ruleFiles?: Record<string, string>;
  /** History to backfill before start-up. */
  series?: BackfillSeries[];
  /** Rule evaluation interval; `5s` by default so that tests wait little. */
  evaluationInterval?: string;
  /** How long to wait for readiness; 60 s by default. */
  timeoutMs?: number;
  /**
   * Work in this directory (emptied first, kept after stop) instead of a temporary
   * one that stop deletes: `make start`'s demo keeps its data in a git-ignored folder.
   */
  directory?: string;
  /** Listen on this loopback port instead of a free one. */
  port?: number;
  /** Scrape targets (`host:port`, `/metrics`) with the labels each target's series get. */
  scrapeTargets?: Array<{
    job: string;
    target: string;
    labels?: Record<string, string>;
  }>;
  /**
   * Recording rules to give a past before start-up, in order: each stage's rules are
   * evaluated over its range against the history so far (ruleBackfill.ts).
   */
  recordRules?: Array<{
    rules: string;
    start: Date;
    end: Date;
    evalIntervalSeconds: number;
  }>;
}

export interface PrometheusAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  value: string;
}

export interface PrometheusSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface RunningPrometheus {
  baseUrl: string;
  /** An instant query through `/api/v1/query` at the server's current time. */
  query(expr: string): Promise<PrometheusSample[]>;
  /** `/api/v1/alerts`: every alert pending or firing now. */
  alerts(): Promise<PrometheusAlert[]>;
  /** `/api/v1/rules`: the rule groups as Prometheus reports them (health, lastError). */
  rules(): Promise<any[]>;
  /** Resolves once every rule group has been evaluated at least `times` times since now. */
  waitForEvaluations(times?: number): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

/** True when both `prometheus` and `promtool` run here. */
export function hasPrometheus(): boolean {
  return ['prometheus', 'promtool'].every(
    tool => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0,
  );
}

/**
 * For suites that need Prometheus: under CI=true its absence is a failure, elsewhere the
 * suite is skipped with a visible message.
 */
export function prometheusUnavailable(suite: string): boolean {
  if (hasPrometheus()) return false;
  const message = `${suite}: prometheus/promtool not found (apt-get install prometheus)`;
  if (process.env.CI === 'true') throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED ${message}`);
  return true;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** An OpenMetrics label value: `\`, `"` and newlines escaped. */
function labelValue(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
}

/**
 * The series as an OpenMetrics exposition that promtool backfills: one metric family per
 * name (untyped, so no suffix rules apply), samples in time order within each series,
 * timestamps in seconds, closed by `# EOF`.
 */
export function toOpenMetrics(series: BackfillSeries[]): string {
  const byMetric = new Map<string, BackfillSeries[]>();
  for (const s of series) {
    if (!METRIC_NAME.test(s.metric)) {
      throw new Error(`'${s.metric}' is not a valid metric name`);
    }
    byMetric.set(s.metric, [...(byMetric.get(s.metric) ?? []), s]);
  }
  const lines: string[] = [];
  for (const [metric, members] of byMetric) {
    lines.push(`# TYPE ${metric} unknown`);
    for (const s of members) {
      const labels = Object.entries(s.labels)
        .map(([name, value]) => {
          if (!LABEL_NAME.test(name)) {
            throw new Error(`'${name}' is not a valid label name`);
          }
          return `${name}=${labelValue(value)}`;
        })
        .join(',');
      const head = labels ? `${metric}{${labels}}` : metric;
      const samples = [...s.samples].sort((a, b) => a[0] - b[0]);
      for (const [ts, value] of samples) {
        lines.push(`${head} ${value} ${ts / 1000}`);
      }
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the series as OpenMetrics to `input` and turns them into TSDB blocks in `out`
 * (`promtool tsdb create-blocks-from openmetrics`).
 */
export async function backfillOpenMetrics(
  series: BackfillSeries[],
  input: string,
  out: string,
): Promise<void> {
  await writeFile(input, toOpenMetrics(series));
  // Blocks of up to 3 days keep the count small for multi-day histories.
  await run(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=72h',
      input,
      out,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Starts Prometheus, or returns undefined when it is not installed. */
export async function startPrometheus(
  options: StartPrometheusOptions = {},
): Promise<RunningPrometheus | undefined> {
  if (!hasPrometheus()) return undefined;
  const dir =
    options.directory ?? (await mkdtemp(join(tmpdir(), 'plinth-prometheus-')));
  if (options.directory) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  const data = join(dir, 'data');
  const ruleFiles = options.ruleFiles ?? {};
  for (const [name, text] of Object.entries(ruleFiles)) {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`bad rule file name ${name}`);
    await writeFile(join(dir, name), text);
  }
  if (options.series?.length) {
    await backfillOpenMetrics(
      options.series,
      join(dir, 'backfill.om.txt'),
      data,
    );
  }
  const interval = options.evaluationInterval ?? '5s';
  const writeConfig = (live: boolean) =>
    writeFile(
      join(dir, 'prometheus.yml'),
      `${JSON.stringify({
        global: { evaluation_interval: interval, scrape_interval: interval },
        rule_files: live ? Object.keys(ruleFiles) : [],
        scrape_configs: live
          ? (options.scrapeTargets ?? []).map(t => ({
              job_name: t.job,
              static_configs: [{ targets: [t.target], labels: t.labels ?? {} }],
            }))
          : [],
      })}\n`,
    );
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess | undefined;

  const halt = async () => {
    if (!child || child.exitCode !== null) return;
    const running = child;
    const exited = new Promise(resolve => running.once('exit', resolve));
    running.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      exited,
      new Promise(resolve => {
        timer = setTimeout(resolve, 10_000);
      }),
    ]);
    clearTimeout(timer);
    if (running.exitCode === null) running.kill('SIGKILL');
  };
  const stop = async () => {
    await halt();
    if (!options.directory) await rm(dir, { recursive: true, force: true });
  };

  const launch = async () => {
    const started = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${data}`,
        // Backfilled history may reach weeks back; keep all of it.
        '--storage.tsdb.retention.time=400d',
        `--web.listen-address=127.0.0.1:${port}`,
        '--web.enable-lifecycle',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    started.stdout?.on('data', chunk => (output += chunk));
    started.stderr?.on('data', chunk => (output += chunk));
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      if (started.exitCode !== null) {
        await stop();
        throw new Error(`prometheus exited early:\n${output}`);
      }
      const ready = await fetch(`${baseUrl}/-/ready`).then(
        r => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`prometheus did not get ready:\n${output}`);
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  };

  if (options.recordRules?.length) {
    // Without rules or targets while the past is recorded: nothing is written at "now".
    await writeConfig(false);
    await launch();
    for (const stage of options.recordRules) {
      await recordRulesByQuery({
        baseUrl,
        dir,
        ...stage,
        load: async blocks => {
          await halt();
          await moveBlocks(blocks, data);
          await launch();
        },
      });
    }
    await halt();
  }
  await writeConfig(true);
  await launch();

  const api = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    const body = (await response.json()) as any;
    if (body.status !== 'success') {
      throw new Error(`${path}: ${body.errorType} ${body.error}`);
    }
    return body.data;
  };

  const rules = async () => (await api('/api/v1/rules')).groups as any[];
  return {
    baseUrl,
    async query(expr) {
      const found = await api(
        `/api/v1/query?query=${encodeURIComponent(expr)}`,
      );
      return found.result as PrometheusSample[];
    },
    async alerts() {
      return (await api('/api/v1/alerts')).alerts as PrometheusAlert[];
    },
    rules,
    async waitForEvaluations(times = 1) {
      const since = Date.now();
      const intervalMs = 1000 * Number(/^(\d+)s$/.exec(interval)?.[1] ?? 60);
      const until = since + (options.timeoutMs ?? 60_000) + times * intervalMs;
      for (;;) {
        const groups = await rules();
        const evaluated = groups.every(
          g =>
            Date.parse(g.lastEvaluation) >= since + (times - 1) * intervalMs &&
            g.lastEvaluation !== '0001-01-01T00:00:00Z',
        );
        if (groups.length > 0 && evaluated) return;
        if (Date.now() > until) {
          throw new Error(
            `rule groups not evaluated ${times} times:\n${output}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    },
    logs: () => output,
    stop,
  };
}
