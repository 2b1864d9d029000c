import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { keepReadable, readableRows } from './readable';
import { summary } from './testRows';

const rows = ['alpha', 'bravo', 'charlie'].map(name => ({
  ...summary(name),
  slos: [
    {
      ref: `slo:default/${name}-availability`,
      name: `${name}-availability`,
      target: 0.999,
      windowDays: 28,
    },
  ],
  issues: [
    {
      entityRef: `resource:default/${name}-prod`,
      path: 'spec',
      message: 'broken',
    },
  ],
}));

function permissions(result: AuthorizeResult) {
  return {
    authorize: jest.fn(),
    authorizeConditional: jest.fn(async () => [
      result === AuthorizeResult.CONDITIONAL
        ? {
            result,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: ['group:default/team'] },
            },
          }
        : { result },
    ]),
  };
}

/** A catalog that lets the caller read only the given refs, as a policy would. */
function catalog(readable: string[]) {
  const getEntitiesByRefs = jest.fn(async ({ entityRefs }) => ({
    items: entityRefs.map((ref: string) => {
      if (!readable.includes(ref)) return undefined;
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return { apiVersion: 'v1', kind, metadata: { namespace, name } };
    }),
  }));
  return { getEntitiesByRefs } as any;
}

describe('readableRows', () => {
  const credentials = mockCredentials.user();

  it('passes everything on ALLOW without asking the catalog', async () => {
    const c = catalog([]);
    const out = await readableRows(rows, {
      credentials,
      permissions: permissions(AuthorizeResult.ALLOW) as any,
      catalog: c,
    });
    expect(out).toBe(rows);
    expect(c.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('passes nothing on DENY', async () => {
    const out = await readableRows(rows, {
      credentials,
      permissions: permissions(AuthorizeResult.DENY) as any,
      catalog: catalog([]),
    });
    expect(out).toEqual([]);
  });

  it('asks the catalog, with the caller credentials, on a conditional decision', async () => {
    const c = catalog([
      'component:default/alpha',
      'component:default/charlie',
      'slo:default/alpha-availability',
      'resource:default/charlie-prod',
    ]);
    const out = await readableRows(rows, {
      credentials,
      permissions: permissions(AuthorizeResult.CONDITIONAL) as any,
      catalog: c,
    });
    expect(out.map(r => r.name)).toEqual(['alpha', 'charlie']);
    // Nested items naming a hidden entity go too.
    expect(out[0].slos.map(s => s.name)).toEqual(['alpha-availability']);
    expect(out[0].issues).toEqual([]);
    expect(out[1].slos).toEqual([]);
    expect(out[1].issues).toHaveLength(1);
    expect(c.getEntitiesByRefs).toHaveBeenCalledWith(expect.anything(), {
      credentials,
    });
  });
});

describe('keepReadable', () => {
  it('filters any array of items that name an entity, and keeps the rest', () => {
    const out = keepReadable(
      [
        {
          ref: 'component:default/a',
          evidence: [{ entityRef: 'resource:default/x' }, { note: 'kept' }],
          tags: ['x'],
        },
      ],
      ref => ref !== 'resource:default/x',
    );
    expect(out).toEqual([
      { ref: 'component:default/a', evidence: [{ note: 'kept' }], tags: ['x'] },
    ]);
  });
});
