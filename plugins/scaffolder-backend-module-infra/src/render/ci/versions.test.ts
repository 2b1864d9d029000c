/*
 * The generated CI must run a Terraform/OpenTofu that the generated roots accept
 * (required_version), or `init` fails on the first pull request; and the workflow
 * must stay plain YAML that people can read and edit (no anchors or aliases).
 */
import { parse as parseHcl } from '@cdktf/hcl2json';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { repoRoot } from '@plinth/test-support';
import { renderRepository } from '..';

const answers = yaml.parse(
  fs.readFileSync(
    path.join(repoRoot, 'examples/answers/aws-pci-eu.yaml'),
    'utf8',
  ),
);

function render(tool: 'terraform' | 'opentofu') {
  const parsed = parseAnswers({ ...answers, iac: { ...answers.iac, tool } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { design } = planDesign(parsed.answers, { defaults: parsed.defaults });
  return new Map(renderRepository(design).map(f => [f.path, f.content]));
}

const version = (text: string) => text.replace(/^v/, '').split('.').map(Number);
const atLeast = (have: number[], want: number[]) => {
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== (want[i] ?? 0))
      return (have[i] ?? 0) > (want[i] ?? 0);
  }
  return true;
};

describe.each(['terraform', 'opentofu'] as const)('the CI for %s', tool => {
  const files = render(tool);
  const workflowText = files.get('.github/workflows/infrastructure.yaml')!;

  it('installs a version that every root accepts', async () => {
    const workflow = yaml.parse(workflowText);
    const setups = Object.values<any>(workflow.jobs)
      .flatMap(job => job.steps)
      .filter(step => /setup-(terraform|opentofu)/.test(step.uses ?? ''));
    expect(setups.length).toBeGreaterThan(0);
    const installed = setups.map(s =>
      version(s.with.terraform_version ?? s.with.tofu_version),
    );

    const roots = [...files.keys()].filter(p =>
      /^terraform\/envs\/[^/]+\/versions\.tf$/.test(p),
    );
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      const parsed = await parseHcl(root, files.get(root)!);
      const constraint: string = parsed.terraform[0].required_version;
      const minimum = /^>=\s*([\d.]+)$/.exec(constraint);
      expect(minimum).not.toBeNull();
      for (const have of installed)
        expect(atLeast(have, version(minimum![1]))).toBe(true);

      // S3 native state locking (use_lockfile) arrived in Terraform and OpenTofu 1.10.
      const backendPath = root.replace(/versions\.tf$/, 'backend.tf');
      const backend = await parseHcl(backendPath, files.get(backendPath)!);
      // A root that uses it must therefore require at least 1.10.
      const usesLockfile = JSON.stringify(backend).includes(
        '"use_lockfile":true',
      );
      const requiresLockfileSupport = atLeast(version(minimum![1]), [1, 10, 0]);
      expect(!usesLockfile || requiresLockfileSupport).toBe(true);
    }
  });

  it('writes no YAML anchors or aliases', () => {
    const doc = yaml.parseDocument(workflowText);
    let aliases = 0;
    yaml.visit(doc, { Alias: () => void aliases++ });
    expect(aliases).toBe(0);
    expect(workflowText).not.toMatch(/^\s*- &|\*a\d/m);
  });
});
