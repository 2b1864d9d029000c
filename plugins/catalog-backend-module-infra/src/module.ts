import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { InfraProcessor } from './processor/InfraProcessor';

export const catalogModuleInfra = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'infra-processor',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ catalog, config }) {
        catalog.addProcessor(InfraProcessor.fromConfig(config));
      },
    });
  },
});
