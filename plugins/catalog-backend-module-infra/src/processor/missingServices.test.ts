import { MissingServices } from './missingServices';

describe('MissingServices', () => {
  function setup(existing: string[] | undefined) {
    let now = 0;
    const known = new Set(existing);
    const lookup = jest.fn(async (refs: string[]) =>
      existing ? new Set(refs.filter(r => known.has(r))) : undefined,
    );
    const check = new MissingServices({
      existing: lookup,
      graceMs: 60_000,
      now: () => now,
    });
    return {
      check,
      lookup,
      known,
      advance: (ms: number) => (now += ms),
    };
  }
  const refs = [
    { path: 'spec.dependencyOf', ref: 'component:default/payments-api' },
    { path: 'spec.dependencyOf', ref: 'component:default/gone' },
  ];

  it('reports a reference still missing after the grace period, naming the field', async () => {
    const { check, advance } = setup(['component:default/payments-api']);
    // First sighting: the service may simply not be stored yet.
    await expect(check.issues('resource:default/env', refs)).resolves.toEqual(
      [],
    );
    advance(59_999);
    await expect(check.issues('resource:default/env', refs)).resolves.toEqual(
      [],
    );
    advance(1);
    await expect(check.issues('resource:default/env', refs)).resolves.toEqual([
      {
        path: 'spec.dependencyOf',
        message: 'names component:default/gone, which is not in the catalog',
      },
    ]);
  });

  it('forgets a reference once its service arrives', async () => {
    const { check, advance, known } = setup([]);
    await check.issues('slo:default/a', refs.slice(1));
    advance(120_000);
    known.add('component:default/gone');
    await expect(check.issues('slo:default/a', refs.slice(1))).resolves.toEqual(
      [],
    );
    known.delete('component:default/gone');
    advance(1);
    // Missing again: a new grace period starts.
    await expect(check.issues('slo:default/a', refs.slice(1))).resolves.toEqual(
      [],
    );
  });

  it('reports nothing while the catalog cannot answer', async () => {
    const { check, advance } = setup(undefined);
    await check.issues('slo:default/a', refs);
    advance(120_000);
    await expect(check.issues('slo:default/a', refs)).resolves.toEqual([]);
  });

  it('asks nothing for an entity without service references', async () => {
    const { check, lookup } = setup([]);
    await expect(check.issues('slo:default/a', [])).resolves.toEqual([]);
    expect(lookup).not.toHaveBeenCalled();
  });
});
