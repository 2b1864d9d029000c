import fs from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  InputError,
  isError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import {
  CatalogService,
  locationSpecToMetadataName,
} from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  REPOSITORY_NAME_MESSAGE,
  REPOSITORY_NAME_PATTERN,
} from '@plinth/backstage-plugin-infra-common';
import { assertNotInCatalog, mainEntityRef } from './existingEntity';
import { resolveLocalDirectory } from './publishLocal';
import { examples } from './registerLocal.examples';
import { text } from './schemaFields';

/**
 * The catalog location, declared in app-config, that reads every locally published
 * repository. `catalog:register` only registers `url` locations, and letting anyone
 * register `file` locations through the catalog API would expose the backend's disk, so
 * the folder is a static location and this action asks the catalog to read it now.
 */
export function localRepositoriesLocation(config: Config) {
  return {
    type: 'file',
    target: path.join(resolveLocalDirectory(config), '*', 'catalog-info.yaml'),
  };
}

/**
 * Creates the `infra:catalog:register-local` action: makes the catalog ingest a
 * repository published by `infra:publish:local` at once, and waits until its main
 * entity is in the catalog so that the template's output links work.
 */
export function createInfraCatalogRegisterLocalAction(options: {
  config: Config;
  catalog: CatalogService;
  /** How often to look for the new entity; tests make it short. */
  pollIntervalMs?: number;
}) {
  const { config, catalog, pollIntervalMs = 500 } = options;

  return createTemplateAction({
    id: 'infra:catalog:register-local',
    description:
      'Registers the catalog-info.yaml of a repository published with infra:publish:local ' +
      'by refreshing the catalog location that covers the local repositories folder',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: text('The repository name given to infra:publish:local'),
        timeoutSeconds: z =>
          z
            .number({
              description:
                'How long to wait for the entity to appear; default 60',
            })
            .min(0)
            .max(600)
            .optional(),
      },
      output: {
        entityRef: text('The main entity of the catalog-info.yaml'),
        catalogInfoPath: text('Absolute path of the registered file'),
      },
    },
    async handler(ctx) {
      const { repoName, timeoutSeconds = 60 } = ctx.input;
      if (!REPOSITORY_NAME_PATTERN.test(repoName)) {
        throw new InputError(`repoName ${REPOSITORY_NAME_MESSAGE}`);
      }
      const repoPath = resolveSafeChildPath(
        resolveLocalDirectory(config),
        repoName,
      );
      const catalogInfoPath = path.join(repoPath, 'catalog-info.yaml');

      // In a dry run the repository was never published: report where it would be.
      const source = ctx.isDryRun
        ? await readIfPresent(
            resolveSafeChildPath(ctx.workspacePath, 'catalog-info.yaml'),
          )
        : await readIfPresent(catalogInfoPath);
      if (source === undefined) {
        throw new InputError(
          `${catalogInfoPath} does not exist; run infra:publish:local first`,
        );
      }
      const entityRef = mainEntityRef(source);
      const credentials = await ctx.getInitiatorCredentials();
      // Before the catalog reads anything: an entity of that name from elsewhere is
      // someone else's service. The one this repository registered (a replay) is ours.
      await assertNotInCatalog({
        catalog,
        credentials,
        entityRef,
        ownLocation: `file:${catalogInfoPath}`,
      });
      ctx.output('catalogInfoPath', catalogInfoPath);
      if (ctx.isDryRun) {
        ctx.output('entityRef', entityRef);
        return;
      }

      const locationRef = `location:default/${locationSpecToMetadataName(
        localRepositoriesLocation(config),
      )}`;
      // Refresh, not look up: until the first repository is published the folder does
      // not exist, the location fails processing and never becomes a catalog entity, but
      // it is known to the catalog's processing and a refresh re-reads it now.
      try {
        await catalog.refreshEntity(locationRef, { credentials });
      } catch (error) {
        if (!isNotFound(error)) {
          throw error;
        }
        const { target } = localRepositoriesLocation(config);
        throw new NotFoundError(
          `The catalog has no location for the local repositories; add to app-config: ` +
            `catalog.locations: [{ type: file, target: ${target} }]`,
        );
      }

      const deadline = Date.now() + timeoutSeconds * 1000;
      while (!(await catalog.getEntityByRef(entityRef, { credentials }))) {
        if (Date.now() >= deadline) {
          throw new Error(
            `${entityRef} did not appear in the catalog within ${timeoutSeconds}s; ` +
              `check the catalog's processing errors for ${catalogInfoPath}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, pollIntervalMs));
      }
      ctx.logger.info(`Registered ${entityRef} from ${catalogInfoPath}`);
      ctx.output('entityRef', entityRef);
    },
  });
}

/** A NotFoundError thrown in process, or a 404 from the catalog's REST API. */
function isNotFound(error: unknown): boolean {
  if (!isError(error)) {
    return false;
  }
  const status = (error as Partial<ResponseError>).response?.status;
  return error.name === 'NotFoundError' || status === 404;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
