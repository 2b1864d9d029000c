/*
 * Hostile user text through the whole pipeline (answers -> plan -> renderRepository), and
 * through a design handed to the render action by any caller, proven on the PARSED files.
 *
 * The method: render once with a harmless placeholder in every free-text field, and once with
 * a hostile string in the same fields. Then, file by file:
 * - a file whose baseline does not contain the placeholder must be byte-identical (so the text
 *   never reaches the workflow, the Prometheus rules, the OpenSLO documents or mkdocs.yml, and
 *   in particular never a `run:` step, a `${{ }}` expression or a PromQL expression);
 * - a YAML file must parse (no errors, no warnings) to exactly the baseline's documents with the
 *   placeholder replaced by the hostile text inside string values: no extra key, document,
 *   alias, tag or structure, and the value equals the input;
 * - a Markdown file must equal the baseline with the placeholder replaced by the escaped text
 *   (one line, every markup character behind a backslash), so it adds no line or block.
 */
import fc from 'fast-check';
import { parse as parseHcl } from '@cdktf/hcl2json';
import {
  parseAnswers,
  planDesign,
  type Design,
} from '@plinth/backstage-plugin-infra-common';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { repoRoot } from '@plinth/test-support';
import { quoteString } from './hcl';
import { mdText } from './markdown';
import { renderRepository } from '.';
import { parseDesign } from './validateDesign';

const PLACEHOLDER = 'Plinthplaceholdertext';
const NUM_RUNS = process.env.CI === 'true' ? 200 : 50;

/** Files that may carry user text, and must. Everything else stays byte-identical. */
const CARRIERS = ['catalog-info.yaml', 'README.md', 'docs/index.md'];

const answersDir = path.join(repoRoot, 'examples/answers');
const answerSets = fs
  .readdirSync(answersDir)
  .filter(f => f.endsWith('.yaml'))
  .map(f => ({
    file: f,
    answers: yaml.parse(fs.readFileSync(path.join(answersDir, f), 'utf8')),
  }));

/** Fragments that mean something to HCL, YAML, Go templates, GitHub expressions, PromQL, Markdown, HTML. */
const fragments = fc.constantFrom(
  '${',
  '%{',
  '{{',
  '${{',
  '}}',
  '}',
  '{',
  '${var.x}',
  '%{ if true }x%{ endif }',
  '${{ github.token }}',
  '{{ .Labels }}',
  '{{ "{{" }}',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\t',
  '\u0000',
  '\uFEFF',
  '"',
  "'",
  '\\',
  '\\n',
  '\\"',
  '`',
  '```',
  '~~~',
  ': ',
  '- ',
  '#',
  ' #',
  '---',
  '...',
  '&anchor',
  '*anchor',
  '!!str',
  '!tag',
  '? ',
  '|',
  '>',
  '%YAML 1.2',
  '[',
  ']',
  ',',
  '@',
  '<script>alert(1)</script>',
  '<!--',
  '-->',
  '[x](javascript:alert(1))',
  '![i](http://x/i.png)',
  '# heading',
  '> quote',
  '| a | b |',
  '1. ',
  '* ',
  '_',
  '**',
  '<',
  '>',
  '&amp;',
  'up{job="x"}',
  ') or vector(1)',
  'sum(rate(x[5m]))',
  '"} or on() vector(1) #',
  'EOT',
  '<<EOT',
  'run: rm -rf /',
  '&& curl x | sh',
  '$(id)',
  '$HOME',
);

const hostileText = fc
  .array(fc.oneof(fragments, fc.string({ unit: 'grapheme', maxLength: 8 })), {
    minLength: 1,
    maxLength: 30,
  })
  .map(parts => parts.join('').slice(0, 500))
  // An empty description is "no description"; whitespace-only text is still user text.
  .filter(text => text.length > 0);

