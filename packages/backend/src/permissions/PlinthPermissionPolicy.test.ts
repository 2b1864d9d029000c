import { mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PlinthPermissionPolicy } from './PlinthPermissionPolicy';

const templateManagement = createPermission({
  name: 'scaffolder.template.management',
  attributes: {},
});
const taskCreate = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});
const infraPlan = createPermission({
  name: 'infra.plan',
  attributes: { action: 'read' },
});

const OWNERSHIP: Record<string, string[]> = {
  'user:default/alice': ['user:default/alice', 'group:default/payments'],
  'user:default/pat': ['user:default/pat', 'group:default/platform'],
};

function policy() {
  return new PlinthPermissionPolicy({
    platformGroup: 'group:default/platform',
    userInfo: {
      async getUserInfo(credentials: any) {
        const userEntityRef = credentials.principal.userEntityRef;
        return {
          userEntityRef,
          ownershipEntityRefs: OWNERSHIP[userEntityRef] ?? [userEntityRef],
        };
      },
    },
  });
}

const as = (userEntityRef: string) =>
  ({ credentials: mockCredentials.user(userEntityRef), info: {} } as any);

describe('PlinthPermissionPolicy', () => {
  it('lets everyone read, run templates and plan', async () => {
    for (const permission of [catalogEntityReadPermission, infraPlan]) {
      expect(
        await policy().handle({ permission }, as('user:default/alice')),
      ).toEqual({ result: AuthorizeResult.ALLOW });
    }
    expect(
      await policy().handle(
        { permission: taskCreate },
        as('user:default/alice'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets anyone refresh an entity (the wizard registers through a refresh)', async () => {
    expect(
      await policy().handle(
        { permission: catalogEntityRefreshPermission },
        as('user:default/alice'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets owners delete their own entities, but not templates', async () => {
    for (const permission of [catalogEntityDeletePermission]) {
      const decision = await policy().handle(
        { permission },
        as('user:default/alice'),
      );
      expect(decision).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          allOf: [
            {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: {
                claims: ['user:default/alice', 'group:default/payments'],
              },
            },
            {
              not: {
                rule: 'IS_ENTITY_KIND',
                resourceType: 'catalog-entity',
                params: { kinds: ['Template'] },
              },
            },
          ],
        },
      });
    }
  });

  it('lets only the platform group edit templates', async () => {
    expect(
      await policy().handle(
        { permission: templateManagement },
        as('user:default/alice'),
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy().handle(
        { permission: templateManagement },
        as('user:default/pat'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy().handle(
        { permission: catalogEntityDeletePermission },
        as('user:default/pat'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies changes without a user', async () => {
    expect(await policy().handle({ permission: templateManagement })).toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});
