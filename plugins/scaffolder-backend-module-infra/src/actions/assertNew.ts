import fs from 'node:fs';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  REPOSITORY_NAME_MESSAGE,
  REPOSITORY_NAME_PATTERN,
  SERVICE_NAME_PATTERN,
} from '@plinth/backstage-plugin-infra-common';
import { examples } from './assertNew.examples';
import { text } from './schemaFields';
import { assertNotInCatalog } from './existingEntity';
import {
  LOCAL_DIRECTORY_CONFIG_KEY,
  resolveLocalDirectory,
} from './publishLocal';

/**
 * Creates the `infra:service:assert-new` action: the first step of the create flow. It
 * fails when the service is already in the catalog (looked up with the task's
 * credentials) or its local repository folder exists, so nothing is rendered or written.
 */
export function createInfraServiceAssertNewAction(options: {
  config: Config;
  catalog: CatalogService;
}) {
  const { config, catalog } = options;
  return createTemplateAction({
    id: 'infra:service:assert-new',
    description:
      'Fails when the service is already in the catalog or its local repository exists: ' +
      'creating must not attach to an existing service (change it from its Infrastructure tab instead)',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: text('The service name (the Component name)'),
        namespace: z =>
          z
            .string({ description: 'The catalog namespace; default default' })
            .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
            .optional(),
        repoName: z =>
          z
            .string({
              description:
                'The local repository folder infra:publish:local would create, checked when local publishing is configured',
            })
            .optional(),
      },
      output: {
        entityRef: text('The entity ref that was checked'),
      },
    },
    async handler(ctx) {
      const { name, namespace = 'default', repoName } = ctx.input;
      if (!SERVICE_NAME_PATTERN.test(name)) {
        throw new InputError(`name ${name} is not a service name`);
      }
      const entityRef = stringifyEntityRef({
        kind: 'Component',
        namespace,
        name,
      });
      await assertNotInCatalog({
        catalog,
        credentials: await ctx.getInitiatorCredentials(),
        entityRef,
      });
      if (repoName !== undefined && config.has(LOCAL_DIRECTORY_CONFIG_KEY)) {
        if (!REPOSITORY_NAME_PATTERN.test(repoName)) {
          throw new InputError(`repoName ${REPOSITORY_NAME_MESSAGE}`);
        }
        const repoPath = resolveSafeChildPath(
          resolveLocalDirectory(config),
          repoName,
        );
        if (fs.existsSync(repoPath)) {
          throw new InputError(
            `A repository named ${repoName} already exists; choose another name`,
          );
        }
      }
      ctx.output('entityRef', entityRef);
    },
  });
}
