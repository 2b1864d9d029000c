import { deriveRto, drPatternFor } from './disasterRecovery';

describe('drPatternFor', () => {
  it.each([
    [4, 60, 'active-active'],
    [5, 60, 'warm-standby'],
    [15, 60, 'warm-standby'],
    [30, 60, 'pilot-light'],
    [240, 60, 'backup-restore'],
    [240, 5, 'pilot-light'],
    [240, 0, 'active-active'],
  ])('RTO %i min and RPO %i min -> %s in production', (rto, rpo, pattern) => {
    expect(drPatternFor('production', rto, rpo, 99.9).value).toBe(pattern);
  });

  it('keeps at least a warm standby for 99.99%', () => {
    expect(drPatternFor('production', 240, 240, 99.99).value).toBe(
      'warm-standby',
    );
  });

  it('restores non-production stages from backups', () => {
    expect(drPatternFor('staging', 5, 0, 99.99).value).toBe('backup-restore');
  });

  it('derives the RTO from the availability when none is given', () => {
    expect(deriveRto(99.99)).toMatchObject({ value: 15, origin: 'derived' });
    expect(deriveRto(99.9, 45)).toMatchObject({
      value: 45,
      origin: 'answered',
    });
  });
});