function plan(answers: unknown): Design {
  const parsed = parseAnswers(answers);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

const withDescription = (answers: any, description: string) => ({
  ...answers,
  service: { ...answers.service, description },
});

const toMap = (design: Design) =>
  new Map(renderRepository(design).map(f => [f.path, f.content]));

/** Every string in a parsed value, with the placeholder replaced by the text. */
function substitute(value: unknown, text: string): unknown {
  if (typeof value === 'string') return value.split(PLACEHOLDER).join(text);
  if (Array.isArray(value)) return value.map(v => substitute(v, text));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        substitute(k, text) as string,
        substitute(v, text),
      ]),
    );
  }
  return value;
}

function parseYamlStrict(content: string, file: string): unknown[] {
  const docs = yaml.parseAllDocuments(content, { uniqueKeys: true });
  if (!Array.isArray(docs)) throw new Error(`${file}: not a YAML stream`);
  for (const doc of docs) {
    if (doc.errors.length || doc.warnings.length) {
      throw new Error(
        `${file}: ${[...doc.errors, ...doc.warnings]
          .map(e => e.message)
          .join('; ')}`,
      );
    }
  }
  return docs.map(doc => doc.toJS({ maxAliasCount: 0 }));
}

/**
 * How literal text reads in Terraform's JSON form (what hcl2json returns): a template
 * sequence that is NOT interpolation is `$${` / `%%{`. HCL reads strings as NFC.
 */
const terraformJsonLiteral = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');

/** The whole-file checks of the header comment. Returns the files that carried the text. */
async function expectSafe(
  baseline: Map<string, string>,
  hostile: Map<string, string>,
  text: string,
) {
  expect([...hostile.keys()]).toEqual([...baseline.keys()]);
  const carriers: string[] = [];
  for (const [file, expected] of baseline) {
    const actual = hostile.get(file)!;
    if (!expected.includes(PLACEHOLDER)) {
      expect(actual).toBe(expected);
      continue;
    }
    carriers.push(file);
    if (/\.ya?ml$/.test(file)) {
      expect(parseYamlStrict(actual, file)).toEqual(
        substitute(parseYamlStrict(expected, file), text),
      );
    } else if (/\.(tf|tfvars)$/.test(file)) {
      expect(await parseHcl(file, actual)).toEqual(
        substitute(await parseHcl(file, expected), terraformJsonLiteral(text)),
      );
    } else if (file.endsWith('.md')) {
      const escaped = mdText(text);
      expect(escaped).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(actual).toBe(expected.split(PLACEHOLDER).join(escaped));
      expect(actual.split('\n')).toHaveLength(expected.split('\n').length);
    } else {
      throw new Error(
        `${file} carries user text but has no format-aware check here`,
      );
    }
  }
  return carriers;
}

describe('hostile text in the answers (service.description, the one free-text answer)', () => {
  it.each(answerSets)(
    'stays a plain value in every file rendered from $file',
    async ({ answers }) => {
      const baseline = toMap(plan(withDescription(answers, PLACEHOLDER)));
      // Where the description goes, and where it never goes.
      for (const file of CARRIERS)
        expect(baseline.get(file)).toContain(PLACEHOLDER);
      for (const file of [
        '.github/workflows/infrastructure.yaml',
        'monitoring/prometheus/slo-rules.yaml',
        'monitoring/prometheus/slo-rules.test.yaml',
        'mkdocs.yml',
      ]) {
        expect(baseline.get(file)).not.toContain(PLACEHOLDER);
      }

      await fc.assert(
        fc.asyncProperty(hostileText, async text => {
          const hostile = toMap(plan(withDescription(answers, text)));
          expect((await expectSafe(baseline, hostile, text)).sort()).toEqual(
            [...CARRIERS].sort(),
          );
          const component = parseYamlStrict(
            hostile.get('catalog-info.yaml')!,
            'catalog-info.yaml',
          )[0] as any;
          expect(component.metadata.description).toBe(text);
        }),
        { numRuns: NUM_RUNS },
      );
    },
  );
});

