/*
 * Crash safety of infra:publish:local with real processes: a child publishes a workspace
 * of a few hundred files and is killed with SIGKILL after copying, after committing, after
 * renaming, and at timed moments while copying. After each kill:
 * - every folder the catalog's `<localDirectory>/* /catalog-info.yaml` glob can see is a
 *   complete repository (a clean git tree equal to the workspace), never a partial one;
 * - a replay of the same task completes with one repository, equal to the workspace;
 * - a different task is refused, and leaves the folder alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import git from 'isomorphic-git';
import { repoRoot } from '@plinth/test-support';
import { publishLocalRepository } from './localRepository';

jest.setTimeout(180_000);

const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs', {
  paths: [repoRoot],
});
const child = path.join(__dirname, '../__testUtils__/publishChild.ts');

function runChild(args: object, killAfterMs?: number): Promise<string> {
  return new Promise(resolve => {
    const proc = spawn(
      process.execPath,
      ['-r', transform, child, JSON.stringify(args)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    proc.stdout.on('data', d => {
      out += d;
    });
    if (killAfterMs !== undefined) {
      setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    }
    proc.on('exit', (_code, signal) => resolve(signal ?? out));
  });
}

/** Every catalog-info.yaml the catalog's one-level glob would read. */
function visibleToTheCatalog(localDirectory: string): string[] {
  if (!fs.existsSync(localDirectory)) return [];
  return fs
    .readdirSync(localDirectory)
    .filter(name =>
      fs.existsSync(path.join(localDirectory, name, 'catalog-info.yaml')),
    )
    .map(name => path.join(localDirectory, name));
}

async function expectComplete(repo: string, workspace: string) {
  const files = (await git.listFiles({ fs, dir: repo, ref: 'HEAD' })).sort();
  const expected = walk(workspace).sort();
  expect(files).toEqual(expected);
  for (const file of files) {
    expect(fs.readFileSync(path.join(repo, file))).toEqual(
      fs.readFileSync(path.join(workspace, file)),
    );
  }
  const status = await git.statusMatrix({ fs, dir: repo });
  expect(
    status.filter(([, h, w, s]) => !(h === 1 && w === 1 && s === 1)),
  ).toEqual([]);
}

function walk(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

describe('infra:publish:local under SIGKILL', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plinth-fault-'));
  const workspace = path.join(root, 'workspace');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  beforeAll(() => {
    // Big enough that a timed kill lands in the middle of the copy.
    for (let i = 0; i < 300; i++) {
      const dir = path.join(workspace, 'terraform', `m${i % 20}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, `f${i}.tf`),
        `# ${i}\n${'x'.repeat(4096)}\n`,
      );
    }
    fs.writeFileSync(
      path.join(workspace, 'catalog-info.yaml'),
      `kind: Component\n${'#'.repeat(8192)}\n`,
    );
  });

  const kills: Array<{ name: string; killAt?: string; afterMs?: number }> = [
    { name: 'after copying', killAt: 'copied' },
    { name: 'after committing', killAt: 'committed' },
    { name: 'after renaming', killAt: 'renamed' },
    ...[150, 400, 800, 1500].map(ms => ({ name: `${ms} ms in`, afterMs: ms })),
  ];

  it.each(kills)(
    'recovers from a kill $name',
    async ({ name, killAt, afterMs }) => {
      const localDirectory = path.join(
        root,
        `repos-${name.replace(/\W+/g, '-')}`,
      );
      const options = {
        source: workspace,
        localDirectory,
        repoName: 'payments-api-infra',
        taskId: `task-${name.replace(/\W+/g, '-')}`,
        defaultBranch: 'main',
        message: 'Initial infrastructure',
        author: { name: 'Plinth', email: 'plinth@localhost' },
      };
      const outcome = await runChild({ ...options, killAt }, afterMs);

      // Whatever the moment, the catalog sees nothing or whole repositories.
      for (const repo of visibleToTheCatalog(localDirectory)) {
        await expectComplete(repo, workspace);
      }
      // A phase kill always lands (the child dies by its own hand); a timed one may come late.
      expect(killAt ? outcome : 'SIGKILL').toBe('SIGKILL');

      // The recovered task (same id) completes; the result is one complete repository.
      const commit = await publishLocalRepository(options);
      const repo = path.join(localDirectory, options.repoName);
      expect(await git.resolveRef({ fs, dir: repo, ref: 'HEAD' })).toBe(commit);
      await expectComplete(repo, workspace);
      expect(visibleToTheCatalog(localDirectory)).toEqual([repo]);
      expect(fs.readdirSync(path.join(localDirectory, '.staging'))).toEqual([]);

      // A replay returns the same commit; another task is refused.
      await expect(publishLocalRepository(options)).resolves.toBe(commit);
      await expect(
        publishLocalRepository({ ...options, taskId: 'someone-else' }),
      ).rejects.toThrow('already exists');
    },
  );
});
