import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createInfraDesignPlanAction } from './plan';
import { regulatedAnswers } from './plan.examples';

describe('infra:design:plan', () => {
  const action = createInfraDesignPlanAction();

  it('outputs the design, warnings, compliance preview and cost', async () => {
    const ctx = createMockActionContext({
      input: { answers: regulatedAnswers },
    });
    await action.handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [
        name,
        value,
      ]),
    );
    expect(outputs.design).toMatchObject({
      version: 1,
      service: { name: 'payments-api' },
    });
    expect(outputs.design.environments).toHaveLength(3);
    expect(Array.isArray(outputs.warnings)).toBe(true);
    expect(outputs.compliance).toBeDefined();
    expect(outputs.cost.environments).toHaveLength(3);
  });

  it('names each offending field by its dotted path', async () => {
    const ctx = createMockActionContext({
      input: {
        answers: {
          ...regulatedAnswers,
          service: { ...regulatedAnswers.service, name: 'Bad Name' },
          topology: {
            ...regulatedAnswers.topology,
            primaryRegion: 'us-east-1',
          },
        },
      },
    });
    const failure = action.handler(ctx);
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    await expect(failure).rejects.toThrow(/service\.name: /);
    await expect(failure).rejects.toThrow(/topology\.primaryRegion: /);
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
