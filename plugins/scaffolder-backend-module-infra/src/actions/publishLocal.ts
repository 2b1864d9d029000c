import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  REPOSITORY_NAME_MESSAGE,
  REPOSITORY_NAME_PATTERN,
} from '@plinth/backstage-plugin-infra-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { assertNotInCatalog, mainEntityRef } from './existingEntity';
import { publishLocalRepository, type PublishOptions } from './localRepository';
import { localRepositoryInput, optionalText, text } from './schemaFields';
import { examples } from './publishLocal.examples';
import { commitAuthor } from './workspaceChange';

const REPO_NAME = 'Name of the repository folder, usually `<service>-infra`';
const SOURCE_PATH =
  'Folder inside the workspace to publish; defaults to the whole workspace';
/** The config key naming the folder that holds locally published repositories. */
export const LOCAL_DIRECTORY_CONFIG_KEY = 'plinth.publish.localDirectory';

/**
 * Resolves the configured folder for local repositories. Relative paths are relative to
 * the backend process, like the catalog's `file` locations.
 */
export function resolveLocalDirectory(config: Config): string {
  const configured = config.getOptionalString(LOCAL_DIRECTORY_CONFIG_KEY);
  if (!configured) {
    throw new InputError(
      `Local publishing is not configured: set ${LOCAL_DIRECTORY_CONFIG_KEY} in app-config`,
    );
  }
  return path.resolve(configured);
}

/**
 * Creates the `infra:publish:local` action: publishes the workspace as a new git
 * repository under `plinth.publish.localDirectory`, for the embedded default that has no
 * source-control integration.
 */
export function createInfraPublishLocalAction(options: {
  config: Config;
  /**
   * Looks up the workspace's main entity with the task's credentials: publishing refuses
   * a service that is already in the catalog, before writing anything.
   */
  catalog?: CatalogService;
  /** Test hook between the publish phases (the fault test crashes the process there). */
  onPhase?: PublishOptions['onPhase'];
}) {
  const { config, onPhase, catalog } = options;

  return createTemplateAction({
    id: 'infra:publish:local',
    description:
      'Publishes the workspace as a new git repository in the folder configured by ' +
      `${LOCAL_DIRECTORY_CONFIG_KEY}; never overwrites an existing repository. ` +
      'Staged outside the catalog glob and renamed into place, so a crash leaves nothing partial',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...localRepositoryInput(REPO_NAME, SOURCE_PATH),
        defaultBranch: z =>
          z
            .string({ description: 'Branch of the first commit; default main' })
            .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, {
              message: 'must be a simple branch name',
            })
            .optional(),
        expectedFiles: z =>
          z
            .array(z.string().max(1000), {
              description:
                'Paths, relative to sourcePath, the render step wrote (`${{ steps.render.output.files }}`): publishing ' +
                'refuses a workspace that lacks any of them, as after a recovery elsewhere',
            })
            .max(10_000)
            .optional(),
        commitMessage: z =>
          z
            .string({ description: 'Message of the first commit' })
            .max(500)
            .optional(),
      },
      output: {
        remoteUrl: text(
          'file: URL of the new repository, usable with git clone',
        ),
        repoContentsUrl: text(
          'file: URL of the folder holding the repository contents',
        ),
        repoPath: text('Absolute path of the new repository'),
        catalogInfoPath: text(
          'Absolute path of the catalog-info.yaml it contains',
        ),
        commitHash: optionalText('The first commit (absent in a dry run)'),
      },
    },
    async handler(ctx) {
      const {
        repoName,
        sourcePath,
        expectedFiles,
        defaultBranch = 'main',
        commitMessage = config.getOptionalString(
          'scaffolder.defaultCommitMessage',
        ) ?? 'Initial infrastructure from the Plinth /infra wizard',
      } = ctx.input;

      // The scaffolder validates the schema before a task runs; check again because the
      // name becomes a folder and this handler is also called directly.
      if (!REPOSITORY_NAME_PATTERN.test(repoName)) {
        throw new InputError(`repoName ${REPOSITORY_NAME_MESSAGE}`);
      }
      const localDirectory = resolveLocalDirectory(config);
      const repoPath = resolveSafeChildPath(localDirectory, repoName);
      const source = resolveSafeChildPath(ctx.workspacePath, sourcePath ?? '.');

      if (!fs.existsSync(source)) {
        throw new InputError(
          `sourcePath ${sourcePath} is not in the workspace`,
        );
      }

      const catalogInfo = path.join(source, 'catalog-info.yaml');
      if (catalog && fs.existsSync(catalogInfo)) {
        await assertNotInCatalog({
          catalog,
          credentials: await ctx.getInitiatorCredentials(),
          entityRef: mainEntityRef(
            await fs.promises.readFile(catalogInfo, 'utf8'),
          ),
          ownLocation: `file:${path.join(repoPath, 'catalog-info.yaml')}`,
        });
      }

      const outputs = {
        remoteUrl: pathToFileURL(repoPath).href,
        repoContentsUrl: pathToFileURL(repoPath).href,
        repoPath,
        catalogInfoPath: path.join(repoPath, 'catalog-info.yaml'),
      };

      if (ctx.isDryRun) {
        if (fs.existsSync(repoPath)) {
          throw new InputError(
            `A repository named ${repoName} already exists; choose another name`,
          );
        }
        ctx.logger.info(`Dry run: would publish the workspace to ${repoPath}`);
        for (const [name, value] of Object.entries(outputs)) {
          ctx.output(name as keyof typeof outputs, value);
        }
        return;
      }

      // On a recovered task the checkpoint returns the first run's commit without running
      // again; if the run died before its checkpoint was stored, publishLocalRepository
      // recognises the folder this task created, or starts over from a fresh staging copy.
      const commitHash = await ctx.checkpoint({
        key: `infra.publish.local.v2.${repoName}`,
        fn: () =>
          publishLocalRepository({
            source,
            localDirectory,
            repoName,
            taskId: ctx.task.id,
            expectedFiles,
            defaultBranch,
            message: commitMessage,
            author: commitAuthor(config),
            onPhase,
          }),
      });

      ctx.logger.info(`Published ${repoName} to ${repoPath} at ${commitHash}`);
      for (const [name, value] of Object.entries(outputs)) {
        ctx.output(name as keyof typeof outputs, value);
      }
      ctx.output('commitHash', commitHash);
    },
  });
}
