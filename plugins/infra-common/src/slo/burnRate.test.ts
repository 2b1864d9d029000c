import {
  MAX_ERROR_RATIO_THRESHOLD,
  burnRateAlerts,
  burnRateFactor,
  promDuration,
} from './burnRate';

describe('burnRateAlerts', () => {
  it('uses the SRE Workbook factors over 30 days: 14.4, 6, 3, 1', () => {
    const alerts = burnRateAlerts(99.9, 30);
    expect(alerts.map(a => a.factor)).toEqual(
      [14.4, 6, 3, 1].map(f => expect.closeTo(f, 12)),
    );
    expect(alerts.map(a => [a.severity, a.longWindow, a.shortWindow])).toEqual([
      ['page', '1h', '5m'],
      ['page', '6h', '30m'],
      ['ticket', '1d', '2h'],
      ['ticket', '3d', '6h'],
    ]);
  });

  it('scales the factors to 28 days: 13.44, 5.6, 2.8, 0.933', () => {
    const factors = burnRateAlerts(99.95, 28).map(a =>
      Number(a.factor.toFixed(3)),
    );
    expect(factors).toEqual([13.44, 5.6, 2.8, 0.933]);
  });

  it('sets the error-ratio threshold to factor x budget', () => {
    const [pageQuick] = burnRateAlerts(99.9, 30);
    expect(pageQuick.errorRatioThreshold).toBeCloseTo(0.0144, 12);
  });

  it('caps the threshold at 0.99 when an objective is so low the tier would need every request to fail', () => {
    // 90% over 30 days: page-quick would need 14.4 x 0.1 = 144% errors.
    const thresholds = burnRateAlerts(90, 30).map(a => a.errorRatioThreshold);
    expect(thresholds).toEqual([
      MAX_ERROR_RATIO_THRESHOLD,
      0.6,
      0.3,
      expect.closeTo(0.1, 12),
    ]);
  });

  it('works for any window in days', () => {
    expect(burnRateFactor(2, 7, 60)).toBeCloseTo(3.36, 12);
  });

  it('writes Prometheus durations', () => {
    expect([5, 60, 360, 1440, 4320, 90].map(promDuration)).toEqual([
      '5m',
      '1h',
      '6h',
      '1d',
      '3d',
      '90m',
    ]);
  });
});
