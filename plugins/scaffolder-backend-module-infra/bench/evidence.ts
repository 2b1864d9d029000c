/* eslint-disable no-console */
/*
 * Benchmark: code evidence for one generated repository from text (issue 15, target: at
 * most 40 ms median): every environment root of the aws-pci-eu repository read with the
 * evidence rules (`collectEnvironmentEvidence`), applied to the declared controls and
 * evaluated (`evaluateCompliance`). For comparison, a few runs of HashiCorp's parser
 * (hcl2json) over the same files, which the reader replaces (ADR 1501).
 * Options: RUNS=200 WARMUP=20 HCL2JSON_RUNS=5.
 */
import { parse } from '@cdktf/hcl2json';
import {
  collectEnvironmentEvidence,
  evaluateCompliance,
  withCodeEvidence,
} from '@plinth/backstage-plugin-infra-common';
import {
  benchRuns,
  describeMachine,
  loadAverage,
  measure,
  measureAsync,
  runsFromEnv,
} from '@plinth/test-support';
import { exampleRepository } from '../src/__testUtils__/exampleRepositories';

const { runs: RUNS, warmup: WARMUP } = benchRuns({ runs: 200, warmup: 20 });
const HCL2JSON_RUNS = runsFromEnv('HCL2JSON_RUNS', 5);
const TARGET_MS = 40;

const { design, files: rendered } = exampleRepository('aws-pci-eu.yaml');
const files = rendered
  .filter(f => /\.(tf|tfvars)$/.test(f.path))
  .map(f => ({ path: f.path, text: f.content }));
const source = { location: 'file:bench', readAt: new Date().toISOString() };

function evaluateRepository() {
  const environments = design.environments.map(env =>
    withCodeEvidence(
      { name: env.name, stage: env.stage, controls: env.controls },
      collectEnvironmentEvidence(files, `terraform/envs/${env.name}`),
      source,
    ),
  );
  return evaluateCompliance(['pci-dss', 'soc2'], environments);
}

async function main() {
  const report = evaluateRepository();
  const codeChecked = report.frameworks
    .flatMap(f => f.controls)
    .filter(c => c.evidence.some(e => e.source === 'code')).length;
  if (codeChecked === 0) throw new Error('no control was checked in code');
  const { median, p95, min } = measure(RUNS, evaluateRepository, WARMUP);
  const hcl = await measureAsync(
    HCL2JSON_RUNS,
    async () => {
      for (const f of files) await parse(f.path, f.text);
    },
    0,
  );
  const bytes = files.reduce((s, f) => s + f.text.length, 0);
  console.log(`date: ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}, load ${loadAverage()}`);
  console.log(
    `code evidence of one repository (${files.length} .tf/.tfvars files, ${(
      bytes / 1024
    ).toFixed(0)} KiB, ${
      design.environments.length
    } environment roots, ${codeChecked} code-checked control results): median ${median.toFixed(
      2,
    )} ms, p95 ${p95.toFixed(2)} ms, min ${min.toFixed(
      2,
    )} ms over ${RUNS} runs; target <= ${TARGET_MS} ms median: ${
      median <= TARGET_MS ? 'met' : 'NOT met'
    }`,
  );
  console.log(
    `for comparison, hcl2json over the same files: median ${hcl.median.toFixed(
      0,
    )} ms, min ${hcl.min.toFixed(0)} ms over ${HCL2JSON_RUNS} runs`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
