import { errorBudget, windowDays } from './errorBudget';

describe('errorBudget', () => {
  it('gives 20.16 minutes for 99.95% over 28 days', () => {
    expect(errorBudget(99.95, 28)).toEqual({ ratio: 0.0005, minutes: 20.16 });
  });

  it('gives 43.2 minutes for 99.9% over 30 days and 4.32 for 99.99%', () => {
    expect(errorBudget(99.9, 30).minutes).toBe(43.2);
    expect(errorBudget(99.99, 30).minutes).toBe(4.32);
  });

  it('reads window durations in days', () => {
    expect(windowDays('28d')).toBe(28);
    expect(windowDays('30d')).toBe(30);
    expect(() => windowDays('4w')).toThrow(/number of days/);
  });
});
