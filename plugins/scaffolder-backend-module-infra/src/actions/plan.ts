import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatIssues,
  planFromInput,
} from '@plinth/backstage-plugin-infra-common';
import type { JsonObject } from '@backstage/types';
import { examples } from './plan.examples';
import { jsonObject } from './schemaFields';

/**
 * Creates the `infra:design:plan` action: validates the /infra wizard's answers
 * and derives the design, its warnings, the compliance preview and the cost.
 *
 * @public
 */
export function createInfraDesignPlanAction() {
  return createTemplateAction({
    id: 'infra:design:plan',
    description:
      'Plans an infrastructure design from the /infra answers: every decision with its reason, warnings, a compliance preview and a monthly cost estimate. No side effects.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        answers: jsonObject(
          'The answers model (service, workload, slos, constraints, environments, topology, iac, reliability, security, operations, improvement)',
        ),
      },
      output: {
        answers: jsonObject(
          'The answers as given, for infra:repository:render to record in .plinth/answers.yaml',
        ),
        design: jsonObject(
          'The design, input of infra:repository:render: every decision with its reason',
        ),
        warnings: z =>
          z.array(z.record(z.unknown()), {
            description:
              'What the design puts at risk, each with a code and a message',
          }),
        compliance: jsonObject('The compliance preview per framework'),
        cost: jsonObject('The monthly cost estimate per environment, in USD'),
      },
    },
    async handler(ctx) {
      const plan = planFromInput(ctx.input.answers);
      if (!plan.ok) {
        throw new InputError(`Invalid answers: ${formatIssues(plan.issues)}`);
      }
      ctx.logger.info(
        `Planned ${plan.design.service.name}: ${plan.design.environments.length} environments, ${plan.warnings.length} warnings`,
      );
      // The plan is plain JSON by contract (see infra-common's Design type).
      ctx.output('answers', ctx.input.answers as JsonObject);
      ctx.output('design', plan.design as unknown as JsonObject);
      ctx.output('warnings', plan.warnings as unknown as JsonObject[]);
      ctx.output('compliance', plan.compliance as unknown as JsonObject);
      ctx.output('cost', plan.cost as unknown as JsonObject);
    },
  });
}
