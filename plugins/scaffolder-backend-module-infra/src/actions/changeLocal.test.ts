import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { changeAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';
import git from 'isomorphic-git';
import { generated } from '../__testUtils__/changeRepository';
import { createInfraChangeLocalAction } from './changeLocal';
import { filesOfCommit, readText } from './gitChangeCommit';
import { publishLocalRepository } from './localRepository';

const { before, after } = changeAnswers;

const author = { name: 'Someone', email: 'someone@example.com' };

describe('infra:change:local', () => {
  const mockDir = createMockDirectory();
  const localDirectory = mockDir.resolve('repositories');
  const repoPath = path.join(localDirectory, 'payments-api-infra');
  const workspacePath = mockDir.resolve('workspace');
  const action = createInfraChangeLocalAction({
    config: new ConfigReader({ plinth: { publish: { localDirectory } } }),
  });
  const previous = generated(before);
  const next = generated(after);

  /** Commits a hand edit on main, in the working tree as people do. */
  async function handEdit(file: string, content: string) {
    fs.writeFileSync(path.join(repoPath, file), content);
    await git.add({ fs, dir: repoPath, filepath: file });
    await git.commit({ fs, dir: repoPath, message: `edit ${file}`, author });
  }

  async function run() {
    const ctx = createMockActionContext({
      input: { repoName: 'payments-api-infra' },
      workspacePath,
    });
    await action.handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    return outputs as {
      branch: string;
      commit: string;
      filesChanged: string[];
      conflicts: string[];
    };
  }

  /** The paths a commit changes against its parent. */
  async function diffOf(commit: string) {
    const { commit: c } = await git.readCommit({
      fs,
      dir: repoPath,
      oid: commit,
    });
    expect(c.parent).toHaveLength(1);
    const [a, b] = await Promise.all([
      filesOfCommit(repoPath, c.parent[0]),
      filesOfCommit(repoPath, commit),
    ]);
    return [...new Set([...a.keys(), ...b.keys()])]
      .filter(p => a.get(p)?.oid !== b.get(p)?.oid)
      .sort();
  }

  beforeEach(async () => {
    fs.rmSync(mockDir.path, { recursive: true, force: true });
    mockDir.setContent({ workspace: next, staged: previous, repositories: {} });
    await publishLocalRepository({
      source: mockDir.resolve('staged'),
      localDirectory,
      repoName: 'payments-api-infra',
      taskId: 'create-task',
      defaultBranch: 'main',
      message: 'Initial infrastructure',
      author,
    });
  });

  it('commits exactly the changed files on a new branch and keeps a hand edit the change does not touch', async () => {
    const untouched = Object.keys(previous).find(
      p => p.endsWith('.md') && previous[p] === next[p],
    )!;
    const edited = `${previous[untouched]}\nAsk #platform first.\n`;
    await handEdit(untouched, edited);
    const main = await git.resolveRef({ fs, dir: repoPath, ref: 'main' });

    const out = await run();
    expect(out.branch).toMatch(/^plinth\/change-[0-9a-f]{12}$/);
    expect(out.conflicts).toEqual([]);
    expect(out.filesChanged).toEqual(
      expect.arrayContaining([
        '.plinth/answers.yaml',
        '.plinth/generation.json',
        'catalog-info.yaml',
        'terraform/envs/staging/main.tf',
      ]),
    );
    expect(out.filesChanged).not.toContain(untouched);
    // Exactly one commit on top of main, whose diff is exactly the changed files.
    const { commit } = await git.readCommit({
      fs,
      dir: repoPath,
      oid: out.commit,
    });
    expect(commit.parent).toEqual([main]);
    expect(await diffOf(out.commit)).toEqual(out.filesChanged);
    expect(
      await git.resolveRef({
        fs,
        dir: repoPath,
        ref: `refs/heads/${out.branch}`,
      }),
    ).toBe(out.commit);
    // The branch has the new generation and the hand edit.
    const files = await filesOfCommit(repoPath, out.commit);
    expect(await readText(repoPath, files.get(untouched)!.oid)).toBe(edited);
    for (const p of out.filesChanged) {
      expect(await readText(repoPath, files.get(p)!.oid)).toBe(next[p]);
    }
    // main and its working tree are untouched.
    expect(await git.resolveRef({ fs, dir: repoPath, ref: 'main' })).toBe(main);
    expect(fs.existsSync(path.join(repoPath, 'terraform/envs/staging'))).toBe(
      false,
    );
    expect(await git.currentBranch({ fs, dir: repoPath })).toBe('main');
  });

  it('is idempotent: a re-run finds the same branch and makes no second commit', async () => {
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const log = await git.log({ fs, dir: repoPath, ref: first.branch });
    expect(log.map(c => c.commit.message.split('\n')[0])).toEqual([
      'Change the infrastructure of payments-api (Plinth /infra)',
      'Initial infrastructure',
    ]);
  });

  it('reports a file changed by hand and by the change differently, and leaves it as it is', async () => {
    const mine = previous['catalog-info.yaml'].replace(
      /description: .*/,
      'description: Edited by hand',
    );
    expect(mine).not.toBe(previous['catalog-info.yaml']);
    // The same line the new generation changes: the SLO objective.
    const conflicting = mine.replace(/99\.9\b/g, '99.99');
    await handEdit('catalog-info.yaml', conflicting);

    const out = await run();
    expect(out.conflicts).toEqual(['catalog-info.yaml']);
    expect(out.filesChanged).not.toContain('catalog-info.yaml');
    const files = await filesOfCommit(repoPath, out.commit);
    expect(await readText(repoPath, files.get('catalog-info.yaml')!.oid)).toBe(
      conflicting,
    );
    const { commit } = await git.readCommit({
      fs,
      dir: repoPath,
      oid: out.commit,
    });
    expect(commit.message).toContain('Conflicts');
    expect(commit.message).toContain('- catalog-info.yaml');
  });

  it('refuses a folder that is not a repository Plinth generated, before writing anything', async () => {
    fs.mkdirSync(path.join(localDirectory, 'hand-made'));
    const ctx = createMockActionContext({
      input: { repoName: 'hand-made' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /There is no local repository hand-made to change/,
    );
    const ctx2 = createMockActionContext({
      input: { repoName: 'nope-infra' },
      workspacePath,
    });
    await expect(action.handler(ctx2)).rejects.toThrow(/no local repository/);
    expect(await git.listBranches({ fs, dir: repoPath })).toEqual(['main']);
  });

  it('in a dry run plans the change and writes nothing', async () => {
    // The mock drops isDryRun, so it is set on the context it returns.
    const ctx = {
      ...createMockActionContext({
        input: { repoName: 'payments-api-infra' },
        workspacePath,
      }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'branch',
      expect.stringMatching(/^plinth\/change-/),
    );
    expect(await git.listBranches({ fs, dir: repoPath })).toEqual(['main']);
  });
});
