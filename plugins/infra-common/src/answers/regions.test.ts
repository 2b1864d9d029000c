import { zoneCounts, MULTI_AZ_ZONES } from '../design/redundancy';
import { zonesOf } from './regions';

describe('zonesOf', () => {
  it('names the first zones of a region in each cloud', () => {
    expect(zonesOf('aws', 'eu-west-1', 2)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
    ]);
    expect(zonesOf('gcp', 'europe-west1', 3)).toHaveLength(3);
    expect(zonesOf('azure', 'westeurope', 3)).toEqual(['1', '2', '3']);
  });

  it('caps nothing itself: the count comes from zoneCounts, the one place that decides it', () => {
    expect(zoneCounts(true).network).toBe(MULTI_AZ_ZONES);
    expect(zonesOf('aws', 'eu-west-1', zoneCounts(true).network)).toHaveLength(
      MULTI_AZ_ZONES,
    );
    // Never more zones than the region has (eu-west-1: a, b and c).
    expect(zonesOf('aws', 'eu-west-1', 10)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
  });
});
