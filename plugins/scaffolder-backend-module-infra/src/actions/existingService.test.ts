/*
 * New versus existing (issue 16, acceptance 3 at the action level): every create step
 * refuses a service already in the catalog, before writing anything, and the catalog is
 * unchanged afterwards.
 */
import fs from 'node:fs';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { service } from '@plinth/backstage-plugin-infra-common/testUtils';
import { createInfraServiceAssertNewAction } from './assertNew';
import { createInfraPublishLocalAction } from './publishLocal';
import { createInfraCatalogRegisterLocalAction } from './registerLocal';

const existing: Entity = service('payments-api', {
  annotations: {
    'backstage.io/managed-by-location':
      'url:https://github.com/acme/payments/blob/main/catalog-info.yaml',
  },
});

const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
spec: { type: service, owner: group:default/payments }
`;

describe('creating a service whose name exists', () => {
  const mockDir = createMockDirectory();
  const localDirectory = mockDir.resolve('repositories');
  const workspacePath = mockDir.resolve('workspace');
  const config = new ConfigReader({ plinth: { publish: { localDirectory } } });

  function catalogWith(entities: Entity[]) {
    const catalog = catalogServiceMock({ entities });
    jest.spyOn(catalog, 'refreshEntity');
    return catalog;
  }
  const snapshot = async (catalog: ReturnType<typeof catalogWith>) =>
    (await catalog.getEntities({}, { credentials: {} as any })).items;

  beforeEach(() => {
    fs.rmSync(mockDir.path, { recursive: true, force: true });
    mockDir.setContent({
      workspace: { 'catalog-info.yaml': catalogInfo, 'README.md': '# x\n' },
      repositories: {},
    });
  });

  it('infra:service:assert-new refuses an existing entity, with the task credentials', async () => {
    const catalog = catalogWith([existing]);
    const spy = jest.spyOn(catalog, 'getEntityByRef');
    const action = createInfraServiceAssertNewAction({ config, catalog });
    const ctx = createMockActionContext({
      input: { name: 'payments-api', repoName: 'payments-api-infra' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'component:default/payments-api already exists in the catalog (from url:https://github.com/acme/payments/blob/main/catalog-info.yaml)',
    );
    expect(spy).toHaveBeenCalledWith('component:default/payments-api', {
      credentials: await ctx.getInitiatorCredentials(),
    });
    expect(await snapshot(catalog)).toEqual([existing]);
  });

  it('infra:service:assert-new refuses an existing repository folder, and passes a new service', async () => {
    const catalog = catalogWith([]);
    const action = createInfraServiceAssertNewAction({ config, catalog });
    fs.mkdirSync(mockDir.resolve('repositories/payments-api-infra'));
    await expect(
      action.handler(
        createMockActionContext({
          input: { name: 'payments-api', repoName: 'payments-api-infra' },
          workspacePath,
        }),
      ),
    ).rejects.toThrow(/A repository named payments-api-infra already exists/);
    const ok = createMockActionContext({
      input: { name: 'orders-api', repoName: 'orders-api-infra' },
      workspacePath,
    });
    await action.handler(ok);
    expect(ok.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders-api',
    );
  });

  it('infra:publish:local refuses an existing entity before writing anything', async () => {
    const catalog = catalogWith([existing]);
    const action = createInfraPublishLocalAction({ config, catalog });
    await expect(
      action.handler(
        createMockActionContext({
          input: { repoName: 'payments-api-infra' },
          workspacePath,
        }),
      ),
    ).rejects.toThrow(
      /component:default\/payments-api already exists in the catalog/,
    );
    expect(fs.readdirSync(localDirectory)).toEqual([]);
    expect(await snapshot(catalog)).toEqual([existing]);
  });

  it('infra:catalog:register-local refuses an existing entity from elsewhere: no refresh, catalog unchanged', async () => {
    mockDir.setContent({
      repositories: {
        'payments-api-infra': { 'catalog-info.yaml': catalogInfo },
      },
    });
    const catalog = catalogWith([existing]);
    const action = createInfraCatalogRegisterLocalAction({
      config,
      catalog,
      pollIntervalMs: 1,
    });
    await expect(
      action.handler(
        createMockActionContext({
          input: { repoName: 'payments-api-infra' },
          workspacePath,
        }),
      ),
    ).rejects.toThrow(/already exists in the catalog/);
    expect(catalog.refreshEntity).not.toHaveBeenCalled();
    expect(await snapshot(catalog)).toEqual([existing]);
  });

  it('infra:catalog:register-local goes on when the entity is the one this repository registered (a replay)', async () => {
    mockDir.setContent({
      repositories: {
        'payments-api-infra': { 'catalog-info.yaml': catalogInfo },
      },
    });
    const ours: Entity = {
      ...existing,
      metadata: {
        ...existing.metadata,
        annotations: {
          'backstage.io/managed-by-location': `file:${mockDir.resolve(
            'repositories/payments-api-infra/catalog-info.yaml',
          )}`,
        },
      },
    };
    const catalog = catalogWith([ours]);
    (catalog.refreshEntity as jest.Mock).mockResolvedValue(undefined);
    const action = createInfraCatalogRegisterLocalAction({
      config,
      catalog,
      pollIntervalMs: 1,
    });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api-infra' },
      workspacePath,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/payments-api',
    );
  });
});
