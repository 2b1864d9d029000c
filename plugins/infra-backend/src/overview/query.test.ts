import { InputError } from '@backstage/errors';
import { applyOverviewQuery, parseOverviewQuery, worstStatus } from './query';
import { summary } from './testRows';

const at = new Date('2026-01-01T00:00:00Z');

const rows = [
  summary('alpha', {
    owner: 'group:default/a',
    system: 'shop',
    status: 'compliant',
    statuses: { soc2: 'compliant' },
  }),
  summary('bravo', {
    owner: 'group:default/b',
    system: 'shop',
    status: 'non-compliant',
    statuses: { soc2: 'compliant', 'pci-dss': 'non-compliant' },
  }),
  summary('charlie', {
    owner: 'group:default/a',
    system: 'billing',
    title: 'Charlie Payments',
    status: 'at-risk',
    statuses: { gdpr: 'at-risk' },
  }),
  summary('delta', {
    owner: 'group:default/b',
    status: 'unknown',
    issues: [
      {
        entityRef: 'resource:default/delta-prod',
        path: 'spec.environment.stage',
        message: 'expected one of development, staging, production',
      },
    ],
  }),
  summary('echo', { owner: 'group:default/b', status: 'unknown' }),
];

const names = (page: ReturnType<typeof applyOverviewQuery>) =>
  page.items.map(i => i.name);

describe('parseOverviewQuery', () => {
  it('fills defaults: failures first, first page of 20', () => {
    expect(parseOverviewQuery({})).toEqual({
      sort: 'failures',
      order: 'asc',
      page: 1,
      pageSize: 20,
      hasIssues: undefined,
    });
  });

  it('reads every parameter', () => {
    expect(
      parseOverviewQuery({
        owner: 'group:default/a',
        system: 'shop',
        framework: 'soc2',
        status: 'at-risk',
        hasIssues: 'true',
        q: ' pay ',
        sort: 'owner',
        order: 'desc',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      owner: 'group:default/a',
      system: 'shop',
      framework: 'soc2',
      status: 'at-risk',
      hasIssues: true,
      q: 'pay',
      sort: 'owner',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
  });

  it('names each bad parameter', () => {
    expect(() =>
      parseOverviewQuery({ status: 'green', pageSize: '100000', page: '0' }),
    ).toThrow(InputError);
    expect(() => parseOverviewQuery({ status: 'green' })).toThrow(/status/);
    expect(() => parseOverviewQuery({ pageSize: '100000' })).toThrow(
      /pageSize/,
    );
  });
});

describe('worstStatus', () => {
  it('ranks non compliant over at risk over unknown over compliant', () => {
    expect(worstStatus(['compliant', 'at-risk'])).toBe('at-risk');
    expect(worstStatus(['unknown', 'compliant'])).toBe('unknown');
    expect(worstStatus(['at-risk', 'non-compliant', 'unknown'])).toBe(
      'non-compliant',
    );
    expect(worstStatus([])).toBe('unknown');
  });
});

describe('applyOverviewQuery', () => {
  it('puts failures first, broken data first among equals, then by name', () => {
    const page = applyOverviewQuery(rows, parseOverviewQuery({}), at);
    expect(names(page)).toEqual(['bravo', 'charlie', 'delta', 'echo', 'alpha']);
    expect(page.total).toBe(5);
    expect(page.generatedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('sorts failures first by the chosen framework when filtering by it', () => {
    const page = applyOverviewQuery(
      rows,
      parseOverviewQuery({ framework: 'soc2' }),
      at,
    );
    expect(names(page)).toEqual(['alpha', 'bravo']);
  });

  it('filters by overall status, or by a framework status', () => {
    expect(
      names(
        applyOverviewQuery(rows, parseOverviewQuery({ status: 'unknown' }), at),
      ),
    ).toEqual(['delta', 'echo']);
    expect(
      names(
        applyOverviewQuery(
          rows,
          parseOverviewQuery({ framework: 'soc2', status: 'compliant' }),
          at,
        ),
      ),
    ).toEqual(['alpha', 'bravo']);
  });

  it('filters by owner, system, issues and search text', () => {
    const q = (raw: Record<string, string>) =>
      names(applyOverviewQuery(rows, parseOverviewQuery(raw), at));
    expect(q({ owner: 'group:default/a' })).toEqual(['charlie', 'alpha']);
    expect(q({ system: 'shop' })).toEqual(['bravo', 'alpha']);
    expect(q({ hasIssues: 'true' })).toEqual(['delta']);
    expect(q({ q: 'PAYMENTS' })).toEqual(['charlie']);
    expect(q({ q: 'billing' })).toEqual(['charlie']);
  });

  it('pages and reports the total of every match', () => {
    const page = applyOverviewQuery(
      rows,
      parseOverviewQuery({ sort: 'name', page: '2', pageSize: '2' }),
      at,
    );
    expect(names(page)).toEqual(['charlie', 'delta']);
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
  });

  it('sorts descending', () => {
    const page = applyOverviewQuery(
      rows,
      parseOverviewQuery({ sort: 'name', order: 'desc' }),
      at,
    );
    expect(names(page)).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);
  });

  it('offers filter values from every service, not only the page', () => {
    const page = applyOverviewQuery(
      rows,
      parseOverviewQuery({ pageSize: '1' }),
      at,
    );
    expect(page.facets).toEqual({
      owners: ['group:default/a', 'group:default/b'],
      systems: ['billing', 'shop'],
      frameworks: ['gdpr', 'pci-dss', 'soc2'],
    });
  });

  it('covers every one of 5,000 services in failures-first order', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      summary(`svc-${String(i).padStart(4, '0')}`, {
        status: i === 4999 ? 'non-compliant' : 'compliant',
      }),
    );
    const page = applyOverviewQuery(many, parseOverviewQuery({}), at);
    expect(page.items[0].name).toBe('svc-4999');
    expect(page.total).toBe(5000);
    const failing = applyOverviewQuery(
      many,
      parseOverviewQuery({ status: 'non-compliant' }),
      at,
    );
    expect(failing.total).toBe(1);
  });
});

describe('live SLO columns', () => {
  const liveRows = [
    summary('spent', { live: { budgetRemaining: -0.2, burning: false } }),
    summary('burning', { live: { budgetRemaining: 0.6, burning: true } }),
    summary('fine', { live: { budgetRemaining: 0.9, burning: false } }),
    summary('unmeasured'),
  ];
  const liveNames = (raw: Record<string, string>) =>
    applyOverviewQuery(
      liveRows,
      parseOverviewQuery(raw),
      new Date(0),
    ).items.map(r => r.name);

  it('sorts by budget remaining, least first, services without live data last', () => {
    expect(liveNames({ sort: 'budget' })).toEqual([
      'spent',
      'burning',
      'fine',
      'unmeasured',
    ]);
  });

  it('sorts the services burning now first', () => {
    expect(liveNames({ sort: 'burning' })[0]).toBe('burning');
  });

  it('filters the services with an SLO out of budget', () => {
    expect(liveNames({ outOfBudget: 'true' })).toEqual(['spent']);
  });
});
