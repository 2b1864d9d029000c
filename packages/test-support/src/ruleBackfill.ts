/*
 * Recording rules with a past. `recordRules` runs `promtool tsdb create-blocks-from
 * rules`, which evaluates rules against a running Prometheus over a range and writes the
 * results as blocks; it writes a block per rule and per two hours, so weeks of history
 * take it many minutes. `recordRulesByQuery` evaluates the same rule expressions with
 * Prometheus's own engine through `/api/v1/query_range` (what promtool does), labels the
 * results as a rule evaluation would, and backfills them in one
 * `create-blocks-from openmetrics` pass. Neither can read a rule's output in the pass
 * that records it, so the rules are split into dependency levels and each level is
 * loaded before the next is evaluated.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { backfillOpenMetrics, type BackfillSeries } from './prometheus';

const run = promisify(execFile);

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<{
    record?: string;
    alert?: string;
    expr: string;
    labels?: Record<string, string>;
  }>;
}

/** Splits recording rules into levels: a rule is one level above the records it reads. */
export function ruleLevels(groups: RuleGroup[]): RuleGroup[][] {
  const records = new Map<string, { group: string; expr: string }[]>();
  for (const g of groups) {
    for (const r of g.rules) {
      if (r.record) {
        records.set(r.record, [
          ...(records.get(r.record) ?? []),
          { group: g.name, expr: r.expr },
        ]);
      }
    }
  }
  const reads = (expr: string) =>
    [...records.keys()].filter(name =>
      new RegExp(
        `(^|[^a-zA-Z0-9_:])${name.replace(
          /[.*+?^${}()|[\]\\]/g,
          '\\$&',
        )}([^a-zA-Z0-9_:]|$)`,
      ).test(expr),
    );
  const level = new Map<string, number>();
  const levelOf = (name: string, seen: Set<string>): number => {
    if (level.has(name)) return level.get(name)!;
    if (seen.has(name))
      throw new Error(`recording rules depend on each other: ${name}`);
    seen.add(name);
    const deps = records
      .get(name)!
      .flatMap(r => reads(r.expr))
      .filter(d => d !== name);
    const value = deps.length
      ? 1 + Math.max(...deps.map(d => levelOf(d, seen)))
      : 0;
    level.set(name, value);
    return value;
  };
  const levels: RuleGroup[][] = [];
  for (const g of groups) {
    for (const r of g.rules) {
      if (!r.record) continue;
      const n = levelOf(r.record, new Set());
      levels[n] ??= [];
      let group = levels[n].find(x => x.name === g.name);
      if (!group) {
        group = { name: g.name, interval: g.interval, rules: [] };
        levels[n].push(group);
      }
      group.rules.push(r);
    }
  }
  return levels.filter(Boolean);
}

/** Moves the blocks promtool wrote in `from` into a TSDB data directory. */
export async function moveBlocks(from: string, data: string): Promise<void> {
  await mkdir(data, { recursive: true });
  for (const block of await readdir(from)) {
    await rename(join(from, block), join(data, block));
  }
}

/** What a rule backfill reads, and how it hands over each level's blocks. */
export interface RecordRulesOptions {
  baseUrl: string;
  /** A working directory for the rule files and blocks of each pass. */
  dir: string;
  rules: string;
  start: Date;
  end: Date;
  evalIntervalSeconds: number;
  load(blocks: string): Promise<void>;
}

/**
 * Evaluates the recording rules of `rules` (a rule file's YAML) over [start, end] with
 * promtool, level by level; `load` gets each level's block directory and must make
 * Prometheus serve those blocks (a restart) before the next level is evaluated.
 */
export async function recordRules(options: RecordRulesOptions): Promise<void> {
  const levels = ruleLevels(
    (parse(options.rules) as { groups: RuleGroup[] }).groups,
  );
  const stamp = Date.now();
  for (const [i, groups] of levels.entries()) {
    // One file name for every pass: Prometheus derives each group's evaluation
    // offset from its name and file, so every level is evaluated at the same instants.
    const file = join(options.dir, 'backfill.yaml');
    const out = join(options.dir, `backfill-${stamp}-${i}`);
    await writeFile(file, stringify({ groups }));
    await run(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'rules',
        `--url=${options.baseUrl}`,
        `--start=${Math.floor(options.start.getTime() / 1000)}`,
        `--end=${Math.floor(options.end.getTime() / 1000)}`,
        `--eval-interval=${options.evalIntervalSeconds}s`,
        `--output-dir=${out}`,
        file,
      ],
      { cwd: options.dir, maxBuffer: 16 * 1024 * 1024 },
    );
    await options.load(out);
  }
}

/** Prometheus refuses a range query of more than 11,000 points. */
const MAX_POINTS = 10_000;

/**
 * Like `recordRules`, but each level is one `query_range` per rule (in chunks of at most
 * 10,000 steps) at timestamps aligned to the interval, and one OpenMetrics backfill.
 */
export async function recordRulesByQuery(
  options: RecordRulesOptions,
): Promise<void> {
  const step = options.evalIntervalSeconds;
  const first = Math.ceil(options.start.getTime() / 1000 / step) * step;
  const last = Math.floor(options.end.getTime() / 1000 / step) * step;
  const levels = ruleLevels(
    (parse(options.rules) as { groups: RuleGroup[] }).groups,
  );
  const stamp = Date.now();
  for (const [i, groups] of levels.entries()) {
    const series = new Map<string, BackfillSeries>();
    for (const rule of groups.flatMap(g => g.rules)) {
      for (let from = first; from <= last; from += MAX_POINTS * step) {
        const to = Math.min(last, from + (MAX_POINTS - 1) * step);
        const params = new URLSearchParams({
          query: rule.expr,
          start: String(from),
          end: String(to),
          step: String(step),
        });
        const response = await fetch(`${options.baseUrl}/api/v1/query_range`, {
          method: 'POST',
          body: params,
        });
        const body = (await response.json()) as any;
        if (body.status !== 'success') {
          throw new Error(
            `${rule.record}: ${body.errorType} ${body.error} (${rule.expr})`,
          );
        }
        for (const result of body.data.result as Array<{
          metric: Record<string, string>;
          values: Array<[number, string]>;
        }>) {
          // A rule evaluation's labels: the result's, the rule's on top, the record's name.
          const { __name__: _, ...labels } = result.metric;
          Object.assign(labels, rule.labels ?? {});
          const key = JSON.stringify([rule.record, labels]);
          const found = series.get(key) ?? {
            metric: rule.record!,
            labels,
            samples: [],
          };
          for (const [t, v] of result.values) {
            found.samples.push([Math.round(t * 1000), Number(v)]);
          }
          series.set(key, found);
        }
      }
    }
    const out = join(options.dir, `backfill-${stamp}-${i}`);
    await backfillOpenMetrics(
      [...series.values()],
      join(options.dir, `backfill-${stamp}-${i}.om.txt`),
      out,
    );
    await options.load(out);
  }
}
