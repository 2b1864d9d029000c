/*
 * The overview and the catalog agree on what a user may read: the real catalog backend
 * (with Plinth's catalog module) and the infra plugin, under a policy that hides every entity owned by
 * group:default/secret (a conditional decision, applied by the catalog's own rules).
 * The overview, its facets and its totals (what the page's CSV export is made of) must omit
 * exactly the entities the catalog answers 404 for.
 */
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { PermissionPolicy } from '@backstage/plugin-permission-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogInfraModule from '@plinth/backstage-plugin-catalog-backend-module-infra';
import { infraPlugin } from '../plugin';
import {
  goodControls,
  prod,
  service,
  slo,
} from '@plinth/backstage-plugin-infra-common/testUtils';

jest.setTimeout(120_000);

const HIDDEN_OWNER = 'group:default/secret';

/** Hides every entity owned by HIDDEN_OWNER from users; allows everything else. */
const policy: PermissionPolicy = {
  async handle(req, user) {
    if (
      user &&
      isResourcePermission(req.permission, 'catalog-entity') &&
      req.permission.attributes.action === 'read'
    ) {
      return createCatalogConditionalDecision(req.permission, {
        not: catalogConditions.isEntityOwner({ claims: [HIDDEN_OWNER] }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  },
};

/*
 * The policy evaluated in process, as the permission backend would: the test backend's mock
 * auth drops the on-behalf-of actor that the real permission backend requires for a user's
 * conditional request. The catalog applies the conditions itself, with its own rules.
 */
const policyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: { auth: coreServices.auth, userInfo: coreServices.userInfo },
  factory: ({ auth, userInfo }) => {
    const decide = async (
      permission: any,
      credentials: BackstageCredentials,
    ): Promise<PolicyDecision> => {
      if (!auth.isPrincipal(credentials, 'user')) {
        return { result: AuthorizeResult.ALLOW };
      }
      const info = await userInfo.getUserInfo(credentials);
      return policy.handle({ permission }, { credentials, info });
    };
    return {
      async authorizeConditional(requests: any[], { credentials }: any) {
        return Promise.all(
          requests.map(r => decide(r.permission, credentials)),
        ) as any;
      },
      async authorize(requests: any[], { credentials }: any) {
        return Promise.all(
          requests.map(async r => {
            const decision = await decide(r.permission, credentials);
            if (decision.result === AuthorizeResult.CONDITIONAL) {
              throw new Error('not used by this test');
            }
            return decision;
          }),
        ) as any;
      },
    };
  },
});

function owned(entity: any, owner: string) {
  if (entity.kind === 'SLO') {
    // An SLO's owner is its plinth.dev/owner annotation (docs/catalog-contract.md).
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { 'plinth.dev/owner': owner },
      },
    };
  }
  return { ...entity, spec: { ...entity.spec, owner } };
}

describe('the overview under a policy that hides some entities', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plinth-perm-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const entities = [
    service('payments-api', { frameworks: 'pci-dss' }),
    prod('payments-api', goodControls),
    slo('payments-api', 'availability', 0.9995),
    service('vault', {
      frameworks: 'soc2',
      owner: HIDDEN_OWNER,
      system: 'system:default/secrets',
    }),
    owned(prod('vault', goodControls), HIDDEN_OWNER),
    service('search', {
      owner: 'group:default/discovery',
      system: 'system:default/search',
    }),
    // Visible service, hidden SLO: the row stays, the SLO goes.
    owned(slo('search', 'availability', 0.999), HIDDEN_OWNER),
  ].map(e => {
    const { relations, status, ...rest } = e as any;
    return rest;
  });

  it('omits what the catalog hides, in rows, facets and totals', async () => {
    const file = path.join(dir, 'entities.yaml');
    fs.writeFileSync(file, entities.map(e => yaml.stringify(e)).join('---\n'));
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogInfraModule,
        policyPermissions,
        infraPlugin,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            infra: { overview: { cacheTtlSeconds: 0 } },
            catalog: {
              rules: [{ allow: ['Component', 'Resource', 'SLO', 'Location'] }],
              locations: [{ type: 'file', target: file }],
            },
          },
        }),
      ],
    });
    const user = mockCredentials.user('user:default/alice');
    const asUser = (url: string) =>
      request(server)
        .get(url)
        .set(
          'Authorization',
          mockCredentials.user.header(user.principal.userEntityRef),
        );

    // Wait for the catalog to ingest everything (with the plugin's own view, unfiltered).
    const deadline = Date.now() + 90_000;
    for (;;) {
      const all = await request(server)
        .get('/api/catalog/entities?fields=metadata.name')
        .set('Authorization', mockCredentials.service.header());
      if (all.body.length >= entities.length) break;
      if (Date.now() > deadline) throw new Error('catalog did not ingest');
      await new Promise(r => setTimeout(r, 500));
    }

    const overview = await asUser('/api/infra/overview');
    expect(overview.body.error ?? overview.status).toBe(200);
    const names = overview.body.items.map((i: any) => i.name).sort();
    expect(names).toEqual(['payments-api', 'search']);
    expect(overview.body.total).toBe(2);
    expect(overview.body.facets.owners).not.toContain(HIDDEN_OWNER);
    expect(overview.body.facets.systems).not.toContain(
      'system:default/secrets',
    );
    expect(overview.body.facets.frameworks).toEqual(['pci-dss']);
    const search = overview.body.items.find((i: any) => i.name === 'search');
    expect(search.slos).toEqual([]);

    // The catalog and Plinth agree for every entity.
    const refs = new Set<string>(
      overview.body.items.flatMap((i: any) => [
        i.ref,
        ...i.slos.map((s: any) => s.ref),
      ]),
    );
    for (const entity of entities) {
      const kind = entity.kind.toLocaleLowerCase('en-US');
      const res = await asUser(
        `/api/catalog/entities/by-name/${kind}/default/${entity.metadata.name}`,
      );
      const ref = `${kind}:default/${entity.metadata.name}`;
      if (kind === 'resource') continue; // environments are counted, not listed
      expect({ ref, readable: res.status === 200 }).toEqual({
        ref,
        readable: refs.has(ref),
      });
    }

    // A filter naming the hidden owner finds nothing either.
    const byOwner = await asUser(
      `/api/infra/overview?owner=${encodeURIComponent(HIDDEN_OWNER)}`,
    );
    expect(byOwner.body).toMatchObject({ items: [], total: 0 });
  });
});
