/*
 * The Plinth portal backend: Backstage's core plugins plus Plinth's scaffolder actions,
 * catalog support and /api/infra endpoints. Configuration: app-config.yaml (SQLite in
 * memory, guest sign-in) and app-config.production.yaml (PostgreSQL, GitHub sign-in).
 */

import { createBackend } from '@backstage/backend-defaults';
import { guestGuardModule } from './guestGuard';
import { plinthPermissionPolicyModule } from './permissions/module';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));
// Refuses to start with guest sign-in under NODE_ENV=production (docs/permissions.md).
backend.add(guestGuardModule);

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// Everyone reads, owners change their entities, the platform group edits templates:
// a starting point to adapt (docs/permissions.md).
backend.add(plinthPermissionPolicyModule);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Plinth: the /infra actions, SLO entities and contract checks, and /api/infra
backend.add(import('@plinth/backstage-plugin-scaffolder-backend-module-infra'));
backend.add(import('@plinth/backstage-plugin-catalog-backend-module-infra'));
backend.add(import('@plinth/backstage-plugin-infra-backend'));

// A plugin that fails to start (the guest guard, a bad database) stops the process: a
// backend that serves half its plugins is worse than one that is visibly down.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(`Backend failed to start: ${error?.stack ?? error}`);
  process.exit(1);
});