describe('hostile text in a design from any caller (the render action re-checks ids only)', () => {
  /**
   * Every free-text field of a design that validateDesign lets through as any string. The
   * owner is not one: the schema holds it to an entity reference, and the alert rules and
   * Alertmanager routes derive their `team` label from it.
   */
  function withText(design: Design, text: string): Design {
    return {
      ...design,
      service: { ...design.service, description: text },
      decisions: design.decisions.map(d => ({ ...d, reason: text })),
      warnings: design.warnings.map(w => ({ ...w, message: text })),
      slos: design.slos.map(slo => ({
        ...slo,
        displayName: text,
        description: text,
      })),
    };
  }

  it('refuses hostile text as the owner before anything derives a label from it', () => {
    const design = plan(
      answerSets.find(s => s.file === 'aws-pci-eu.yaml')!.answers,
    );
    fc.assert(
      fc.property(hostileText, text => {
        const owner = `group:default/${text}`;
        fc.pre(!/^group:default\/[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/.test(owner));
        expect(() =>
          parseDesign({ ...design, service: { ...design.service, owner } }),
        ).toThrow(/service\.owner/);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('stays a plain value in every file', async () => {
    const design = plan(
      answerSets.find(s => s.file === 'aws-pci-eu.yaml')!.answers,
    );
    const baseline = toMap(withText(design, PLACEHOLDER));
    // PromQL and the workflow are rebuilt from checked ids, never from these fields.
    expect(baseline.get('monitoring/prometheus/slo-rules.yaml')).not.toContain(
      PLACEHOLDER,
    );
    expect(baseline.get('.github/workflows/infrastructure.yaml')).not.toContain(
      PLACEHOLDER,
    );

    await fc.assert(
      fc.asyncProperty(hostileText, async text => {
        const carriers = await expectSafe(
          baseline,
          toMap(withText(design, text)),
          text,
        );
        expect(carriers).toEqual(expect.arrayContaining(CARRIERS));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the whole-file check itself', () => {
  // The oracle above must not be vacuous: text pasted into the files without a serialiser
  // or an escaper is caught, in YAML and in Markdown.
  const design = plan(withDescription(answerSets[0].answers, PLACEHOLDER));
  const baseline = toMap(design);
  const pasted = (text: string) =>
    new Map(
      [...baseline].map(([file, content]) => [
        file,
        content.split(PLACEHOLDER).join(text),
      ]),
    );

  it('rejects YAML structure smuggled in by pasting', async () => {
    await expect(
      expectSafe(baseline, pasted('x\n  evil: true'), 'x\n  evil: true'),
    ).rejects.toThrow();
    await expect(
      expectSafe(baseline, pasted('x\n---\nkind: Evil'), 'x\n---\nkind: Evil'),
    ).rejects.toThrow();
  });

  it('rejects unescaped Markdown', async () => {
    const markdownOnly = (text: string) =>
      new Map(
        [...baseline].map(([file, content]) => [
          file,
          file.endsWith('.md')
            ? content.split(PLACEHOLDER).join(text)
            : content
                .split(PLACEHOLDER)
                .join(JSON.stringify(text).slice(1, -1)),
        ]),
      );
    await expect(
      expectSafe(
        baseline,
        markdownOnly('<script>x</script>'),
        '<script>x</script>',
      ),
    ).rejects.toThrow();
  });
});

describe('the HCL branch of the whole-file check', () => {
  // No free-text field reaches Terraform today; should one ever do, this is the check it meets.
  const tf = (value: string) => `locals {\n  description = ${value}\n}\n`;
  const baseline = new Map([['main.tf', tf(`"${PLACEHOLDER}"`)]]);

  it('accepts text written by the HCL serialiser, with interpolation kept literal', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async text => {
        const carriers = await expectSafe(
          baseline,
          new Map([['main.tf', tf(quoteString(text))]]),
          text,
        );
        expect(carriers).toEqual(['main.tf']);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects interpolation pasted into a string', async () => {
    const text = '${file("/etc/passwd")}';
    await expect(
      expectSafe(
        baseline,
        new Map([['main.tf', tf(`"${text.replace(/"/g, '\\"')}"`)]]),
        text,
      ),
    ).rejects.toThrow();
  });
});
