/*
 * Plinth's own permissions. The overview needs none of its own: it shows catalog entities,
 * so it answers with what `catalogEntityReadPermission` lets the caller read.
 */
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Running the planner (`POST /api/infra/plan`): it reads nothing and writes nothing, but it
 * is compute a platform team may want to limit to signed-in people of its organisation.
 *
 * @public
 */
export const infraPlanPermission = createPermission({
  name: 'infra.plan',
  attributes: { action: 'read' },
});

/**
 * Every permission the infra plugin defines, for the permissions registry.
 *
 * @public
 */
export const infraPermissions = [infraPlanPermission];
