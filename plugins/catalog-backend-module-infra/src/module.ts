import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { infraCatalogModelLayer } from './model/infraCatalogModel';
import { InfraEntitiesProcessor } from './processor/InfraEntitiesProcessor';

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
        processing: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
      },
      async init({ logger, processing, model }) {
        processing.addProcessor(new InfraEntitiesProcessor({ logger }));
        model.addModelSource(
          CatalogModelSources.static([infraCatalogModelLayer]),
        );
      },
    });
  },
});
