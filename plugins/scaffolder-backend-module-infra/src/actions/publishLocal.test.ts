import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import git from 'isomorphic-git';
import { createInfraPublishLocalAction } from './publishLocal';

describe('infra:publish:local', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const localDirectory = mockDir.resolve('repositories');
  const config = new ConfigReader({
    plinth: { publish: { localDirectory } },
  });
  const action = createInfraPublishLocalAction({ config });

  beforeEach(() => {
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': 'kind: Component\n',
        'README.md': '# payments-api\n',
        terraform: { envs: { prod: { 'main.tf': 'terraform {}\n' } } },
      },
    });
  });

  it('commits the workspace as a new repository and outputs where it is', async () => {
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
    });

    await action.handler(ctx);

    const repoPath = mockDir.resolve('repositories/payments-api');
    const files = await git.listFiles({ fs, dir: repoPath, ref: 'main' });
    expect(files.sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'terraform/envs/prod/main.tf',
    ]);
    const [commit] = await git.log({ fs, dir: repoPath, depth: 1 });
    expect(commit.commit.author.name).toBe('Plinth');

    expect(ctx.output).toHaveBeenCalledWith('repoPath', repoPath);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commit.oid);
    const remoteUrl = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'remoteUrl',
    )?.[1];
    expect(fileURLToPath(remoteUrl)).toBe(repoPath);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      `${repoPath}/catalog-info.yaml`,
    );
  });

  it('publishes only the chosen folder of the workspace', async () => {
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api', sourcePath: 'terraform' },
      workspacePath,
    });

    await action.handler(ctx);

    const files = await git.listFiles({
      fs,
      dir: mockDir.resolve('repositories/payments-api'),
    });
    expect(files).toEqual(['envs/prod/main.tf']);
  });

  it('refuses to overwrite an existing repository', async () => {
    mockDir.addContent({
      repositories: { 'payments-api': { 'keep.txt': 'mine' } },
    });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'A repository named payments-api already exists',
    );
    expect(
      fs.readdirSync(mockDir.resolve('repositories/payments-api')),
    ).toEqual(['keep.txt']);
  });

  it('writes nothing in a dry run and returns the would-be outputs', async () => {
    const ctx = {
      ...createMockActionContext({
        input: { repoName: 'payments-api' },
        workspacePath,
      }),
      isDryRun: true,
    };

    await action.handler(ctx);

    expect(fs.existsSync(localDirectory)).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith(
      'repoPath',
      mockDir.resolve('repositories/payments-api'),
    );
    expect(ctx.output).not.toHaveBeenCalledWith(
      'commitHash',
      expect.anything(),
    );
  });

  it.each(['../escape', 'Payments', 'a', 'payments/api', 'payments-'])(
    'rejects the repository name %j',
    async repoName => {
      const ctx = createMockActionContext({
        input: { repoName },
        workspacePath,
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        'must be lower-case kebab-case',
      );
      expect(fs.existsSync(localDirectory)).toBe(false);
    },
  );

  it('rejects a source path outside the workspace', async () => {
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api', sourcePath: '../repositories' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(/outside its parent/);
  });

  it('says how to configure it when the folder is not configured', async () => {
    const unconfigured = createInfraPublishLocalAction({
      config: new ConfigReader({}),
    });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
    });
    await expect(unconfigured.handler(ctx)).rejects.toThrow(
      'set plinth.publish.localDirectory',
    );
  });
});
