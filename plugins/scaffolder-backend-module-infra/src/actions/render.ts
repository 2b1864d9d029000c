import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderRepository } from '../render';
import { parseDesign } from '../render/validateDesign';
import { examples } from './render.examples';
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
        design: z =>
          z.record(z.unknown(), {
            description:
              'The design from infra:design:plan, passed as ${{ steps.plan.output.design }}',
          }),
      },
      output: {
        files: z =>
          z.array(z.string(), {
            description:
              'Paths of the written files, relative to the workspace',
          }),
      },
    },
    async handler(ctx) {
      const design = parseDesign(ctx.input.design);
      const files = renderRepository(design);
      const written = await writeWorkspaceFiles(ctx.workspacePath, files);
      ctx.logger.info(
        `Wrote ${written.length} files for ${design.service.name}`,
      );
      ctx.output('files', written);
    },
  });
}
