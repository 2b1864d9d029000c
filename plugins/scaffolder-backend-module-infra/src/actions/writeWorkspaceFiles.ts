import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedFile } from '../render/types';

/**
 * Writes generated files into the scaffolder workspace.
 *
 * Every target goes through `resolveSafeChildPath`, so `../` or absolute paths
 * cannot leave the workspace. That check is lexical, so a symlink that is
 * already inside the workspace could still point a write elsewhere: every
 * existing component of every target is therefore `lstat`ed first, and any
 * symlink fails the whole write before a single file is written.
 *
 * @returns the written paths, relative to the workspace, in input order
 */
export async function writeWorkspaceFiles(
  workspacePath: string,
  files: GeneratedFile[],
): Promise<string[]> {
  const targets = files.map(file => ({
    file,
    target: resolveSafeChildPath(workspacePath, file.path),
  }));

  const checked = new Set<string>();
  for (const { target } of targets) {
    await assertNoSymlinkBetween(workspacePath, target, checked);
  }

  for (const { file, target } of targets) {
    await fs.mkdir(path.dirname(target), { recursive: true });
    // O_NOFOLLOW: should a symlink appear after the check, opening it fails.
    const handle = await fs.open(
      target,
      fsConstants.O_WRONLY |
        fsConstants.O_CREAT |
        fsConstants.O_TRUNC |
        fsConstants.O_NOFOLLOW,
      0o644,
    );
    try {
      await handle.writeFile(file.content, 'utf8');
    } finally {
      await handle.close();
    }
  }
  return targets.map(({ file }) => file.path);
}

async function assertNoSymlinkBetween(
  workspacePath: string,
  target: string,
  checked: Set<string>,
): Promise<void> {
  const relative = path.relative(workspacePath, target);
  let current = workspacePath;
  for (const segment of relative.split(path.sep)) {
    current = path.join(current, segment);
    if (checked.has(current)) {
      continue;
    }
    let stats;
    try {
      stats = await fs.lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return; // nothing below a missing component exists yet
      }
      throw error;
    }
    if (stats.isSymbolicLink()) {
      throw new NotAllowedError(
        `Refusing to write through the symlink ${path.relative(
          workspacePath,
          current,
        )} in the workspace`,
      );
    }
    checked.add(current);
  }
}
