/*
 * Refuses to start a production backend that lets anyone in as a guest. The guest provider
 * is for a laptop; in production it needs this loudly named flag, which nobody sets by
 * accident and everyone notices in review.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const GUEST_IN_PRODUCTION_FLAG =
  'plinth.dangerouslyAllowGuestSignInInProduction';

/** The reason a configuration must not start, or undefined when it may. */
export function guestInProductionProblem(options: {
  nodeEnv: string | undefined;
  guestConfigured: boolean;
  flag: boolean;
}): string | undefined {
  if (options.nodeEnv !== 'production' || !options.guestConfigured) {
    return undefined;
  }
  if (options.flag) return undefined;
  return (
    'Refusing to start: auth.providers.guest is configured and NODE_ENV=production, so ' +
    'anyone could sign in. Configure a real sign-in (GitHub or OIDC, see README.md) and ' +
    `remove the guest provider, or set ${GUEST_IN_PRODUCTION_FLAG}: true if you really mean it.`
  );
}

/** Checks the configuration when the auth plugin starts, before it serves anything. */
export const guestGuardModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'plinth-guest-guard',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      async init({ config, logger }) {
        const problem = guestInProductionProblem({
          nodeEnv: process.env.NODE_ENV,
          guestConfigured: config.has('auth.providers.guest'),
          flag: config.getOptionalBoolean(GUEST_IN_PRODUCTION_FLAG) ?? false,
        });
        if (problem) throw new Error(problem);
        if (
          process.env.NODE_ENV === 'production' &&
          config.has('auth.providers.guest')
        ) {
          logger.warn(
            `Guest sign-in is enabled in production because ${GUEST_IN_PRODUCTION_FLAG} is set`,
          );
        }
      },
    });
  },
});
