/*
 * What applying a new generation does to each file of an existing repository. The base
 * of each merge is the previous generation's text: the re-render of the stored answers
 * when its hash is the one the manifest recorded, else the repository's file when that
 * still has the recorded hash; with neither, the base is unknown and only a file the
 * new generation leaves identical is safe (ADR 1600).
 */
import { mergeGeneratedFile, MergeStatus } from './mergeGeneratedFile';

/**
 * Where the generation record of a generated repository is (docs/generated-repository.md).
 *
 * @public
 */
export const GENERATION_MANIFEST_PATH = '.plinth/generation.json';

/** @public */
export interface GenerationManifest {
  plinthVersion: string;
  designVersion: number;
  /** Every generated file but the manifest itself, by path: `sha256:<hex>`. */
  files: Record<string, string>;
}

/** @public */
export type FileChangeStatus =
  | 'added'
  | 'changed'
  | 'removed'
  | 'unchanged'
  | 'conflict';

/** @public */
export interface FileChange {
  path: string;
  status: FileChangeStatus;
  merge: MergeStatus;
  /** What to write for `added` and `changed`. */
  content?: string;
}

/** @public */
export interface RepositoryChangePlan {
  /** Every path either generation or the repository has, sorted. */
  files: FileChange[];
  added: string[];
  changed: string[];
  removed: string[];
  conflicts: string[];
}

/** @public */
export interface RepositoryChangeInput {
  /** The repository's `.plinth/generation.json`. */
  previousManifest: GenerationManifest;
  /** The repository's files now, by path (at least every path of the manifest and of next). */
  current: Readonly<Record<string, string>>;
  /** The new generation, by path, with its own manifest. */
  next: Readonly<Record<string, string>>;
  /** The previous generation as re-rendered from the stored answers, by path. */
  base: Readonly<Record<string, string>>;
  /** The manifest's hash of a text: `sha256:<hex>` (node:crypto on the backend). */
  hash: (content: string) => string;
}

const own = (record: Readonly<Record<string, string>>, path: string) =>
  Object.prototype.hasOwnProperty.call(record, path) ? record[path] : undefined;

/** @public */
export function planRepositoryChange(
  input: RepositoryChangeInput,
): RepositoryChangePlan {
  const { previousManifest, current, next, base, hash } = input;
  const recorded = previousManifest.files;
  const paths = [
    ...new Set([...Object.keys(recorded), ...Object.keys(next)]),
  ].sort();
  const files: FileChange[] = [];
  for (const path of paths) {
    const ours = own(current, path);
    const theirs = own(next, path);
    if (path === GENERATION_MANIFEST_PATH) {
      // The record of what was generated: always the new generation's.
      files.push(
        ours === theirs
          ? { path, status: 'unchanged', merge: 'unchanged' }
          : {
              path,
              status: ours === undefined ? 'added' : 'changed',
              merge: 'updated',
              content: theirs,
            },
      );
      continue;
    }
    const recordedHash = own(recorded, path);
    // undefined: not generated before; null: generated, but its text is not known.
    let previous: string | null | undefined;
    if (recordedHash !== undefined) {
      previous = null;
      const rendered = own(base, path);
      if (rendered !== undefined && hash(rendered) === recordedHash) {
        previous = rendered;
      } else if (ours !== undefined && hash(ours) === recordedHash) {
        previous = ours;
      }
    }
    const result = mergeGeneratedFile({ base: previous, ours, theirs });
    files.push({ path, ...toChange(result.status, ours, result.content) });
  }
  const having = (status: FileChangeStatus) =>
    files.filter(f => f.status === status).map(f => f.path);
  return {
    files,
    added: having('added'),
    changed: having('changed'),
    removed: having('removed'),
    conflicts: having('conflict'),
  };
}

function toChange(
  merge: MergeStatus,
  ours: string | undefined,
  content: string | undefined,
): Omit<FileChange, 'path'> {
  if (merge === 'conflict') return { status: 'conflict', merge };
  if (content === ours) return { status: 'unchanged', merge };
  if (content === undefined) return { status: 'removed', merge };
  if (ours === undefined) return { status: 'added', merge, content };
  return { status: 'changed', merge, content };
}
