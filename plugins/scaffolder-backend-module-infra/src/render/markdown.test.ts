import fc from 'fast-check';
import { mdTable, mdText, mermaidText } from './markdown';

describe('mdText', () => {
  it('keeps user text on one line with every markup character escaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        const escaped = mdText(text);
        expect(escaped).not.toMatch(/[\r\n\u2028\u2029]/);
        // No markup character stands alone: each is preceded by its backslash.
        expect(escaped.replace(/\\[\\`*_{}[\]()<>|~!#$&]/g, '')).not.toMatch(
          /[\\`*_{}[\]()<>|~!#$&]/,
        );
      }),
    );
  });

  it('cannot add a table column', () => {
    const table = mdTable(['a', 'b'], [['x | y', 'z']]);
    expect(table.split('\n')[2].split(/(?<!\\)\|/).length).toBe(4);
  });
});

describe('mermaidText', () => {
  it('drops quotes, brackets and newlines', () => {
    expect(mermaidText('a"]\n[b')).toBe('a    b');
  });
});
