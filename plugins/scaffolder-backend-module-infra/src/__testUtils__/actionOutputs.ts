import type { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { planFromInput } from '@plinth/backstage-plugin-infra-common';

/** Every `ctx.output(name, value)` call of an action run, by name. */
export function outputsOf(
  ctx: ReturnType<typeof createMockActionContext>,
): Record<string, any> {
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [name, value]),
  );
}

/** What infra:design:plan must output for these answers: the domain's plan, nothing else. */
export function expectedPlanOutputs(answers: unknown) {
  const plan = planFromInput(answers);
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  return {
    // Echoed as given, for infra:repository:render to record.
    answers,
    design: plan.design,
    warnings: plan.warnings,
    compliance: plan.compliance,
    cost: plan.cost,
  };
}
