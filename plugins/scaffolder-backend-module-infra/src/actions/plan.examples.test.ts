import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createInfraDesignPlanAction } from './plan';
import { examples, minimalAnswers } from './plan.examples';

describe('infra:design:plan examples', () => {
  const action = createInfraDesignPlanAction();

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_, example) => {
      const step = yaml.parse(example).steps[0];
      expect(step.action).toBe(action.id);
      // Template expressions are resolved by the scaffolder; stand in for the wizard.
      const answers =
        typeof step.input.answers === 'string'
          ? minimalAnswers
          : step.input.answers;
      const ctx = createMockActionContext({ input: { answers } });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'design',
        expect.objectContaining({ version: 1 }),
      );
    },
  );
});
