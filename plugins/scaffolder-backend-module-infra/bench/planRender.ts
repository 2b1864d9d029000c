/*
 * Benchmark: plan + render of a three-environment design with four SLOs, in process
 * (target: under 50 ms median, docs/benchmarks.md). Run from the package directory:
 *   yarn bench            (or: node -r @backstage/cli/config/nodeTransform.cjs bench/planRender.ts)
 * Options: RUNS=500 WARMUP=50 (environment variables).
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { benchRuns, machine, measure, roundedMs } from '@plinth/test-support';
import { renderRepository } from '../src/render';

const { runs: RUNS, warmup: WARMUP } = benchRuns({ runs: 300, warmup: 50 });
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

  const timing = measure(RUNS, planAndRender, WARMUP);
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
    ms: roundedMs(timing, 2),
    targetMedianMs: TARGET_MS,
    pass: timing.median < TARGET_MS,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!result.pass) process.exitCode = 1;
}

main();
