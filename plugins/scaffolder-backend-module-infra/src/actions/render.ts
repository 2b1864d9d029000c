import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatIssues,
  planFromInput,
} from '@plinth/backstage-plugin-infra-common';
import { isDeepStrictEqual } from 'node:util';
import { renderGeneratedRepository } from '../render';
import { parseDesign } from '../render/validateDesign';
import { examples } from './render.examples';
import { jsonObject, textList } from './schemaFields';
import { writeWorkspaceFiles } from './writeWorkspaceFiles';

/**
 * Creates the `infra:repository:render` action: writes the infrastructure
 * repository for a design (the output of `infra:design:plan`) into the workspace.
 *
 * @public
 */
export function createInfraRepositoryRenderAction() {
  return createTemplateAction({
    id: 'infra:repository:render',
    description:
      'Writes the infrastructure repository for a design into the workspace: Terraform, OpenSLO, Prometheus rules, TechDocs, CI and catalog-info.yaml',
    examples,
    // Writing into the workspace is the whole effect, and a dry run's workspace
    // is a throw-away directory, so a dry run does exactly the same.
    supportsDryRun: true,
    schema: {
      input: {
        design: jsonObject(
          'The design from infra:design:plan, passed as ${{ steps.plan.output.design }}',
        ),
        answers: z =>
          z
            .record(z.unknown(), {
              description:
                'The answers the design was planned from, ${{ steps.plan.output.answers }}: written to .plinth/answers.yaml so the service can be changed later',
            })
            .optional(),
      },
      output: {
        files: textList(
          'Paths of the written files, relative to the workspace',
        ),
      },
    },
    async handler(ctx) {
      const design = parseDesign(ctx.input.design);
      const answers = ctx.input.answers;
      if (answers !== undefined) assertPlannedFrom(answers, design);
      const files = renderGeneratedRepository(design, { answers });
      const written = await writeWorkspaceFiles(ctx.workspacePath, files);
      ctx.logger.info(
        `Wrote ${written.length} files for ${design.service.name}`,
      );
      ctx.output('files', written);
    },
  });
}

/**
 * The stored answers are what a later change re-plans, so they must be the answers of
 * this design: a design and answers from different plans would record a lie.
 */
function assertPlannedFrom(answers: unknown, design: unknown) {
  const plan = planFromInput(answers);
  if (!plan.ok) {
    throw new InputError(`Invalid answers: ${formatIssues(plan.issues)}`);
  }
  const json = (value: unknown) => JSON.parse(JSON.stringify(value));
  if (!isDeepStrictEqual(json(plan.design), json(design))) {
    throw new InputError(
      'answers: the design was not planned from these answers; pass ${{ steps.plan.output.answers }} with ${{ steps.plan.output.design }}',
    );
  }
}
