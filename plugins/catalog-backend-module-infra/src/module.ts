import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { infraCatalogModelLayer } from './model/infraCatalogModel';
import { InfraEntitiesProcessor } from './processor/InfraEntitiesProcessor';
import { MissingServices } from './processor/missingServices';

/**
 * Plinth's catalog support: the SLO kind and the contract's relations and
 * validation (docs/catalog.md).
 *
 * @public
 */
export const catalogModuleInfra = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'infra-processor',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        processing: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
      },
      async init({ logger, config, auth, catalog, processing, model }) {
        const graceSeconds = config.getOptionalNumber(
          'plinth.catalog.missingServiceGraceSeconds',
        );
        const missingServices = new MissingServices({
          graceMs: graceSeconds === undefined ? undefined : graceSeconds * 1000,
          // Asks the catalog, with the module's own credentials, which services exist.
          // Until the catalog answers (at start-up) nothing is reported.
          existing: async refs => {
            try {
              const { items } = await catalog.getEntitiesByRefs(
                { entityRefs: refs, fields: ['kind', 'metadata.name'] },
                { credentials: await auth.getOwnServiceCredentials() },
              );
              return new Set(refs.filter((_, i) => items[i]));
            } catch {
              return undefined;
            }
          },
        });
        processing.addProcessor(
          new InfraEntitiesProcessor({ logger, missingServices }),
        );
        model.addModelSource(
          CatalogModelSources.static([infraCatalogModelLayer]),
        );
      },
    });
  },
});
