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
import { readPrometheusConfig } from './prometheus/config';
import { PrometheusClient } from './prometheus/PrometheusClient';
import { LiveBudgets, loadLiveBudgets } from './slos/liveBudgets';
import { EvidenceCollector } from './evidence/EvidenceCollector';

/** How often the infrastructure code of every environment is checked for changes. */
const DEFAULT_EVIDENCE_REFRESH_SECONDS = 300;

/** How long computed summaries are served before they are recomputed. */
const DEFAULT_CACHE_TTL_SECONDS = 30;

/**
 * The infra backend: the overview of every service's SLOs, environments and
 * compliance (`GET /api/infra/overview`), the live SLOs of a service from
 * Prometheus (`GET /api/infra/slos/live`) and the planner (`POST /api/infra/plan`).
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
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        cache: coreServices.cache,
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
        scheduler,
        urlReader,
        cache,
      }) {
        permissionsRegistry.addPermissions(infraPermissions);
        const ttlSeconds =
          config.getOptionalNumber('infra.overview.cacheTtlSeconds') ??
          DEFAULT_CACHE_TTL_SECONDS;
        // Code evidence: a scheduled task reads each environment's Terraform and stores
        // what it shows (ADR 1500); requests only read the stored results.
        const evidence = new EvidenceCollector({
          catalog,
          auth,
          reader: urlReader,
          logger,
          cache,
        });
        const evidenceEnabled =
          config.getOptionalBoolean('infra.evidence.enabled') ?? true;
        if (evidenceEnabled) {
          // What this or another instance stored: answers at once, re-parses nothing.
          await evidence.restore();
          const seconds =
            config.getOptionalNumber('infra.evidence.refreshSeconds') ??
            DEFAULT_EVIDENCE_REFRESH_SECONDS;
          await scheduler.scheduleTask({
            id: 'infra-evidence-collector',
            frequency: { seconds },
            timeout: { seconds: Math.max(60, seconds * 4) },
            // Each backend instance keeps its own results in memory, so each runs it.
            scope: 'local',
            fn: () => evidence.refresh(),
          });
        }
        const summaries = new SummaryCache({
          ttlMs: ttlSeconds * 1000,
          logger,
          // Replicas share one snapshot through Backstage's cache (docs/replicas.md).
          shared: { cache, key: 'overview.summaries.v1' },
          load: async () =>
            summarizeServices(
              await loadCatalogSnapshot(catalog, auth),
              evidenceEnabled ? evidence : undefined,
            ),
        });
        const prometheus = new Map(
          [...readPrometheusConfig(config)].map(([name, instance]) => [
            name,
            new PrometheusClient(instance),
          ]),
        );
        // Refreshed on the same schedule as the summaries, separately, so a
        // slow Prometheus never holds up the catalog columns.
        const liveBudgets =
          prometheus.size > 0
            ? new SummaryCache<LiveBudgets>({
                ttlMs: ttlSeconds * 1000,
                logger,
                load: () => loadLiveBudgets(prometheus, logger),
              })
            : undefined;
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            summaries,
            catalog,
            prometheus,
            liveBudgets,
            evidence: evidenceEnabled ? evidence : undefined,
            urlReader,
          }),
        );
      },
    });
  },
});
