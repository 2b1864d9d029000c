/*
 * Every text file of a service's repository, by POSIX path: a local folder walked on disk
 * (symbolic links are not followed, `.git` is skipped), a URL through
 * UrlReaderService.readTree. Bounded, since a change reads the whole repository.
 */
import { UrlReaderService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RepositorySource } from '../evidence/repositorySource';

const MAX_FILES = 5000;
const MAX_FILE_BYTES = 2_000_000;
const SKIP_DIRS = new Set(['.git', '.terraform', 'node_modules']);

export async function readRepositoryFiles(
  source: RepositorySource,
  reader: UrlReaderService,
  filter: (filePath: string) => boolean = () => true,
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  let count = 0;
  if (source.kind === 'file') {
    const walk = async (dir: string, depth: number) => {
      if (depth > 12 || count >= MAX_FILES) return;
      const entries = await fs.readdir(dir, { withFileTypes: true });
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIP_DIRS.has(entry.name)) await walk(full, depth + 1);
        } else if (entry.isFile() && count < MAX_FILES) {
          const rel = path
            .relative(source.root, full)
            .split(path.sep)
            .join('/');
          if (!filter(rel)) continue;
          const stat = await fs.stat(full);
          if (stat.size > MAX_FILE_BYTES) continue;
          files[rel] = await fs.readFile(full, 'utf8');
          count++;
        }
      }
    };
    await walk(source.root, 0);
    return files;
  }
  const tree = await reader.readTree(source.url, {
    filter: p => filter(p) || !/\.[A-Za-z0-9]+$/.test(p),
  });
  for (const file of await tree.files()) {
    if (!filter(file.path) || count >= MAX_FILES) continue;
    const content = await file.content();
    if (content.length <= MAX_FILE_BYTES) {
      files[file.path] = content.toString('utf8');
      count++;
    }
  }
  return files;
}
