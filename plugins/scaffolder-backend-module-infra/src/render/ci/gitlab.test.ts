/*
 * `.gitlab-ci.yml`, read as GitLab runs it: per cloud an OIDC login before every job that
 * touches the state, the saved plan applied (never a fresh one), one environment's state
 * operations at a time, production applied only by hand.
 */
import type { Cloud, Design } from '@plinth/backstage-plugin-infra-common';
import yaml from 'yaml';
import { fixtureDesign } from '../terraform/__testUtils__/designs';
import { renderCi } from '.';

function pipeline(cloud: Cloud) {
  const design = fixtureDesign(cloud) as Design;
  (design.iac as any).ciProvider = 'gitlab-ci';
  const file = renderCi(design).find(f => f.path === '.gitlab-ci.yml')!;
  return { design, jobs: yaml.parse(file.content) };
}

const LOGIN: Record<Cloud, RegExp> = {
  aws: /AWS_WEB_IDENTITY_TOKEN_FILE=/,
  azure: /ARM_USE_OIDC=true ARM_OIDC_TOKEN="\$CLOUD_ID_TOKEN"/,
  gcp: /GOOGLE_APPLICATION_CREDENTIALS=/,
};

describe.each(['aws', 'azure', 'gcp'] as Cloud[])(
  'the %s GitLab pipeline',
  cloud => {
    const { design, jobs } = pipeline(cloud);
    const stateJobs = Object.entries<any>(jobs).filter(([name]) =>
      /^(plan|apply)-/.test(name),
    );

    it('logs in with the job OIDC token before every plan and apply', () => {
      expect(stateJobs).toHaveLength(design.environments.length * 2);
      for (const [name, job] of stateJobs) {
        expect({ name, aud: job.id_tokens?.CLOUD_ID_TOKEN?.aud }).toEqual({
          name,
          aud: expect.any(String),
        });
        expect(job.before_script.join('\n')).toMatch(LOGIN[cloud]);
        // No stored cloud secret is read.
        expect(JSON.stringify(job)).not.toMatch(
          /SECRET_ACCESS_KEY|CLIENT_SECRET/,
        );
      }
    });

    it('applies exactly the saved plan', () => {
      for (const env of design.environments) {
        const plan = jobs[`plan-${env.name}`];
        const apply = jobs[`apply-${env.name}`];
        expect(plan.script.join('\n')).toMatch(/plan .*-out=tfplan/);
        expect(plan.artifacts.paths).toContain(
          `terraform/envs/${env.name}/tfplan`,
        );
        // The plan also runs on the default branch, where the apply takes it.
        expect(plan.rules).toContainEqual({
          if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
        });
        expect(apply.needs).toEqual([
          { job: `plan-${env.name}`, artifacts: true },
        ]);
        const script = apply.script.join('\n');
        expect(script).toMatch(/ apply -input=false -lock-timeout=10m tfplan$/);
        expect(script).not.toMatch(/-auto-approve/);
      }
    });

    it('serialises the state operations of an environment and gates production', () => {
      for (const env of design.environments) {
        expect(jobs[`plan-${env.name}`].resource_group).toBe(
          `tfstate-${env.name}`,
        );
        expect(jobs[`apply-${env.name}`].resource_group).toBe(
          `tfstate-${env.name}`,
        );
      }
      expect(jobs['apply-prod'].rules[0].when).toBe('manual');
      expect(jobs['apply-prod'].environment).toEqual({ name: 'prod' });
    });

    it('validates every root, the state bootstrap root too', () => {
      expect(jobs.validate.variables.ROOTS.split(' ')).toEqual([
        ...design.environments.map(env => `terraform/envs/${env.name}`),
        'terraform/bootstrap',
      ]);
    });
  },
);
