import {
  GENERATION_MANIFEST_PATH,
  planFromInput,
  type AnswersInput,
} from '@plinth/backstage-plugin-infra-common';
import {
  exampleAnswers,
  withAnswers,
} from '@plinth/backstage-plugin-infra-common/testUtils';
import { createHash } from 'node:crypto';
import yaml from 'yaml';
import { renderGeneratedRepository, renderRepository } from '..';
import packageJson from '../../../package.json';
import { GENERATION_PATH, parseGenerationManifest } from '.';

function generate(answers: AnswersInput) {
  const plan = planFromInput(answers);
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  const files = renderGeneratedRepository(plan.design, { answers });
  return {
    design: plan.design,
    files: new Map(files.map(f => [f.path, f.content])),
  };
}

describe('the generation record', () => {
  it('stores the answers as YAML and hashes every other generated file, sorted', () => {
    const { design, files } = generate(exampleAnswers);
    expect(yaml.parse(files.get('.plinth/answers.yaml')!)).toEqual(
      exampleAnswers,
    );
    const manifest = parseGenerationManifest(
      files.get('.plinth/generation.json')!,
    )!;
    expect(manifest.plinthVersion).toBe(packageJson.version);
    expect(manifest.designVersion).toBe(design.version);
    const others = [...files.keys()]
      .filter(p => p !== '.plinth/generation.json')
      .sort();
    expect(Object.keys(manifest.files)).toEqual(others);
    for (const p of others) {
      expect(manifest.files[p]).toBe(
        `sha256:${createHash('sha256').update(files.get(p)!).digest('hex')}`,
      );
    }
    // The design's files are exactly renderRepository's.
    expect(others.filter(p => !p.startsWith('.plinth/'))).toEqual(
      renderRepository(design)
        .map(f => f.path)
        .sort(),
    );
  });

  it('is the same for the same answers, and names only the files a change touches', () => {
    const a = generate(exampleAnswers).files;
    expect(generate(exampleAnswers).files).toEqual(a);
    const b = generate(
      withAnswers({ improvement: { sloReviewCadence: 'monthly' } }),
    ).files;
    const changed = [...b.keys()].filter(p => a.get(p) !== b.get(p));
    expect(changed).toContain('.plinth/generation.json');
    expect(changed).toContain('.plinth/answers.yaml');
    expect(changed.length).toBeLessThan(a.size / 2);
  });

  it("writes the manifest where the domain's change planner looks for it", () => {
    expect(GENERATION_PATH).toBe(GENERATION_MANIFEST_PATH);
  });

  it('refuses a manifest that is not one', () => {
    expect(parseGenerationManifest('{}')).toBeUndefined();
    expect(parseGenerationManifest('not json')).toBeUndefined();
    expect(
      parseGenerationManifest(
        JSON.stringify({
          plinthVersion: '1',
          designVersion: 1,
          files: { a: 'md5:x' },
        }),
      ),
    ).toBeUndefined();
  });

  it('says in the README and TechDocs how a change is reviewed: the plan on the pull request', () => {
    const { files } = generate(exampleAnswers);
    for (const page of ['README.md', 'docs/index.md']) {
      const text = files.get(page)!;
      expect(text).toContain('## Changing this infrastructure');
      expect(text).toContain('`plan-prod`');
      expect(text).toContain('pull request');
    }
    const gitlab = generate(
      withAnswers({ iac: { ciProvider: 'gitlab-ci' } }),
    ).files.get('README.md')!;
    expect(gitlab).toContain('merge request');
  });
});
