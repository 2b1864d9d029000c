import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { infraPlugin } from './plugin';
import {
  exampleAnswers,
  goodControls,
  prod,
  service,
  slo,
} from '@plinth/backstage-plugin-infra-common/testUtils';

const validAnswers = exampleAnswers;

describe('infra backend plugin', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        infraPlugin,
        catalogServiceMock.factory({
          entities: [
            service('payments-api', { frameworks: 'pci-dss' }),
            prod('payments-api', goodControls),
            slo('payments-api', 'availability', 0.9995),
            service('search', {
              owner: 'group:default/discovery',
              system: 'system:default/search',
            }),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'website' },
              spec: { type: 'website', owner: 'group:default/web' },
            },
          ],
        }),
      ],
    });
    return server;
  }

  it('serves the overview of every service Component from the catalog', async () => {
    const server = await start();
    const res = await request(server).get('/api/infra/overview');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const payments = res.body.items.find(
      (i: { name: string }) => i.name === 'payments-api',
    );
    expect(payments).toMatchObject({
      environmentCount: 1,
      slos: [{ target: 0.9995, windowDays: 28 }],
      frameworks: [{ id: 'pci-dss', status: 'compliant' }],
      status: 'compliant',
    });
    const owners = await request(server).get(
      '/api/infra/overview?owner=group:default/discovery',
    );
    expect(owners.body.items.map((i: { name: string }) => i.name)).toEqual([
      'search',
    ]);
  });

  it('plans valid answers', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/infra/plan')
      .send({ answers: validAnswers });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'compliance',
      'cost',
      'design',
      'warnings',
    ]);
  });

  it('names each invalid answer by its dotted path', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/infra/plan')
      .send({
        answers: {
          ...validAnswers,
          service: { ...validAnswers.service, name: 'Not A Name' },
        },
      });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'service.name' }),
      ]),
    );
    expect(res.body.error.name).toBe('InputError');

    const missing = await request(server).post('/api/infra/plan').send({});
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toEqual([
      { path: 'answers', message: 'is required' },
    ]);
  });

  it('refuses unauthenticated callers', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/infra/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
