import { csvField, formatBudget, formatTarget, overviewCsv } from './csv';

describe('csv', () => {
  it('quotes fields with separators and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(undefined)).toBe('');
  });

  it('formats targets as percentages', () => {
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.99)).toBe('99%');
  });

  it('formats remaining budgets as percentages, overspent ones below zero', () => {
    expect(formatBudget(0.42857)).toBe('42.9%');
    expect(formatBudget(1)).toBe('100%');
    expect(formatBudget(-0.25)).toBe('-25%');
  });

  it('writes the live budget and burning columns, empty without live data', () => {
    const row = {
      ref: 'component:default/a',
      name: 'a',
      namespace: 'default',
      slos: [],
      environmentCount: 1,
      frameworks: [],
      status: 'unknown' as const,
      issues: [],
    };
    const csv = overviewCsv(
      [
        { ...row, live: { budgetRemaining: 0.5, burning: true } },
        { ...row, live: { budgetRemaining: -0.25, burning: false } },
        row,
      ],
      [],
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'service,title,owner,system,slo targets,budget left,burning now,environments,status,problems',
    );
    expect(lines.slice(1, 4)).toEqual([
      'component:default/a,,,,,50%,yes,1,Unknown,',
      // a leading minus is neutralised like a formula
      "component:default/a,,,,,'-25%,no,1,Unknown,",
      'component:default/a,,,,,,,1,Unknown,',
    ]);
  });

  it('writes one column per framework with the status in words', () => {
    const csv = overviewCsv(
      [
        {
          ref: 'component:default/a',
          name: 'a',
          namespace: 'default',
          slos: [
            { ref: 'slo:default/x', name: 'x', target: 0.999, windowDays: 30 },
          ],
          environmentCount: 2,
          frameworks: [{ id: 'soc2', status: 'at-risk' }],
          status: 'at-risk',
          issues: [],
        },
      ],
      ['gdpr', 'soc2'],
    );
    expect(csv.split('\r\n')[1]).toBe(
      'component:default/a,,,,x 99.9%/30d,,,2,At risk,,At risk,',
    );
  });
});
