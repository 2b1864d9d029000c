/*
 * The error-budget gate of the generated CI, run for real: the gate step's script, as
 * the generated workflow and pipeline carry it, with the env they give it, against
 * Debian's Prometheus holding backfilled remaining budgets (test-support). Exhausted
 * stops the apply with the message, budget left lets it through, the override lets it
 * through, an unreachable Prometheus stops it (fail closed, ADR 1402).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseAnswers,
  planDesign,
  type Design,
} from '@plinth/backstage-plugin-infra-common';
import {
  freePort,
  hasPrometheus,
  repoRoot,
  requireOrSkip,
  startPrometheus,
  type RunningPrometheus,
} from '@plinth/test-support';
import yaml from 'yaml';
import { validateWorkflow } from '../../__testUtils__/workflow';
import { renderCi } from '.';

function designOf(file: string): Design {
  const parsed = parseAnswers(
    yaml.parse(readFileSync(join(repoRoot, 'examples/answers', file), 'utf8')),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

function workflowOf(design: Design) {
  const text = renderCi(design).find(
    f => f.path === '.github/workflows/infrastructure.yaml',
  )!.content;
  return { text, workflow: yaml.parse(text) };
}

function gateStep(design: Design) {
  const { workflow } = workflowOf(design);
  const steps: any[] = workflow.jobs['apply-prod'].steps;
  return {
    steps,
    gate: steps.find(s => s.name === 'Error budget gate'),
  };
}

/** Runs the gate's script under a POSIX shell with the step's fixed env and `env`. */
function runGate(step: any, env: Record<string, string>) {
  const fixed = Object.fromEntries(
    Object.entries<string>(step.env).filter(([, v]) => !v.includes('${{')),
  );
  return spawnSync('sh', ['-c', step.run], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      ENVIRONMENT_NAME: 'prod',
      ...fixed,
      ...env,
    },
  });
}

const payments = designOf('aws-pci-eu.yaml');
const records = designOf('azure-hipaa-9999.yaml');

describe('the generated error-budget gate', () => {
  it('guards the production apply only, before any cloud login, and the workflow still parses', async () => {
    const { text, workflow } = workflowOf(payments);
    await expect(validateWorkflow(text)).resolves.toEqual([]);
    const { steps, gate } = gateStep(payments);
    expect(gate.env.BUDGET_QUERY).toBe(
      'slo:period_error_budget_remaining:ratio{sloth_service="payments-api",environment="prod"}',
    );
    expect(gate.env.PROMETHEUS_URL).toBe(
      "${{ vars[format('PROMETHEUS_URL_{0}', env.VARS_SUFFIX)] }}",
    );
    expect(steps.indexOf(gate)).toBeLessThan(
      steps.findIndex(s => /Log in/.test(s.name ?? '')),
    );
    for (const env of ['dev', 'staging']) {
      expect(
        workflow.jobs[`apply-${env}`].steps.map((s: any) => s.name),
      ).not.toContain('Error budget gate');
    }
    expect(
      workflow.on.workflow_dispatch.inputs.override_error_budget,
    ).toMatchObject({ type: 'boolean', default: false });
  });

  it('runs in the GitLab pipeline as a job the production apply needs', () => {
    const design = designOf('gcp-internal-batch.yaml');
    const file = renderCi(design).find(f => f.path === '.gitlab-ci.yml')!;
    const jobs = yaml.parse(file.content);
    expect(jobs.stages).toEqual(['check', 'plan', 'gate', 'apply']);
    expect(jobs['budget-gate-prod'].variables.BUDGET_QUERY).toBe(
      'slo:period_error_budget_remaining:ratio{sloth_service="ledger-batch",environment="prod"}',
    );
    expect(jobs['apply-prod'].needs).toContainEqual({
      job: 'budget-gate-prod',
      artifacts: false,
    });
    expect(jobs['budget-gate-dev']).toBeUndefined();
  });
});

const runnable = requireOrSkip(
  'prometheus and promtool (Debian package prometheus)',
  hasPrometheus(),
);

(runnable ? describe : describe.skip)(
  'the gate against a real Prometheus',
  () => {
    let prometheus: RunningPrometheus;
    const minute = 60_000;

    beforeAll(async () => {
      const end = Math.floor(Date.now() / minute) * minute;
      const budget = (service: string, slo: string, value: number) => ({
        metric: 'slo:period_error_budget_remaining:ratio',
        labels: {
          sloth_id: `${service}-${slo}`,
          sloth_service: service,
          sloth_slo: slo,
          environment: 'prod',
        },
        samples: [0, 1, 2].map(
          k => [end - k * minute, value] as [number, number],
        ),
      });
      prometheus = (await startPrometheus({
        series: [
          // payments-api spent its availability budget; its latency is fine
          budget('payments-api', 'availability', -0.2),
          budget('payments-api', 'latency', 0.5),
          budget('records-api', 'availability', 0.3),
          budget('records-api', 'latency', 0.01),
        ],
      }))!;
    }, 120_000);

    afterAll(() => prometheus?.stop());

    it('stops the apply when a budget is exhausted, and says which and how to override', () => {
      const { gate } = gateStep(payments);
      const run = runGate(gate, { PROMETHEUS_URL: prometheus.baseUrl });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        '::error::Error budget gate: the error budget of prod is exhausted (payments-api-availability)',
      );
      expect(run.stdout).toContain('override_error_budget');
      expect(run.stdout).toContain('payments-api-availability -20% left');
      expect(run.stdout).toContain('payments-api-latency 50% left');
    });

    it('lets the apply through with budget left', () => {
      const { gate } = gateStep(records);
      const run = runGate(gate, { PROMETHEUS_URL: `${prometheus.baseUrl}/` });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('records-api-latency 1% left');
    });

    it('lets the apply through when overridden, and says so', () => {
      const { gate } = gateStep(payments);
      const run = runGate(gate, {
        PROMETHEUS_URL: prometheus.baseUrl,
        OVERRIDE_ERROR_BUDGET: 'true',
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('OVERRIDDEN for prod');
    });

    it('passes with a warning when no SLO of the service has data yet', () => {
      const { gate } = gateStep(designOf('gcp-fraud-scoring-eu.yaml'));
      const run = runGate(gate, { PROMETHEUS_URL: prometheus.baseUrl });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('no data for');
    });

    it('fails closed when Prometheus is unreachable or not configured', async () => {
      const { gate } = gateStep(records);
      const down = runGate(gate, {
        PROMETHEUS_URL: `http://127.0.0.1:${await freePort()}`,
      });
      expect(down.status).toBe(1);
      expect(down.stdout).toContain('did not answer');
      expect(down.stdout).toContain('fail closed');
      const unset = runGate(gate, { PROMETHEUS_URL: '' });
      expect(unset.status).toBe(1);
      expect(unset.stdout).toContain('no Prometheus URL');
      // turned off on purpose: no question asked
      const off = runGate(gate, {
        PROMETHEUS_URL: '',
        ERROR_BUDGET_GATE: 'off',
      });
      expect(off.status).toBe(0);
    });
  },
);
