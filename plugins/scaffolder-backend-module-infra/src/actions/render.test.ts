import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import yaml from 'yaml';
import packageJson from '../../package.json';
import path from 'node:path';
import { createInfraRepositoryRenderAction } from './render';
import { exampleAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';

function design() {
  const parsed = parseAnswers(exampleAnswers);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

describe('infra:repository:render', () => {
  const action = createInfraRepositoryRenderAction();
  const root = createMockDirectory();
  const workspacePath = path.join(root.path, 'workspace');

  beforeEach(() =>
    root.setContent({ workspace: {}, outside: { 'keep.txt': 'original' } }),
  );

  it('writes the repository into the workspace and outputs the files', async () => {
    const ctx = createMockActionContext({
      input: { design: design() as any },
      workspacePath,
    });
    await action.handler(ctx);
    const files: string[] = (ctx.output as jest.Mock).mock.calls.find(
      ([n]) => n === 'files',
    )[1];
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'catalog-info.yaml', 'mkdocs.yml']),
    );
    for (const file of files) {
      expect(fs.existsSync(path.join(workspacePath, file))).toBe(true);
    }
  });

  it('records the answers and a manifest of every generated file with its hash', async () => {
    const ctx = createMockActionContext({
      input: { design: design() as any, answers: exampleAnswers as any },
      workspacePath,
    });
    await action.handler(ctx);
    const files: string[] = (ctx.output as jest.Mock).mock.calls.find(
      ([n]) => n === 'files',
    )[1];
    expect(files).toEqual(
      expect.arrayContaining([
        '.plinth/answers.yaml',
        '.plinth/generation.json',
      ]),
    );
    const read = (f: string) =>
      fs.readFileSync(path.join(workspacePath, f), 'utf8');
    expect(yaml.parse(read('.plinth/answers.yaml'))).toEqual(
      JSON.parse(JSON.stringify(exampleAnswers)),
    );
    const manifest = JSON.parse(read('.plinth/generation.json'));
    expect(manifest.plinthVersion).toBe(packageJson.version);
    expect(manifest.designVersion).toBe(1);
    const listed = Object.keys(manifest.files);
    expect(listed).toEqual(
      files.filter(f => f !== '.plinth/generation.json').sort(),
    );
    expect([...listed].sort()).toEqual(listed);
    for (const f of listed) {
      expect(manifest.files[f]).toBe(
        `sha256:${createHash('sha256').update(read(f)).digest('hex')}`,
      );
    }
  });

  it('refuses answers that are not the ones the design was planned from', async () => {
    const other = {
      ...exampleAnswers,
      service: { ...(exampleAnswers as any).service, name: 'another-name' },
    };
    const ctx = createMockActionContext({
      input: { design: design() as any, answers: other as any },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /the design was not planned from these answers/,
    );
    expect(fs.readdirSync(workspacePath)).toEqual([]);
  });

  it('refuses a design of another version', async () => {
    const ctx = createMockActionContext({
      input: { design: { ...design(), version: 2 } as any },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /design\.version: must be 1/,
    );
    expect(fs.readdirSync(workspacePath)).toEqual([]);
  });

  it.each([
    [
      'no alert route',
      [],
      /design\.operations\.routes: needs at least one route/,
    ],
    [
      'a receiver Alertmanager is not written for',
      [{ severity: 'page', receiver: 'carrier-pigeon' }],
      /design\.operations\.routes\.0\.receiver: must be one of/,
    ],
  ])('refuses a design with %s', async (_, routes, message) => {
    const bad = design();
    (bad.operations as any).routes = routes;
    const ctx = createMockActionContext({
      input: { design: bad as any },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(fs.readdirSync(workspacePath)).toEqual([]);
  });

  it('refuses names that would become paths outside the workspace', async () => {
    const bad = design();
    bad.environments[0].name = '../../outside';
    const ctx = createMockActionContext({
      input: { design: bad as any },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /design\.environments\.0\.name/,
    );
    expect(fs.readdirSync(workspacePath)).toEqual([]);
  });

  it('refuses a symlink already in the workspace and writes nothing', async () => {
    fs.symlinkSync(
      path.join(root.path, 'outside'),
      path.join(workspacePath, 'docs'),
    );
    const ctx = createMockActionContext({
      input: { design: design() as any },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    expect(fs.readdirSync(path.join(root.path, 'outside'))).toEqual([
      'keep.txt',
    ]);
    expect(fs.readdirSync(workspacePath)).toEqual(['docs']);
  });
});
