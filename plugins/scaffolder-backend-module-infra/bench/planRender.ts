/*
 * Benchmark: plan + render of a three-environment design with four SLOs, in process
 * (target: under 50 ms median, docs/benchmarks.md). Run from the package directory:
 *   yarn bench            (or: node -r @backstage/cli/config/nodeTransform.cjs bench/planRender.ts)
 * Options: RUNS=500 WARMUP=50 (environment variables).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import yaml from 'yaml';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { renderRepository } from '../src/render';

const RUNS = Number(process.env.RUNS ?? 300);
const WARMUP = Number(process.env.WARMUP ?? 50);
const TARGET_MS = 50;

const answersFile = path.resolve(
  __dirname,
  '../../../examples/answers/aws-pci-eu.yaml',
);
const base = yaml.parse(fs.readFileSync(answersFile, 'utf8'));
// aws-pci-eu has one production environment, hence two SLOs (availability, latency).
// A second production environment (a canary) keeps three environments and gives four SLOs.
const answers = {
  ...base,
  environments: [
    { name: 'dev', stage: 'development' },
    { name: 'prod', stage: 'production' },
    { name: 'prod-canary', stage: 'production' },
  ],
};

function planAndRender() {
  const parsed = parseAnswers(answers);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { design } = planDesign(parsed.answers, { defaults: parsed.defaults });
  return { design, files: renderRepository(design) };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
  const model =
    /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ??
    os.cpus()[0]?.model ??
    'unknown';
  const memKb = Number(/^MemTotal:\s*(\d+) kB$/m.exec(meminfo)?.[1] ?? 0);
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    model,
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    node: process.version,
  };
}

function main() {
  const first = planAndRender();
  const { design, files } = first;
  if (design.environments.length !== 3 || design.slos.length !== 4) {
    throw new Error(
      `expected 3 environments and 4 SLOs, got ${design.environments.length} and ${design.slos.length}`,
    );
  }
  const bytes = files.reduce((sum, f) => sum + f.content.length, 0);
  const terraformFiles = files.filter(f =>
    f.path.startsWith('terraform/'),
  ).length;
  if (terraformFiles === 0)
    throw new Error('renderRepository rendered no Terraform');

  for (let i = 0; i < WARMUP; i++) planAndRender();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    planAndRender();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    workload: {
      answers:
        'examples/answers/aws-pci-eu.yaml with environments dev, prod, prod-canary',
      environments: design.environments.length,
      slos: design.slos.length,
      files: files.length,
      terraformFiles,
      kilobytes: Number((bytes / 1024).toFixed(1)),
    },
    runs: RUNS,
    warmup: WARMUP,
    ms: {
      min: Number(times[0].toFixed(2)),
      median: Number(median.toFixed(2)),
      p95: Number(quantile(times, 0.95).toFixed(2)),
      max: Number(times[times.length - 1].toFixed(2)),
    },
    targetMedianMs: TARGET_MS,
    pass: median < TARGET_MS,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!result.pass) process.exitCode = 1;
}

main();
