import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import fs from 'node:fs';
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
