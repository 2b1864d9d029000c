import fs from 'node:fs';
import path from 'node:path';
import { NotAllowedError } from '@backstage/errors';

/**
 * Every file of a workspace folder as text, by POSIX path. A symlink fails the read (it
 * could point outside the workspace); `.git` is left out.
 */
export async function readWorkspaceFiles(
  root: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await fs.promises.readdir(dir, {
      withFileTypes: true,
    })) {
      if (entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        out[rel] = await fs.promises.readFile(full, 'utf8');
      else throw new NotAllowedError(`Refusing ${rel}: not a regular file`);
    }
  };
  await walk(root);
  return out;
}
