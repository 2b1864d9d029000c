import { historyStepSeconds, readSlo } from './reading';
import {
  CARD_SERIES_REGEX,
  durationMinutes,
  seriesKeys,
  seriesOf,
  slothSelector,
} from './sloth';
import type { PromSample } from './types';

const labels = {
  sloth_service: 'payments-api',
  sloth_slo: 'payments-api-availability',
};
const ratio = (window: string, value: number): PromSample => ({
  metric: {
    __name__: `slo:sli_error:ratio_rate${window}`,
    ...labels,
    sloth_window: window,
  },
  value,
});
const meta = (name: string, value: number): PromSample => ({
  metric: { __name__: name, ...labels },
  value,
});
const slo = { target: 0.9995, windowDays: 28 };

describe('readSlo', () => {
  it('reads SLI, budget and burn rates from the Sloth series of a 28-day SLO', () => {
    const reading = readSlo(
      [
        ratio('5m', 0.01),
        ratio('1h', 0.002),
        ratio('4w', 0.0001),
        meta('slo:objective:ratio', 0.9995),
        meta('slo:error_budget:ratio', 0.0005),
        meta('slo:period_error_budget_remaining:ratio', 0.8),
      ],
      slo,
    )!;
    expect(reading.sli).toBeCloseTo(0.9999, 12);
    expect(reading.budgetRemaining).toBe(0.8);
    // 0.05% of 40,320 minutes = 20.16 minutes, 80% of it left
    expect(reading.budgetMinutes).toBeCloseTo(20.16, 9);
    expect(reading.budgetRemainingMinutes).toBeCloseTo(16.128, 9);
    expect(reading.status).toBe('healthy');
    expect(reading.burnRates.map(b => [b.window, b.burnRate])).toEqual([
      ['5m', expect.closeTo(20, 9)],
      ['1h', expect.closeTo(4, 9)],
    ]);
  });

  it('derives the remaining budget from the period ratio when the meta rule is absent', () => {
    const reading = readSlo([ratio('30d', 0.002)], {
      target: 0.999,
      windowDays: 30,
    })!;
    expect(reading.budgetRemaining).toBeCloseTo(-1, 9);
    expect(reading.status).toBe('exhausted');
    expect(reading.budgetRemainingMinutes).toBeCloseTo(-43.2, 9);
  });

  it('leaves out windows without traffic (NaN) and calls a small budget low', () => {
    const reading = readSlo(
      [ratio('5m', NaN), meta('slo:period_error_budget_remaining:ratio', 0.1)],
      slo,
    )!;
    expect(reading.burnRates).toEqual([]);
    expect(reading.sli).toBeUndefined();
    expect(reading.status).toBe('low');
  });

  it('has no reading without the budget or the period ratio', () => {
    expect(readSlo([ratio('5m', 0.01)], slo)).toBeUndefined();
  });
});

describe('Sloth names', () => {
  it('finds an SLO entity by its service and its name as sloth_id or sloth_slo', () => {
    const ids = {
      sloth_service: 'svc01',
      sloth_id: 'svc01-slo1',
      sloth_slo: 'slo1',
    };
    expect(seriesOf(ids, 'svc01', 'svc01-slo1')).toBe(true);
    expect(seriesOf(ids, 'svc01', 'slo1')).toBe(true);
    expect(seriesOf(ids, 'svc02', 'svc01-slo1')).toBe(false);
    expect(seriesKeys(ids)).toEqual([
      'svc01\u0000svc01-slo1',
      'svc01\u0000slo1',
    ]);
  });

  it('escapes label values as PromQL string literals', () => {
    expect(slothSelector('a|b', { sloth_service: 'x"} or vector(1) #' })).toBe(
      '{__name__=~"a|b",sloth_service="x\\"} or vector(1) #"}',
    );
    expect(CARD_SERIES_REGEX).toContain('slo:sli_error:ratio_rate.+');
  });

  it('reads Sloth window durations', () => {
    expect(['5m', '1h', '3d', '4w', '30d'].map(durationMinutes)).toEqual([
      5, 60, 4320, 40320, 43200,
    ]);
    expect(durationMinutes('1h30m')).toBeUndefined();
  });
});

describe('historyStepSeconds', () => {
  it('keeps a window within 250 points on a nice step', () => {
    expect(historyStepSeconds(28)).toBe(10800); // 224 points of 3 h
    expect(historyStepSeconds(30)).toBe(10800); // 240 points
    expect(historyStepSeconds(1)).toBe(900);
  });
});
