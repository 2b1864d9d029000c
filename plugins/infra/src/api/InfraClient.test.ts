import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { planFromInput } from '@plinth/backstage-plugin-infra-common';
import { InfraClient } from './InfraClient';

const server = setupServer();
registerMswTestHooks(server);

const client = new InfraClient({
  discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage' }),
  fetchApi: { fetch: (input: any, init?: any) => fetch(input, init) },
});

const answers = {
  service: { name: 'payments-api', owner: 'group:default/payments' },
};

describe('InfraClient.plan', () => {
  it('posts the answers and returns the plan', async () => {
    const planned = planFromInput(answers);
    if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
    const { design, warnings, compliance, cost } = planned;
    let received: unknown;
    let contentType: string | null = null;
    server.use(
      http.post('http://backstage/api/infra/plan', async ({ request }) => {
        received = await request.json();
        contentType = request.headers.get('content-type');
        return HttpResponse.json({ design, warnings, compliance, cost });
      }),
    );

    await expect(client.plan(answers)).resolves.toEqual({
      ok: true,
      plan: { design, warnings, compliance, cost },
    });
    expect(received).toEqual({ answers });
    expect(contentType).toBe('application/json');
  });

  it('returns the issues of answers the planner rejects, by dotted path', async () => {
    const issues = [
      { path: 'service.name', message: 'must be 3-40 characters' },
      {
        path: 'topology.primaryRegion',
        message: 'eu residency allows eu-west-1, eu-central-1',
      },
    ];
    server.use(
      http.post('http://backstage/api/infra/plan', () =>
        HttpResponse.json(
          {
            issues,
            error: { name: 'InputError', message: 'invalid answers' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    await expect(client.plan(answers)).resolves.toEqual({
      ok: false,
      issues,
    });
  });

  it.each([
    ['no issues', { error: { name: 'InputError', message: 'bad request' } }],
    ['empty issues', { issues: [], error: { name: 'E', message: 'empty' } }],
    ['malformed issues', { issues: [{ path: 3 }] }],
  ])('throws a ResponseError for a 400 with %s', async (_, body) => {
    server.use(
      http.post('http://backstage/api/infra/plan', () =>
        HttpResponse.json(body, { status: 400 }),
      ),
    );

    const error = await client.plan(answers).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
  });

  it('throws a ResponseError carrying the server message on a failure', async () => {
    server.use(
      http.post('http://backstage/api/infra/plan', () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'planner crashed' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );

    const error = await client.plan(answers).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
    // The server's own message is the cause, which ResponseErrorPanel shows.
    expect(error.cause.message).toBe('planner crashed');
  });
});

describe('InfraClient change flow', () => {
  const stored = {
    answers,
    generation: { plinthVersion: '0.1.0', designVersion: '1' },
    source: { type: 'local', target: 'payments-api-infra' },
  };

  it('reads the stored answers of a managed service by namespace and name', async () => {
    server.use(
      http.get(
        'http://backstage/api/infra/services/default/payments-api/change',
        () => HttpResponse.json(stored),
      ),
    );
    await expect(
      client.getServiceChange('component:default/payments-api'),
    ).resolves.toEqual(stored);
  });

  it('says a service Plinth does not manage has no change flow (404)', async () => {
    server.use(
      http.get(
        'http://backstage/api/infra/services/default/legacy-api/change',
        () => HttpResponse.json({ error: {} }, { status: 404 }),
      ),
    );
    await expect(
      client.getServiceChange('component:default/legacy-api'),
    ).resolves.toBeUndefined();
  });

  it('throws on any other failure of the change read', async () => {
    server.use(
      http.get(
        'http://backstage/api/infra/services/default/payments-api/change',
        () => HttpResponse.json({ error: {} }, { status: 500 }),
      ),
    );
    await expect(
      client.getServiceChange('component:default/payments-api'),
    ).rejects.toBeInstanceOf(ResponseError);
  });

  it('previews new answers, or returns the issues of invalid ones', async () => {
    const preview = {
      decisions: { added: [], changed: [], removed: [] },
      cost: [],
      compliance: [],
      files: { added: [], changed: ['README.md'], removed: [], conflicts: [] },
    };
    let received: unknown;
    server.use(
      http.post(
        'http://backstage/api/infra/services/default/payments-api/change/preview',
        async ({ request }) => {
          received = await request.json();
          return HttpResponse.json(preview);
        },
      ),
    );
    await expect(
      client.previewChange('component:default/payments-api', answers),
    ).resolves.toEqual({ ok: true, preview });
    expect(received).toEqual({ answers });

    const issues = [
      { path: 'slos.availability', message: 'must be below 100' },
    ];
    server.use(
      http.post(
        'http://backstage/api/infra/services/default/payments-api/change/preview',
        () => HttpResponse.json({ issues }, { status: 400 }),
      ),
    );
    await expect(
      client.previewChange('component:default/payments-api', answers),
    ).resolves.toEqual({ ok: false, issues });
  });
});
