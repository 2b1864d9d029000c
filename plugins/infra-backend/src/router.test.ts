import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createRouter } from './router';
import { summary } from './overview/testRows';
import {
  goodControls,
  prod,
  service,
  slo as sharedSlo,
} from '@plinth/backstage-plugin-infra-common/testUtils';

describe('createRouter', () => {
  let app: express.Express;
  const rows = [
    summary('alpha', { status: 'compliant', statuses: { soc2: 'compliant' } }),
    summary('bravo', {
      status: 'non-compliant',
      statuses: { 'pci-dss': 'non-compliant' },
    }),
    summary('charlie', { status: 'at-risk', statuses: { soc2: 'at-risk' } }),
  ];
  const get = jest.fn();
  const authorize = jest.fn();
  const authorizeConditional = jest.fn();

  beforeEach(async () => {
    get.mockReset();
    authorize
      .mockReset()
      .mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
    authorizeConditional
      .mockReset()
      .mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
    get.mockResolvedValue({
      rows,
      generatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: { authorize, authorizeConditional },
      catalog: catalogServiceMock(),
      summaries: { get },
    });
    app = express();
    app.use(router);
    app.use(mockErrorHandler());
  });

  it('GET /overview returns the first page, failures first', async () => {
    const res = await request(app).get('/overview');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual([
      'bravo',
      'charlie',
      'alpha',
    ]);
    expect(res.body).toMatchObject({
      total: 3,
      page: 1,
      pageSize: 20,
      generatedAt: '2026-01-01T00:00:00.000Z',
      facets: { frameworks: ['pci-dss', 'soc2'] },
    });
  });

  it('GET /overview filters by framework and status and pages', async () => {
    const res = await request(app).get(
      '/overview?framework=soc2&status=at-risk&page=1&pageSize=1',
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].name).toBe('charlie');
  });

  it('GET /overview rejects bad parameters with a 400 naming them', async () => {
    const res = await request(app).get('/overview?status=green');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('status'),
    });
  });

  it('GET /overview requires a caller', async () => {
    const res = await request(app)
      .get('/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(get).not.toHaveBeenCalled();
  });

  it('GET /overview answers an empty page, facets included, when catalog read is denied', async () => {
    authorizeConditional.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    const res = await request(app).get('/overview');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      items: [],
      total: 0,
      facets: { owners: [], systems: [], frameworks: [] },
    });
  });

  it('POST /plan needs the infra.plan permission', async () => {
    authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    const res = await request(app).post('/plan').send({ answers: {} });
    expect(res.status).toBe(403);
    expect(authorize).toHaveBeenCalledWith(
      [{ permission: expect.objectContaining({ name: 'infra.plan' }) }],
      expect.anything(),
    );
  });
});

describe('the per-service routes', () => {
  const payments = service('payments-api', { frameworks: 'soc2' });
  const entities = [
    payments,
    prod('payments-api', goodControls),
    sharedSlo('payments-api', 'availability', 0.999),
    service('other'),
  ];
  let app: express.Express;

  beforeEach(async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: {
        authorize: jest.fn(),
        authorizeConditional: jest.fn(),
      },
      catalog: catalogServiceMock({ entities }),
      summaries: { get: jest.fn() },
    });
    app = express();
    app.use(router);
    app.use(mockErrorHandler());
  });

  it('GET /slos/live reads the SLOs of the named service only', async () => {
    const res = await request(app).get(
      '/slos/live?entityRef=component:default/payments-api',
    );
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/payments-api');
    expect(res.body.slos).toHaveLength(1);
  });

  it('GET /compliance reads the environments of the named service', async () => {
    const res = await request(app).get(
      '/compliance?entityRef=component:default/payments-api',
    );
    expect(res.status).toBe(200);
    expect(res.body.environments).toEqual([
      { entityRef: 'resource:default/payments-api-prod', errors: [] },
    ]);
    expect(res.body.report.frameworks.map((f: any) => f.framework)).toEqual([
      'soc2',
    ]);
  });

  it.each(['/slos/live', '/compliance'])(
    'GET %s answers 404 for a service not in the catalog',
    async route => {
      const res = await request(app).get(
        `${route}?entityRef=component:default/missing`,
      );
      expect(res.status).toBe(404);
    },
  );
});
