import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createInfraCatalogRegisterLocalAction,
  createInfraChangeLocalAction,
  createInfraChangePrepareAction,
  createInfraServiceAssertNewAction,
  createInfraDesignPlanAction,
  createInfraPublishLocalAction,
  createInfraRepositoryRenderAction,
} from './actions';

/**
 * Registers Plinth's actions with the scaffolder: `infra:design:plan`,
 * `infra:repository:render`, `infra:publish:local`, `infra:catalog:register-local` and `infra:change:local`.
 *
 * @public
 */
export const scaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'infra',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        reader: coreServices.urlReader,
      },
      async init({ scaffolderActions, config, catalog, reader }) {
        scaffolderActions.addActions(
          createInfraDesignPlanAction(),
          createInfraRepositoryRenderAction(),
          createInfraPublishLocalAction({ config, catalog }),
          createInfraCatalogRegisterLocalAction({ config, catalog }),
          createInfraChangeLocalAction({ config }),
          createInfraServiceAssertNewAction({ config, catalog }),
          createInfraChangePrepareAction({ reader }),
        );
      },
    });
  },
});
