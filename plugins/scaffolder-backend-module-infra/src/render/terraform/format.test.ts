/*
 * The generated repository's CI runs `terraform fmt -check`, so the Terraform we write must
 * already be in fmt's canonical layout, or the first pull request fails. Terraform itself is
 * not a Debian package, so the always-on check is fmt's alignment rule (hclwrite's
 * formatCells): consecutive one-line attributes have their `=` in one column, one space
 * after the longest name. Where a `terraform` binary is on PATH, `terraform fmt -check`
 * runs on the files as well.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  exampleAnswerSets as answerSets,
  exampleRepository,
} from '../../__testUtils__/exampleRepositories';

function terraformFiles(file: string) {
  const { files } = exampleRepository(file);
  return files.filter(f => /\.(tf|tfvars)$/.test(f.path));
}

/** hclwrite's rule: a line assigns when it has `=` and its brackets balance on that line. */
function assignment(
  line: string,
): { nameEnd: number; equals: number } | undefined {
  const match = /^(\s*)("(?:[^"\\]|\\.)*"|[A-Za-z_][\w-]*)(\s*)=(?!=)/.exec(
    line,
  );
  if (!match) return undefined;
  const rest = line.slice(match[0].length).replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const open = (rest.match(/[[{(]/g) ?? []).length;
  const close = (rest.match(/[\]})]/g) ?? []).length;
  if (open !== close) return undefined;
  const nameEnd = match[1].length + match[2].length;
  return { nameEnd, equals: nameEnd + match[3].length };
}

function misalignedRuns(content: string): string[] {
  const problems: string[] = [];
  const lines = content.split('\n');
  let run: Array<{ index: number; nameEnd: number; equals: number }> = [];
  const check = () => {
    if (run.length > 0) {
      const want = Math.max(...run.map(r => r.nameEnd)) + 1;
      for (const r of run) {
        if (r.equals !== want)
          problems.push(`line ${r.index + 1}: ${lines[r.index].trim()}`);
      }
    }
    run = [];
  };
  lines.forEach((line, index) => {
    const found = assignment(line);
    if (found) run.push({ index, ...found });
    else check();
  });
  check();
  return problems;
}

describe.each(answerSets)('Terraform rendered from %s', file => {
  const files = terraformFiles(file);

  it('aligns attributes as terraform fmt does', () => {
    const problems = files.flatMap(f =>
      misalignedRuns(f.content).map(p => `${f.path} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('passes terraform fmt -check where terraform is installed', () => {
    if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
      // eslint-disable-next-line no-console
      console.warn(
        'terraform is not on PATH: only the alignment rule was checked',
      );
      return;
    }
    const dir = createMockDirectory();
    for (const f of files) dir.addContent({ [f.path]: f.content });
    expect(() =>
      execFileSync('terraform', ['fmt', '-check', '-recursive', dir.path], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});

describe('the alignment check itself', () => {
  it('finds a run that fmt would realign', () => {
    expect(misalignedRuns('a = 1\nlonger = 2\n')).toEqual(['line 1: a = 1']);
    expect(
      misalignedRuns('a      = 1\nlonger = 2\ntags = {\n  x = 1\n}\n'),
    ).toEqual([]);
  });
});
