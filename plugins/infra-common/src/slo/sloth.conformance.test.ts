/*
 * Conformance with Sloth (github.com/slok/sloth, see PAIRS.md in the reference folder):
 * its google-28d/google-30d alert windows and the factors in its expected rule output must
 * equal ours, to the last floating-point digit.
 */
import { parse } from 'yaml';
// Tests run in Node; the rule for missing reference data is written once, in test-support.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { readReference, referencePath } from '@plinth/test-support';
import { burnRateAlerts, promDuration } from './burnRate';

const dir = referencePath('sloth');

interface SlothWindow {
  errorBudgetPercent: number;
  shortWindow: string;
  longWindow: string;
}

function minutes(duration: string): number {
  const match = /^(\d+)([mhdw])$/.exec(duration)!;
  const unit = { m: 1, h: 60, d: 1440, w: 10080 }[
    match[2] as 'm' | 'h' | 'd' | 'w'
  ];
  return Number(match[1]) * unit;
}

(dir ? describe : describe.skip)('burn-rate windows against Sloth', () => {
  it.each([
    ['google-28d-windows.yaml', 28],
    ['google-30d-windows.yaml', 30],
  ])('matches %s', (file, days) => {
    const spec = parse(readReference('sloth', file)).spec;
    expect(spec.sloPeriod).toBe(`${days}d`);
    const sloth: Array<[string, SlothWindow]> = [
      ['page-quick', spec.page.quick],
      ['page-slow', spec.page.slow],
      ['ticket-quick', spec.ticket.quick],
      ['ticket-slow', spec.ticket.slow],
    ];
    const ours = burnRateAlerts(99.9, days);
    expect(ours.map(a => a.name)).toEqual(sloth.map(([name]) => name));
    sloth.forEach(([, window], i) => {
      expect(ours[i].budgetPercent).toBe(window.errorBudgetPercent);
      expect(ours[i].longWindowMinutes).toBe(minutes(window.longWindow));
      expect(ours[i].shortWindowMinutes).toBe(minutes(window.shortWindow));
      expect(promDuration(ours[i].longWindowMinutes)).toBe(window.longWindow);
    });
  });

  it.each([
    ['out-base-28d.yaml.tpl', 28],
    ['out-base.yaml.tpl', 30],
  ])('produces the factors written in %s', (file, days) => {
    const text = readReference('sloth', file);
    // Each alert condition reads `ratio_rate<window>{...} > (<factor> * <1 - objective>)`.
    const conditions = [
      ...text.matchAll(/ratio_rate(\w+)\{[^}]*\} > \(([\d.e-]+) \*/g),
    ].map(m => `${m[1]} x ${Number(m[2])}`);
    const ours = burnRateAlerts(99.9, days).flatMap(a => [
      `${a.shortWindow} x ${a.factor}`,
      `${a.longWindow} x ${a.factor}`,
    ]);
    expect(conditions).toEqual(ours);
  });

  it('agrees with the factors of burn_rate_params.json', () => {
    const params = JSON.parse(readReference('sloth', 'burn_rate_params.json'));
    const ours28 = burnRateAlerts(99.9, 28);
    params.sloth['28d'].forEach(
      (row: { alert: string; factor: number }, i: number) => {
        expect(ours28[i].name).toBe(row.alert);
        expect(ours28[i].factor).toBeCloseTo(row.factor, 4);
      },
    );
    const ours30 = burnRateAlerts(99.9, 30);
    params.sloth['30d'].forEach(
      (
        row: { alert: string; factor: number; short: string; long: string },
        i: number,
      ) => {
        expect([
          ours30[i].name,
          ours30[i].shortWindow,
          ours30[i].longWindow,
        ]).toEqual([row.alert, row.short, row.long]);
        expect(ours30[i].factor).toBeCloseTo(row.factor, 10);
      },
    );
  });
});
