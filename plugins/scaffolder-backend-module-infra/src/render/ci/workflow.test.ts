/*
 * The generated infrastructure workflow, parsed by GitHub's own parser
 * (@actions/workflow-parser) and then read as GitHub runs it: a cloud login per cloud,
 * the saved plan applied after approval, every action pinned by commit, concurrency per
 * environment, one plan comment, nothing for forks, approval enforced, drift on a schedule.
 */
import { parse as parseHcl } from '@cdktf/hcl2json';
import type { Cloud, Design } from '@plinth/backstage-plugin-infra-common';
import yaml from 'yaml';
import { validateWorkflow } from '../../__testUtils__/workflow';
import { fixtureDesign } from '../terraform/__testUtils__/designs';
import { everyTestDesign } from '../terraform/__testUtils__/testDesigns';
import { renderTerraform } from '../terraform';
import { renderCi } from '.';
import { ACTIONS } from './actions';

function render(design: Design) {
  const files = new Map(renderCi(design).map(f => [f.path, f.content]));
  const text = files.get('.github/workflows/infrastructure.yaml')!;
  return { files, text, workflow: yaml.parse(text) };
}

const LOGIN: Record<Cloud, { action: string; inputs: string[] }> = {
  aws: {
    action: 'aws-actions/configure-aws-credentials',
    inputs: ['role-to-assume', 'aws-region'],
  },
  azure: {
    action: 'azure/login',
    inputs: ['client-id', 'tenant-id', 'subscription-id'],
  },
  gcp: {
    action: 'google-github-actions/auth',
    inputs: ['workload_identity_provider', 'service_account'],
  },
};

const jobsOf = (workflow: any, prefix: string) =>
  Object.entries<any>(workflow.jobs).filter(([key]) =>
    key.startsWith(`${prefix}-`),
  );

