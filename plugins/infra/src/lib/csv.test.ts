import { csvField, formatTarget, overviewCsv } from './csv';

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
      'component:default/a,,,,x 99.9%/30d,2,At risk,,At risk,',
    );
  });
});
