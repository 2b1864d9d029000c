import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createInfraDesignPlanAction } from './plan';
import { minimalAnswers } from './plan.examples';
import { createInfraRepositoryRenderAction } from './render';
import { examples } from './render.examples';

describe('infra:repository:render examples', () => {
  const plan = createInfraDesignPlanAction();
  const render = createInfraRepositoryRenderAction();
  const workspace = createMockDirectory();

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_, example) => {
      workspace.clear();
      const [planStep, renderStep] = yaml.parse(example).steps;
      expect([planStep.action, renderStep.action]).toEqual([
        plan.id,
        render.id,
      ]);
      expect(renderStep.input.design).toBe('${{ steps.plan.output.design }}');

      const answers =
        typeof planStep.input.answers === 'string'
          ? minimalAnswers
          : planStep.input.answers;
      const planCtx = createMockActionContext({ input: { answers } });
      await plan.handler(planCtx);
      const design = (planCtx.output as jest.Mock).mock.calls.find(
        ([n]) => n === 'design',
      )[1];

      const renderCtx = createMockActionContext({
        input: { design },
        workspacePath: workspace.path,
      });
      await render.handler(renderCtx);
      expect(renderCtx.output).toHaveBeenCalledWith(
        'files',
        expect.arrayContaining(['catalog-info.yaml']),
      );
    },
  );
});
