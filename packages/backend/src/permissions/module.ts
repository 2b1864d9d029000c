import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PlinthPermissionPolicy } from './PlinthPermissionPolicy';

/** The config key naming the group that edits templates; `group:default/platform` by default. */
export const PLATFORM_GROUP_CONFIG_KEY = 'plinth.permissions.platformGroup';

/** Installs {@link PlinthPermissionPolicy} as the permission backend's policy. */
export const plinthPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'plinth-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new PlinthPermissionPolicy({
            userInfo,
            platformGroup:
              config.getOptionalString(PLATFORM_GROUP_CONFIG_KEY) ??
              'group:default/platform',
          }),
        );
      },
    });
  },
});
