import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { writeWorkspaceFiles } from './writeWorkspaceFiles';

describe('writeWorkspaceFiles', () => {
  const root = createMockDirectory();
  const workspace = path.join(root.path, 'workspace');
  const outside = path.join(root.path, 'outside');

  beforeEach(() => {
    root.setContent({ workspace: {}, outside: { 'keep.txt': 'original' } });
  });

  it('writes nested files and returns their paths', async () => {
    const written = await writeWorkspaceFiles(workspace, [
      { path: 'README.md', content: '# hi\n' },
      { path: 'docs/runbooks/deploy.md', content: 'deploy\n' },
    ]);
    expect(written).toEqual(['README.md', 'docs/runbooks/deploy.md']);
    expect(
      fs.readFileSync(path.join(workspace, 'docs/runbooks/deploy.md'), 'utf8'),
    ).toBe('deploy\n');
  });

  it.each([
    '../outside/keep.txt',
    'docs/../../outside/keep.txt',
    '/etc/passwd',
  ])('refuses %s and writes nothing at all', async badPath => {
    await expect(
      writeWorkspaceFiles(workspace, [
        { path: 'README.md', content: 'first' },
        { path: badPath, content: 'pwned' },
      ]),
    ).rejects.toThrow(/outside its parent/);
    expect(fs.readdirSync(workspace)).toEqual([]);
    expect(fs.readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe(
      'original',
    );
  });

  it('refuses a symlinked directory in the workspace instead of following it', async () => {
    fs.symlinkSync(outside, path.join(workspace, 'docs'));
    await expect(
      writeWorkspaceFiles(workspace, [
        { path: 'README.md', content: 'first' },
        { path: 'docs/keep.txt', content: 'pwned' },
      ]),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(fs.readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe(
      'original',
    );
    expect(fs.existsSync(path.join(workspace, 'README.md'))).toBe(false);
  });

  it('refuses a symlinked file in the workspace instead of writing through it', async () => {
    fs.symlinkSync(
      path.join(outside, 'keep.txt'),
      path.join(workspace, 'README.md'),
    );
    await expect(
      writeWorkspaceFiles(workspace, [{ path: 'README.md', content: 'pwned' }]),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(fs.readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe(
      'original',
    );
  });

  it('refuses a symlink even when it points inside the workspace', async () => {
    // resolveSafeChildPath accepts this one (its target is inside); lstat must catch it.
    fs.mkdirSync(path.join(workspace, 'real'));
    fs.symlinkSync(path.join(workspace, 'real'), path.join(workspace, 'docs'));
    await expect(
      writeWorkspaceFiles(workspace, [{ path: 'docs/index.md', content: 'x' }]),
    ).rejects.toThrow(/symlink docs in the workspace/);
    expect(fs.readdirSync(path.join(workspace, 'real'))).toEqual([]);
  });

  it('overwrites a regular file that is already there', async () => {
    fs.writeFileSync(path.join(workspace, 'README.md'), 'old');
    await writeWorkspaceFiles(workspace, [
      { path: 'README.md', content: 'new' },
    ]);
    expect(fs.readFileSync(path.join(workspace, 'README.md'), 'utf8')).toBe(
      'new',
    );
  });
});