describe.each(['aws', 'azure', 'gcp'] as Cloud[])('the %s workflow', cloud => {
  const design = fixtureDesign(cloud);
  const { files, text, workflow } = render(design);

  it('parses with @actions/workflow-parser', async () => {
    await expect(validateWorkflow(text)).resolves.toEqual([]);
  });

  it('logs in to the cloud with OIDC before every job that touches the state', () => {
    for (const prefix of ['plan', 'apply', 'drift']) {
      const jobs = jobsOf(workflow, prefix);
      expect(jobs).toHaveLength(design.environments.length);
      for (const [key, job] of jobs) {
        expect([key, job.permissions['id-token']]).toEqual([key, 'write']);
        const steps: any[] = job.steps;
        const login = steps.findIndex(s =>
          String(s.uses).startsWith(`${LOGIN[cloud].action}@`),
        );
        const init = steps.findIndex(s => s.name === 'Init');
        expect([key, login >= 0, login < init]).toEqual([key, true, true]);
        expect(Object.keys(steps[login].with)).toEqual(
          expect.arrayContaining(LOGIN[cloud].inputs),
        );
      }
    }
  });

  it('applies exactly the saved plan, never a fresh one', () => {
    for (const env of design.environments) {
      const plan = workflow.jobs[`plan-${env.name}`];
      const apply = workflow.jobs[`apply-${env.name}`];
      const upload = plan.steps.find((s: any) =>
        String(s.uses).startsWith('actions/upload-artifact@'),
      );
      const download = apply.steps.find((s: any) =>
        String(s.uses).startsWith('actions/download-artifact@'),
      );
      expect(upload.with.name).toBe(`tfplan-${env.name}`);
      expect(download.with.name).toBe(upload.with.name);
      expect(apply.needs).toContain(`plan-${env.name}`);
      const applyRun = apply.steps.map((s: any) => s.run ?? '').join('\n');
      expect(applyRun).toMatch(/apply -input=false -lock-timeout=10m tfplan$/m);
      expect(applyRun).not.toContain('-auto-approve');
      expect(applyRun).not.toMatch(/ plan /);
    }
  });

  it('pins every action by commit, with its release in a comment', () => {
    const usesLines = text.split('\n').filter(l => /^\s*(- )?uses: /.test(l));
    expect(usesLines.length).toBeGreaterThan(5);
    for (const line of usesLines) {
      expect(line).toMatch(
        /uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/,
      );
    }
    const known = Object.values(ACTIONS).map(a => `${a.repo}@${a.commit}`);
    for (const line of usesLines) {
      expect(known).toContain(/uses: (\S+)/.exec(line)![1]);
    }
  });

  it('serialises plans, applies and drift checks per environment', () => {
    for (const env of design.environments) {
      for (const prefix of ['plan', 'apply', 'drift']) {
        expect(workflow.jobs[`${prefix}-${env.name}`].concurrency).toEqual({
          group: `tfstate-${env.name}`,
          'cancel-in-progress': false,
        });
      }
    }
  });

  it('keeps one plan comment per environment, updated in place', () => {
    const [, plan] = jobsOf(workflow, 'plan')[0];
    const script = plan.steps.find((s: any) =>
      String(s.uses).startsWith('actions/github-script@'),
    ).with.script;
    expect(script).toContain('updateComment');
    expect(script).toContain('plinth-plan:');
    expect(script.indexOf('listComments')).toBeLessThan(
      script.indexOf('createComment'),
    );
  });

  it('gives pull requests from forks no plan, identity or apply', () => {
    for (const [, job] of jobsOf(workflow, 'plan')) {
      expect(job.if).toContain(
        'github.event.pull_request.head.repo.full_name == github.repository',
      );
    }
    for (const [, job] of jobsOf(workflow, 'apply')) {
      // a push to main, or a run by hand on main (the error-budget override)
      expect(job.if).toBe(
        "(github.event_name == 'push' || github.event_name == 'workflow_dispatch') && github.ref == 'refs/heads/main'",
      );
    }
  });

  it('enforces approval of production: its apply fails without required reviewers', () => {
    const prod = design.environments.find(e => e.stage === 'production')!;
    const apply = workflow.jobs[`apply-${prod.name}`];
    expect(apply.environment).toBe(prod.name);
    const check = apply.steps[0];
    expect(check.name).toBe('Require a reviewer on this environment');
    expect(check.run).toContain('required_reviewers');
    expect(check.run).toContain('exit 1');
    const dev = design.environments.find(e => e.stage === 'development')!;
    expect(workflow.jobs[`apply-${dev.name}`].steps[0].name).not.toBe(
      check.name,
    );
  });

  it('checks for drift on a schedule', () => {
    expect(workflow.on.schedule).toEqual([{ cron: expect.any(String) }]);
    for (const [, job] of jobsOf(workflow, 'drift')) {
      expect(job.if).toBe("github.event_name == 'schedule'");
      expect(job.steps.at(-1).run).toContain('-detailed-exitcode');
    }
  });

  it("writes a .tflint.hcl with the cloud's ruleset, which the lint step reads", async () => {
    const config = await parseHcl('.tflint.hcl', files.get('.tflint.hcl')!);
    const ruleset = { aws: 'aws', azure: 'azurerm', gcp: 'google' }[cloud];
    expect(config.plugin[ruleset][0]).toEqual({
      enabled: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      source: `github.com/terraform-linters/tflint-ruleset-${ruleset}`,
    });
    expect(config.plugin.terraform[0].preset).toBe('recommended');
    const lint = workflow.jobs.checks.steps.find((s: any) =>
      String(s.run).startsWith('tflint --init'),
    );
    expect(lint.run).toContain('.tflint.hcl');
  });
});

describe('the values a first plan asks for', () => {
  it.each(everyTestDesign())(
    'reach every plan and apply as TF_VAR_ (%s)',
    async (_, design) => {
      const { text } = render(design);
      const terraform = renderTerraform(design);
      const missing: string[] = [];
      for (const env of design.environments) {
        const variables = await parseHcl(
          'variables.tf',
          terraform.find(
            f => f.path === `terraform/envs/${env.name}/variables.tf`,
          )!.content,
        );
        const tfvars = await parseHcl(
          'terraform.tfvars',
          terraform.find(
            f => f.path === `terraform/envs/${env.name}/terraform.tfvars`,
          )!.content,
        );
        // Neither a default nor a value in tfvars: the workflow must pass it.
        const asked = Object.entries<any>(variables.variable ?? {})
          .filter(([name, [spec]]) => !('default' in spec) && !(name in tfvars))
          .map(([name]) => name);
        for (const name of asked)
          if (!text.includes(`TF_VAR_${name}:`))
            missing.push(`${env.name}: ${name}`);
      }
      expect(missing).toEqual([]);
    },
  );
});
