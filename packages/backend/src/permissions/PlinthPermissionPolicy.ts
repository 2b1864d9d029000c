/*
 * The permission policy Plinth ships instead of allow-all: a starting point for a platform
 * team, to copy and adapt (docs/permissions.md).
 *
 * - Everyone signed in reads everything (catalog, templates, the overview, the planner).
 * - Owners delete their own entities; templates are not "their own". Anyone may ask for a
 *   refresh (it only re-reads the source).
 * - Only the platform group edits templates and anything else that changes shared state.
 * - Running templates (creating tasks, executing actions, dry runs) and registering new
 *   components is open to everyone: that is what the portal is for.
 */
import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  catalogEntityCreatePermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/** Writes any signed-in user may make; every other write needs the platform group. */
const OPEN_WRITES = new Set([
  catalogEntityCreatePermission.name,
  // A refresh only re-reads an entity from its source; the wizard's register step needs it.
  catalogEntityRefreshPermission.name,
  catalogLocationCreatePermission.name,
  'scaffolder.task.create',
  'scaffolder.task.cancel',
  'scaffolder.action.execute',
  'scaffolder.template.dry-run',
]);

export interface PlinthPermissionPolicyOptions {
  userInfo: UserInfoService;
  /** The group whose members may edit templates and shared state. */
  platformGroup: string;
}

export class PlinthPermissionPolicy implements PermissionPolicy {
  readonly #userInfo: UserInfoService;
  readonly #platformGroup: string;

  constructor(options: PlinthPermissionPolicyOptions) {
    this.#userInfo = options.userInfo;
    this.#platformGroup = options.platformGroup;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (permission.attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) return { result: AuthorizeResult.DENY };
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    if (ownershipEntityRefs.includes(this.#platformGroup)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (OPEN_WRITES.has(permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isResourcePermission(permission, 'catalog-entity')) {
      // Their own entities, but not templates: those are the platform's.
      return createCatalogConditionalDecision(permission, {
        allOf: [
          catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
          { not: catalogConditions.isEntityKind({ kinds: ['Template'] }) },
        ],
      });
    }
    return { result: AuthorizeResult.DENY };
  }
}
