import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { infraPermissions } from '@plinth/backstage-plugin-infra-common';
import { createRouter } from './router';
import { loadCatalogSnapshot } from './overview/loadCatalog';
import { summarizeServices } from './overview/summarize';
import { SummaryCache } from './overview/SummaryCache';

/** How long computed summaries are served before they are recomputed. */
const DEFAULT_CACHE_TTL_SECONDS = 30;

/**
 * The infra backend: the overview of every service's SLOs, environments and
 * compliance (`GET /api/infra/overview`) and the planner (`POST /api/infra/plan`).
 *
 * @public
 *
 * @public
 */
export const infraPlugin = createBackendPlugin({
  pluginId: 'infra',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        auth,
        httpAuth,
        httpRouter,
        logger,
        config,
        catalog,
        permissions,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(infraPermissions);
        const ttlSeconds =
          config.getOptionalNumber('infra.overview.cacheTtlSeconds') ??
          DEFAULT_CACHE_TTL_SECONDS;
        const summaries = new SummaryCache({
          ttlMs: ttlSeconds * 1000,
          logger,
          load: async () =>
            summarizeServices(await loadCatalogSnapshot(catalog, auth)),
        });
        httpRouter.use(
          await createRouter({ httpAuth, permissions, catalog, summaries }),
        );
      },
    });
  },
});
