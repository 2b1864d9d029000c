import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createInfraCatalogRegisterLocalAction,
  localRepositoriesLocation,
} from './registerLocal';

const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: payments-api-prod
spec: { type: environment }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
spec: { type: service }
`;

describe('infra:catalog:register-local', () => {
  const mockDir = createMockDirectory();
  const config = new ConfigReader({
    plinth: { publish: { localDirectory: mockDir.resolve('repositories') } },
  });
  const locationRef = `location:default/${locationSpecToMetadataName({
    type: 'file',
    target: mockDir.resolve('repositories/*/catalog-info.yaml'),
  })}`;
  const locationEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: locationRef.split('/')[1] },
    spec: { type: 'file', target: '' },
  };

  /** Runs the action for payments-api: the location it refreshed and the entity it output. */
  async function register(catalog: ReturnType<typeof catalogServiceMock.mock>) {
    const action = createInfraCatalogRegisterLocalAction({
      config,
      catalog,
      pollIntervalMs: 5,
    });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath: mockDir.resolve('workspace'),
    });
    await action.handler(ctx);
    return {
      refreshed: catalog.refreshEntity.mock.calls.map(([ref]) => ref),
      entityRef: jest
        .mocked(ctx.output)
        .mock.calls.find(([name]) => name === 'entityRef')?.[1],
    };
  }
  const registered = {
    refreshed: [locationRef],
    entityRef: 'component:default/payments-api',
  };

  beforeEach(() => {
    mockDir.setContent({
      repositories: { 'payments-api': { 'catalog-info.yaml': CATALOG_INFO } },
      workspace: { 'catalog-info.yaml': CATALOG_INFO },
    });
  });

  it('declares the glob location that app-config must hold', () => {
    expect(localRepositoriesLocation(config)).toEqual({
      type: 'file',
      target: mockDir.resolve('repositories/*/catalog-info.yaml'),
    });
  });

  it('refreshes the local location and waits for the component', async () => {
    const catalog = catalogServiceMock.mock();
    const known = new Set([locationRef]);
    catalog.getEntityByRef.mockImplementation(async ref =>
      known.has(ref as string) ? (locationEntity as any) : undefined,
    );
    // The component shows up once the catalog has processed the location.
    catalog.refreshEntity.mockImplementation(async () => {
      setTimeout(() => known.add('component:default/payments-api'), 20);
    });
    expect(await register(catalog)).toEqual(registered);
  });

  it('refreshes the location even before it is an entity (first repository ever)', async () => {
    // The folder did not exist when the catalog first read the location, so the location
    // is not an entity yet; the refresh must still be asked for.
    const catalog = catalogServiceMock.mock();
    let refreshed = false;
    catalog.refreshEntity.mockImplementation(async () => {
      refreshed = true;
    });
    catalog.getEntityByRef.mockImplementation(async ref =>
      refreshed && ref === 'component:default/payments-api'
        ? ({ kind: 'Component' } as any)
        : undefined,
    );
    expect(await register(catalog)).toEqual(registered);
  });

  it('says which location to configure when the catalog has none', async () => {
    const catalog = catalogServiceMock.mock();
    catalog.getEntityByRef.mockResolvedValue(undefined);
    catalog.refreshEntity.mockRejectedValue(
      new NotFoundError(`Failed to schedule ${locationRef} for refresh`),
    );
    const action = createInfraCatalogRegisterLocalAction({ config, catalog });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath: mockDir.resolve('workspace'),
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      `target: ${mockDir.resolve('repositories/*/catalog-info.yaml')}`,
    );
  });

  it('passes other catalog failures on unchanged', async () => {
    const catalog = catalogServiceMock.mock();
    catalog.refreshEntity.mockRejectedValue(new Error('catalog unavailable'));
    const action = createInfraCatalogRegisterLocalAction({ config, catalog });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath: mockDir.resolve('workspace'),
    });

    await expect(action.handler(ctx)).rejects.toThrow('catalog unavailable');
  });

  it('fails with a pointer to processing errors when the entity never appears', async () => {
    const catalog = catalogServiceMock.mock();
    catalog.getEntityByRef.mockImplementation(async ref =>
      ref === locationRef ? (locationEntity as any) : undefined,
    );
    const action = createInfraCatalogRegisterLocalAction({
      config,
      catalog,
      pollIntervalMs: 5,
    });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api', timeoutSeconds: 0.05 },
      workspacePath: mockDir.resolve('workspace'),
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'component:default/payments-api did not appear in the catalog',
    );
  });

  it('in a dry run reads the workspace and changes nothing in the catalog', async () => {
    mockDir.setContent({ workspace: { 'catalog-info.yaml': CATALOG_INFO } });
    const catalog = catalogServiceMock.mock();
    const action = createInfraCatalogRegisterLocalAction({ config, catalog });
    const ctx = {
      ...createMockActionContext({
        input: { repoName: 'payments-api' },
        workspacePath: mockDir.resolve('workspace'),
      }),
      isDryRun: true,
    };

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/payments-api',
    );
    expect(catalog.refreshEntity).not.toHaveBeenCalled();
    // Only the lookup that refuses a name already taken (existingService.test.ts).
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
  });

  it('rejects a repository name that could leave the folder', async () => {
    const action = createInfraCatalogRegisterLocalAction({
      config,
      catalog: catalogServiceMock.mock(),
    });
    const ctx = createMockActionContext({
      input: { repoName: '../etc' },
      workspacePath: mockDir.resolve('workspace'),
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'must be 3-46 characters',
    );
  });
});
