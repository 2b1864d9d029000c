import {
  decideMultiAz,
  decideRegions,
  pickSecondaryRegion,
} from './redundancy';

describe('redundancy', () => {
  it('makes production multi-AZ from 99.9% and keeps other stages in one zone', () => {
    expect(decideMultiAz('production', 99.95).value).toBe(true);
    expect(decideMultiAz('production', 99.5).value).toBe(false);
    expect(decideMultiAz('staging', 99.99).value).toBe(false);
  });

  const base = {
    stage: 'production' as const,
    drPattern: 'backup-restore' as const,
    answered: undefined,
    cloud: 'aws' as const,
    residency: 'eu' as const,
    primary: 'eu-west-1',
  };

  it('adds a second region in the same residency for 99.99%', () => {
    const plan = decideRegions({ ...base, availability: 99.99 });
    expect(plan.multiRegion.value).toBe(true);
    expect(plan.secondary).toEqual(['eu-central-1']);
  });

  it('stays in one region for 99.95% with backup-restore recovery', () => {
    expect(decideRegions({ ...base, availability: 99.95 }).secondary).toEqual(
      [],
    );
  });

  it('reports a shortfall when the user keeps 99.99% in one region', () => {
    const plan = decideRegions({
      ...base,
      availability: 99.99,
      multiRegionAnswer: false,
    });
    expect(plan).toMatchObject({ secondary: [], shortfall: 'user-declined' });
  });

  it('reports a shortfall when the residency has a single region', () => {
    const plan = decideRegions({
      ...base,
      availability: 99.99,
      residency: 'uk',
      primary: 'eu-west-2',
    });
    expect(plan).toMatchObject({
      secondary: [],
      shortfall: 'no-region-available',
    });
  });

  it('picks a secondary region inside the residency', () => {
    expect(pickSecondaryRegion('gcp', 'us', 'us-central1')).toBe('us-east1');
    expect(pickSecondaryRegion('azure', 'any', 'westeurope')).toBe(
      'northeurope',
    );
  });
});
