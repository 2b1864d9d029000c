import fc from 'fast-check';
import { goTemplateLiteral, promqlString, selector } from './promql';

/** Reads a PromQL double-quoted string literal the way PromQL's lexer does. */
function readPromqlString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  let out = '';
  for (let i = 1; i < literal.length - 1; i++) {
    const char = literal[i];
    if (char === '"') throw new Error(`unescaped quote at ${i} in ${literal}`);
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = literal[++i];
    const simple: Record<string, string> = {
      n: '\n',
      r: '\r',
      t: '\t',
      b: '\b',
      f: '\f',
      '\\': '\\',
      '"': '"',
      '/': '/',
    };
    if (next in simple) out += simple[next];
    else if (next === 'u') {
      out += String.fromCharCode(parseInt(literal.slice(i + 1, i + 5), 16));
      i += 4;
    } else throw new Error(`unknown escape \\${next}`);
  }
  return out;
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '"} or vector(1) #',
    '\\"',
    '${',
    '%{',
    '{{ .Labels }}',
    '${{ secrets.X }}',
    '\n--- \n',
    '`x`',
    '"\n',
  ),
);

describe('promqlString', () => {
  it('keeps any text one literal that reads back as the same text', () => {
    fc.assert(
      fc.property(hostile, text => {
        expect(readPromqlString(promqlString(text))).toBe(text);
      }),
    );
  });
});

describe('selector', () => {
  it('escapes label values and rejects bad metric or label names', () => {
    expect(selector('up', { job: 'a"b' })).toBe('up{job="a\\"b"}');
    expect(() => selector('up} or vector(1)', {})).toThrow(/metric name/);
    expect(() => selector('up', { 'a="1",b': 'x' })).toThrow(/label name/);
  });
});

describe('goTemplateLiteral', () => {
  it('never leaves an opening template delimiter of its own', () => {
    fc.assert(
      fc.property(hostile, text => {
        const escaped = goTemplateLiteral(text);
        // Every `{{` left is one of the escapes, which prints a literal `{{`.
        expect(escaped.split('{{ "{{" }}').join('')).not.toContain('{{');
      }),
    );
  });
});
