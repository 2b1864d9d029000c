/*
 * Reads the Terraform text of a repository, with a revision to skip unchanged ones: for
 * a local folder a digest of the files' paths, sizes and modification times; for a URL
 * the ETag of UrlReaderService.readTree (asked with the last ETag, NotModifiedError when
 * unchanged). Only `.tf` and `.tfvars` files are kept, and at most MAX_FILES of them.
 */
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import type { IacFile } from '@plinth/backstage-plugin-infra-common';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RepositorySource } from './repositorySource';

const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1_000_000;
const SKIP_DIRS = new Set(['.git', '.terraform', 'node_modules']);
const IAC_FILE = /\.(tf|tfvars)$/;

export type ReadResult =
  | { changed: false; revision: string }
  | { changed: true; revision: string; files: IacFile[] };

async function listLocal(
  root: string,
): Promise<Array<{ rel: string; size: number; mtimeMs: number }>> {
  const out: Array<{ rel: string; size: number; mtimeMs: number }> = [];
  const walk = async (dir: string, depth: number) => {
    if (depth > 8 || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full, depth + 1);
      } else if (entry.isFile() && IAC_FILE.test(entry.name)) {
        const stat = await fs.stat(full);
        if (stat.size <= MAX_FILE_BYTES && out.length < MAX_FILES)
          out.push({
            rel: path.relative(root, full).split(path.sep).join('/'),
            size: stat.size,
            mtimeMs: stat.mtimeMs,
          });
      }
    }
  };
  await walk(root, 0);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

export async function readRepository(
  source: RepositorySource,
  reader: UrlReaderService,
  lastRevision: string | undefined,
): Promise<ReadResult> {
  if (source.kind === 'file') {
    const listed = await listLocal(source.root);
    const digest = createHash('sha256');
    for (const f of listed)
      digest.update(`${f.rel}\0${f.size}\0${f.mtimeMs}\n`);
    const revision = `local:${digest.digest('hex').slice(0, 16)}`;
    if (revision === lastRevision) return { changed: false, revision };
    const files = await Promise.all(
      listed.map(async f => ({
        path: f.rel,
        text: await fs.readFile(path.join(source.root, f.rel), 'utf8'),
      })),
    );
    return { changed: true, revision, files };
  }
  try {
    const tree = await reader.readTree(source.url, {
      etag: lastRevision,
      filter: p => IAC_FILE.test(p) || !/\.[A-Za-z0-9]+$/.test(p),
    });
    const files: IacFile[] = [];
    for (const file of await tree.files()) {
      if (!IAC_FILE.test(file.path) || files.length >= MAX_FILES) continue;
      const content = await file.content();
      if (content.length <= MAX_FILE_BYTES)
        files.push({ path: file.path, text: content.toString('utf8') });
    }
    return { changed: true, revision: tree.etag, files };
  } catch (error) {
    if (
      error instanceof NotModifiedError ||
      (error as Error)?.name === 'NotModifiedError'
    )
      return { changed: false, revision: lastRevision ?? '' };
    throw error;
  }
}
