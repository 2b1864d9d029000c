import { literalViolations } from './hclLiterals';

const M = 'Qzxj';

describe('literalViolations', () => {
  it('accepts the marker inside literals and escaped templates', () => {
    expect(
      literalViolations(
        [
          `a = "x ${M} \\" ${M}"`,
          `b = "$\${${M}} %%{${M}}"`,
          `c = "\${var.x}-${M}"`,
          `d = <<EOT\n${M} "\nEOT`,
        ].join('\n'),
        M,
      ),
    ).toEqual([]);
  });

  it('finds the marker in code, interpolations, comments and after a broken string', () => {
    for (const source of [
      `${M} = 1`,
      `a = "\${${M}}"`,
      `a = "%{ if ${M} }x%{ endif }"`,
      `a = 1 # ${M}`,
      `a = "x"\n${M} = 2`,
      `a = "x\n${M}"`,
      `a = <<EOT\n\${${M}}\nEOT`,
    ]) {
      expect(literalViolations(source, M)).toHaveLength(1);
    }
  });
});
