/*
 * One commit on a new branch of a local repository, made from the repository's objects
 * without touching its working tree or its checked-out branch: the tree of the base
 * commit with the planned files written or removed, so the commit's diff is exactly the
 * planned change. The branch name comes from the change, so a replay finds its branch.
 */
import fs from 'node:fs';
import git, { type TreeEntry } from 'isomorphic-git';

export interface BlobFile {
  oid: string;
  mode: string;
}

/** Every file of a commit, by path. */
export async function filesOfCommit(
  dir: string,
  commit: string,
): Promise<Map<string, BlobFile>> {
  const out = new Map<string, BlobFile>();
  const walk = async (oid: string, prefix: string) => {
    const { tree } = await git.readTree({ fs, dir, oid });
    for (const entry of tree) {
      const p = prefix ? `${prefix}/${entry.path}` : entry.path;
      if (entry.type === 'tree') await walk(entry.oid, p);
      else if (entry.type === 'blob')
        out.set(p, { oid: entry.oid, mode: entry.mode });
    }
  };
  const { commit: c } = await git.readCommit({ fs, dir, oid: commit });
  await walk(c.tree, '');
  return out;
}

export async function readText(dir: string, oid: string): Promise<string> {
  const { blob } = await git.readBlob({ fs, dir, oid });
  return Buffer.from(blob).toString('utf8');
}

/** Writes the nested trees of a flat file map; returns the root tree. */
async function writeTrees(
  dir: string,
  files: Map<string, BlobFile>,
): Promise<string> {
  type Node = { files: Map<string, BlobFile>; dirs: Map<string, Node> };
  const root: Node = { files: new Map(), dirs: new Map() };
  for (const [p, blob] of files) {
    const parts = p.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.dirs.get(part);
      if (!child) {
        child = { files: new Map(), dirs: new Map() };
        node.dirs.set(part, child);
      }
      node = child;
    }
    node.files.set(parts[parts.length - 1], blob);
  }
  const write = async (node: Node): Promise<string> => {
    const tree: TreeEntry[] = [];
    for (const [name, child] of node.dirs) {
      tree.push({
        mode: '040000',
        path: name,
        oid: await write(child),
        type: 'tree',
      });
    }
    for (const [name, blob] of node.files) {
      tree.push({ mode: blob.mode, path: name, oid: blob.oid, type: 'blob' });
    }
    return git.writeTree({ fs, dir, tree });
  };
  return write(root);
}

export interface ChangeCommitOptions {
  dir: string;
  branch: string;
  base: string;
  /** Path -> new content; undefined removes the file. */
  changes: ReadonlyMap<string, string | undefined>;
  message: string;
  author: { name: string; email: string };
}

/** The branch's commit when it exists already (a replay), else undefined. */
export async function existingBranch(
  dir: string,
  branch: string,
): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, dir, ref: `refs/heads/${branch}` });
  } catch {
    return undefined;
  }
}

export async function commitChangeOnBranch(
  options: ChangeCommitOptions,
): Promise<string> {
  const { dir, base } = options;
  const files = await filesOfCommit(dir, base);
  for (const [p, content] of options.changes) {
    if (content === undefined) {
      files.delete(p);
    } else {
      const oid = await git.writeBlob({
        fs,
        dir,
        blob: Buffer.from(content, 'utf8'),
      });
      files.set(p, { oid, mode: files.get(p)?.mode ?? '100644' });
    }
  }
  const tree = await writeTrees(dir, files);
  const now = Math.floor(Date.now() / 1000);
  const person = { ...options.author, timestamp: now, timezoneOffset: 0 };
  const commit = await git.writeCommit({
    fs,
    dir,
    commit: {
      message: options.message,
      tree,
      parent: [base],
      author: person,
      committer: person,
    },
  });
  // Fails if the branch appeared meanwhile: a concurrent run of the same change won.
  await git.writeRef({
    fs,
    dir,
    ref: `refs/heads/${options.branch}`,
    value: commit,
  });
  return commit;
}
