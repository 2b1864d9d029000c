/*
 * Publishing a local repository so that a crash at any instant leaves either nothing or a
 * whole repository, and a replay of the same task finishes the job:
 *
 * 1. copy the workspace into `<localDirectory>/.staging/<task id>`: two levels down, so the
 *    catalog's `<localDirectory>/* /catalog-info.yaml` glob never reads it;
 * 2. commit there, recording the task id in the repository's own git config;
 * 3. rename the staged folder into place (atomic on one filesystem).
 *
 * A replay first looks at the final folder: if it is a repository this task created, the
 * rename happened and only the checkpoint was lost, so its commit is the result.
 * Anything else already there is someone else's and is never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import git from 'isomorphic-git';

/** Below the local directory, outside the catalog's one-level glob. */
export const STAGING_FOLDER = '.staging';
/** The git config key naming the task that created a repository. */
const TASK_CONFIG_KEY = 'plinth.task';

export interface PublishOptions {
  source: string;
  localDirectory: string;
  repoName: string;
  taskId: string;
  defaultBranch: string;
  message: string;
  author: { name: string; email: string };
  /**
   * Paths, relative to `source`, that must be there (what the render step wrote). A task
   * recovered where its workspace is not (another replica, a lost temp folder) then fails
   * instead of publishing whatever is left.
   */
  expectedFiles?: string[];
  /** For the fault test: called between the phases, so a crash can be placed there. */
  onPhase?: (phase: 'copied' | 'committed' | 'renamed') => Promise<void>;
}

/** The commit of `repoPath` if this task created it, else undefined. */
async function createdBy(
  repoPath: string,
  taskId: string,
): Promise<string | undefined> {
  try {
    const owner = await git.getConfig({
      fs,
      dir: repoPath,
      path: TASK_CONFIG_KEY,
    });
    if (owner !== taskId) return undefined;
    return await git.resolveRef({ fs, dir: repoPath, ref: 'HEAD' });
  } catch {
    return undefined;
  }
}

/**
 * Copies a folder tree, regular files and folders only. A symlink anywhere fails the
 * copy (it could point outside the workspace); `.git` folders are left out.
 */
export async function copyTree(
  from: string,
  to: string,
  root = from,
): Promise<void> {
  await fs.promises.mkdir(to, { recursive: true });
  for (const entry of await fs.promises.readdir(from, {
    withFileTypes: true,
  })) {
    if (entry.name === '.git') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await copyTree(source, target, root);
    } else if (entry.isFile()) {
      // COPYFILE_EXCL: the staging folder is fresh, so an existing file is a bug.
      await fs.promises.copyFile(source, target, fs.constants.COPYFILE_EXCL);
    } else {
      throw new NotAllowedError(
        `Refusing to publish ${path.relative(
          root,
          source,
        )}: only regular files and folders are published, not symlinks or devices`,
      );
    }
  }
}

/** Publishes `source` as `<localDirectory>/<repoName>`; returns the commit. */
export async function publishLocalRepository(
  options: PublishOptions,
): Promise<string> {
  const { source, localDirectory, repoName, taskId, onPhase } = options;
  const repoPath = resolveSafeChildPath(localDirectory, repoName);

  const earlier = await createdBy(repoPath, taskId);
  if (earlier) return earlier;
  if (fs.existsSync(repoPath)) {
    throw new InputError(
      `A repository named ${repoName} already exists; choose another name`,
    );
  }

  const missing = (options.expectedFiles ?? []).filter(
    file => !fs.existsSync(resolveSafeChildPath(source, file)),
  );
  if (missing.length > 0) {
    throw new InputError(
      `The workspace lacks ${missing.length} of the ${
        options.expectedFiles!.length
      } files rendered ` +
        `earlier (first: ${missing[0]}); it was not carried over to this run of the task, so ` +
        'nothing was published. Configure scaffolder.taskRecovery.workspaceProvider or a shared ' +
        'backend.workingDirectory, then run the template again',
    );
  }

  const stagingRoot = resolveSafeChildPath(localDirectory, STAGING_FOLDER);
  const staging = resolveSafeChildPath(stagingRoot, taskId);
  // Whatever an earlier attempt of this task left here is incomplete by definition.
  await fs.promises.rm(staging, { recursive: true, force: true });
  await fs.promises.mkdir(stagingRoot, { recursive: true });

  await copyTree(source, staging);
  await onPhase?.('copied');

  await git.init({ fs, dir: staging, defaultBranch: options.defaultBranch });
  await git.setConfig({
    fs,
    dir: staging,
    path: TASK_CONFIG_KEY,
    value: taskId,
  });
  await git.add({ fs, dir: staging, filepath: '.' });
  const commit = await git.commit({
    fs,
    dir: staging,
    message: options.message,
    author: options.author,
  });
  await onPhase?.('committed');

  try {
    // Fails with EEXIST/ENOTEMPTY when another task took the name since the check above.
    await fs.promises.rename(staging, repoPath);
  } catch (error) {
    await fs.promises.rm(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTEMPTY') {
      throw new InputError(
        `A repository named ${repoName} already exists; choose another name`,
      );
    }
    throw error;
  }
  await onPhase?.('renamed');
  return commit;
}
