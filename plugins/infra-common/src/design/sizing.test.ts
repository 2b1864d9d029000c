import { autoscalingFor, headroomFor, sizeClassFor } from './sizing';

describe('sizing', () => {
  it('adds more headroom for spikier traffic', () => {
    expect(
      ['batch', 'steady', 'diurnal', 'spiky'].map(
        p => headroomFor(p as any).value,
      ),
    ).toEqual([1.2, 1.3, 1.5, 2]);
  });

  it('sizes production from the peak, staging one class below, dev smallest', () => {
    expect(sizeClassFor('production', 1200).value).toBe('medium');
    expect(sizeClassFor('staging', 1200).value).toBe('small');
    expect(sizeClassFor('development', 50000).value).toBe('small');
  });

  const prod = {
    stage: 'production' as const,
    workloadType: 'http-api' as const,
    peakRps: 1200,
    headroom: 1.5,
    vcpu: 2,
    zoneSpread: 3,
  };

  it('derives replicas from the peak with one replica per zone at least', () => {
    expect(autoscalingFor(prod).value).toEqual({ min: 3, max: 9 });
    expect(autoscalingFor({ ...prod, peakRps: 0 }).value).toEqual({
      min: 3,
      max: 6,
    });
  });

  it('raises an answered minimum below the zone floor and says why', () => {
    const result = autoscalingFor({ ...prod, answered: { min: 1, max: 4 } });
    expect(result.value).toEqual({ min: 3, max: 4 });
    expect(result.origin).toBe('derived');
    expect(result.reason).toMatch(/raised to 3/);
  });

  it('keeps an answered range that respects the floor', () => {
    expect(
      autoscalingFor({ ...prod, answered: { min: 3, max: 12 } }),
    ).toMatchObject({ value: { min: 3, max: 12 }, origin: 'answered' });
  });
});
