import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import git from 'isomorphic-git';
import { infraRepositoryName } from '@plinth/backstage-plugin-infra-common';
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

  it('publishes nothing from a workspace that lacks files the render step wrote', async () => {
    // As after a recovery on a replica that never had this task's workspace.
    const ctx = createMockActionContext({
      input: {
        repoName: 'payments-api',
        expectedFiles: ['catalog-info.yaml', 'terraform/envs/dev/main.tf'],
      },
      workspacePath,
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'The workspace lacks 1 of the 2 files rendered earlier (first: terraform/envs/dev/main.tf)',
    );
    expect(fs.existsSync(mockDir.resolve('repositories/payments-api'))).toBe(
      false,
    );
  });

  it('publishes a workspace that has every file the render step wrote', async () => {
    const ctx = createMockActionContext({
      input: {
        repoName: 'payments-api',
        expectedFiles: ['catalog-info.yaml', 'terraform/envs/prod/main.tf'],
      },
      workspacePath,
    });

    await action.handler(ctx);

    expect(
      fs.existsSync(mockDir.resolve('repositories/payments-api/.git')),
    ).toBe(true);
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

  it.each([
    '../escape',
    'Payments',
    'a',
    'payments/api',
    'payments-',
    '.staging',
    `${'a'.repeat(41)}-infra`,
  ])('rejects the repository name %j', async repoName => {
    const ctx = createMockActionContext({
      input: { repoName },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'must be 3-46 characters',
    );
    expect(fs.existsSync(localDirectory)).toBe(false);
  });

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

  it('publishes a 40-character service name with its -infra suffix', async () => {
    const repoName = infraRepositoryName(`a${'b'.repeat(38)}c`);
    expect(repoName).toHaveLength(46);
    const ctx = createMockActionContext({ input: { repoName }, workspacePath });
    await action.handler(ctx);
    expect(
      fs.existsSync(mockDir.resolve(`repositories/${repoName}/.git`)),
    ).toBe(true);
  });

  it('replays a task whose folder is already in place: same commit, no error', async () => {
    const first = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
      task: { id: 'task-1' },
    });
    await action.handler(first);
    const commit = outputOf(first, 'commitHash');

    // The checkpoint was lost (the backend died after the rename): the same task runs again.
    const replay = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
      task: { id: 'task-1' },
    });
    await action.handler(replay);
    expect(outputOf(replay, 'commitHash')).toBe(commit);

    // Another task is refused: the folder is not its own.
    const other = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
      task: { id: 'task-2' },
    });
    await expect(action.handler(other)).rejects.toThrow('already exists');
  });

  it('starts over from what a crashed attempt left in staging, outside the catalog glob', async () => {
    mockDir.addContent({
      repositories: {
        '.staging': {
          'task-1': { 'catalog-info.yaml': 'kind: Compo' },
        },
      },
    });
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
      task: { id: 'task-1' },
    });
    await action.handler(ctx);
    const repoPath = mockDir.resolve('repositories/payments-api');
    expect(fs.readFileSync(`${repoPath}/catalog-info.yaml`, 'utf8')).toBe(
      'kind: Component\n',
    );
    // The catalog reads <localDirectory>/*/catalog-info.yaml: nothing is left to read but this.
    expect(fs.readdirSync(mockDir.resolve('repositories/.staging'))).toEqual(
      [],
    );
  });

  it('stops at every phase without registering anything partial', async () => {
    for (const phase of ['copied', 'committed'] as const) {
      const crashing = createInfraPublishLocalAction({
        config,
        onPhase: async reached => {
          if (reached === phase) throw new Error(`crash after ${phase}`);
        },
      });
      const ctx = createMockActionContext({
        input: { repoName: 'payments-api' },
        workspacePath,
        task: { id: `task-${phase}` },
      });
      await expect(crashing.handler(ctx)).rejects.toThrow(phase);
      expect(fs.existsSync(mockDir.resolve('repositories/payments-api'))).toBe(
        false,
      );
      // The replay of the same task completes.
      await action.handler(
        createMockActionContext({
          input: { repoName: 'payments-api' },
          workspacePath,
          task: { id: `task-${phase}` },
        }),
      );
      expect(
        fs.existsSync(mockDir.resolve('repositories/payments-api/.git')),
      ).toBe(true);
      fs.rmSync(mockDir.resolve('repositories'), { recursive: true });
    }
  });

  it('refuses a symlink in the workspace and publishes nothing', async () => {
    mockDir.addContent({ outside: { 'secret.yaml': 'kind: Component\n' } });
    fs.rmSync(mockDir.resolve('workspace/catalog-info.yaml'));
    fs.symlinkSync(
      mockDir.resolve('outside/secret.yaml'),
      mockDir.resolve('workspace/catalog-info.yaml'),
    );
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'Refusing to publish catalog-info.yaml',
    );
    expect(fs.existsSync(mockDir.resolve('repositories/payments-api'))).toBe(
      false,
    );
  });
});

function outputOf(ctx: { output: unknown }, name: string) {
  return (ctx.output as jest.Mock).mock.calls.find(([n]) => n === name)?.[1];
}
