import { createHash } from 'node:crypto';
import {
  GENERATION_MANIFEST_PATH,
  planRepositoryChange,
} from './planRepositoryChange';

const hash = (content: string) =>
  `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;

const manifestOf = (files: Record<string, string>) => ({
  plinthVersion: '0.1.0',
  designVersion: 1,
  files: Object.fromEntries(
    Object.entries(files)
      .filter(([p]) => p !== GENERATION_MANIFEST_PATH)
      .map(([p, c]) => [p, hash(c)]),
  ),
});

const generation = (files: Record<string, string>): Record<string, string> => ({
  ...files,
  [GENERATION_MANIFEST_PATH]: JSON.stringify(manifestOf(files)),
});

describe('planRepositoryChange', () => {
  const previous = generation({
    'README.md': '# svc\n\navailability 99.9\n',
    'terraform/envs/prod/main.tf': 'module "a" {}\nmodule "b" {}\n',
    'terraform/envs/dev/main.tf': 'module "a" {}\n',
    'docs/runbooks/scale.md': 'scale up\n',
  });
  const previousManifest = manifestOf(previous);
  /** The plan of a change from `previous`, the re-render giving `base`. */
  const planOf = (
    current: Record<string, string>,
    next: Record<string, string>,
    base: Record<string, string> = previous,
  ) => planRepositoryChange({ previousManifest, current, next, base, hash });

  it('keeps a hand edit in a file the change does not touch and updates the rest', () => {
    const current = {
      ...previous,
      'docs/runbooks/scale.md': 'scale up\nask #platform first\n',
    };
    const next = generation({
      ...previous,
      'README.md': '# svc\n\navailability 99.95\n',
      'terraform/envs/staging/main.tf': 'module "a" {}\n',
    });
    const plan = planOf(current, next);
    expect(plan.added).toEqual(['terraform/envs/staging/main.tf']);
    expect(plan.changed).toEqual([GENERATION_MANIFEST_PATH, 'README.md']);
    expect(plan.removed).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    const scale = plan.files.find(f => f.path === 'docs/runbooks/scale.md')!;
    expect(scale).toEqual({
      path: 'docs/runbooks/scale.md',
      status: 'unchanged',
      merge: 'kept-hand-edit',
    });
  });

  it('reports a file changed differently on both sides as a conflict and never writes it', () => {
    const current = {
      ...previous,
      'terraform/envs/prod/main.tf': 'module "a" { size = 3 }\nmodule "b" {}\n',
    };
    const next = generation({
      ...previous,
      'terraform/envs/prod/main.tf': 'module "a" { size = 5 }\nmodule "b" {}\n',
    });
    const plan = planOf(current, next);
    expect(plan.conflicts).toEqual(['terraform/envs/prod/main.tf']);
    const prod = plan.files.find(
      f => f.path === 'terraform/envs/prod/main.tf',
    )!;
    expect(prod.content).toBeUndefined();
    expect(plan.changed).toEqual([GENERATION_MANIFEST_PATH]);
  });

  it('removes a file the new generation drops', () => {
    const { 'terraform/envs/dev/main.tf': _dropped, ...rest } = previous;
    const plan = planOf(previous, generation(rest));
    expect(plan.removed).toEqual(['terraform/envs/dev/main.tf']);
  });

  it('falls back to the repository file as base when the re-render does not reproduce the recorded hash', () => {
    const next = generation({
      ...previous,
      'README.md': '# svc\n\navailability 99.95\n',
    });
    // A different Plinth re-renders the old answers differently: untouched files still update.
    const plan = planOf(previous, next, {
      ...previous,
      'README.md': '# svc (other renderer)\n',
    });
    expect(plan.changed).toContain('README.md');
    expect(plan.conflicts).toEqual([]);
  });

  it('is a conflict when neither the re-render nor the file has the recorded hash', () => {
    const next = generation({
      ...previous,
      'README.md': '# svc\n\navailability 99.95\n',
    });
    const plan = planOf(
      { ...previous, 'README.md': '# svc\n\nedited\n' },
      next,
      {
        ...previous,
        'README.md': '# svc (other renderer)\n',
      },
    );
    expect(plan.conflicts).toEqual(['README.md']);
  });
});
