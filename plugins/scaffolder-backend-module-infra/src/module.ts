import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createInfraDesignPlanAction,
  createInfraRepositoryRenderAction,
} from './actions';

/**
 * Registers Plinth's infra actions (`infra:design:plan`,
 * `infra:repository:render`) with the scaffolder.
 *
 * @public
 */
export const scaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'infra',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(
          createInfraDesignPlanAction(),
          createInfraRepositoryRenderAction(),
        );
      },
    });
  },
});
