import fs from 'fs';
import path from 'path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { expectedPlanOutputs, outputsOf } from '../__testUtils__/actionOutputs';
import { createInfraDesignPlanAction } from './plan';
import { examples } from './plan.examples';

/** What the wizard collects, standing in for `${{ parameters.answers }}`. */
const wizardAnswers = yaml.parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../../examples/answers/gcp-internal-batch.yaml',
    ),
    'utf8',
  ),
);

async function run(example: string) {
  const step = yaml.parse(example).steps[0];
  const answers =
    step.input.answers === '${{ parameters.answers }}'
      ? wizardAnswers
      : step.input.answers;
  const ctx = createMockActionContext({ input: { answers } });
  await createInfraDesignPlanAction().handler(ctx);
  return { step, answers, outputs: outputsOf(ctx) };
}

describe('infra:design:plan examples', () => {
  it.each(examples.map(e => [e.description, e.example]))(
    'outputs the plan of its answers: %s',
    async (_, example) => {
      const { step, answers, outputs } = await run(example);
      expect(step.action).toBe('infra:design:plan');
      expect(outputs).toEqual(expectedPlanOutputs(answers));
    },
  );

  it('fills every unanswered field with a default and says so (first example)', async () => {
    const { outputs } = await run(examples[0].example);
    expect(outputs.design.service).toMatchObject({
      name: 'orders-api',
      workloadType: 'http-api',
    });
    const defaulted = outputs.design.decisions.filter(
      (d: { origin: string }) => d.origin === 'default',
    );
    expect(defaulted.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(['iac.tool', 'operations.monitoring']),
    );
  });

  it('previews HIPAA and GDPR with two SLOs (second example)', async () => {
    const { outputs } = await run(examples[1].example);
    expect(
      outputs.compliance.frameworks.map(
        (f: { framework: string }) => f.framework,
      ),
    ).toEqual(['hipaa', 'gdpr']);
    expect(outputs.design.cloud).toBe('azure');
    expect(outputs.design.slos.map((s: { name: string }) => s.name)).toEqual([
      'patient-records-availability',
      'patient-records-latency',
    ]);
  });

  it("plans the wizard's parameters, not another example's answers (third example)", async () => {
    const { outputs } = await run(examples[2].example);
    expect(outputs.design.service.name).toBe('ledger-batch');
    expect(outputs.design.cloud).toBe('gcp');
    expect(outputs.design.iac.ciProvider).toBe('gitlab-ci');
  });
});
