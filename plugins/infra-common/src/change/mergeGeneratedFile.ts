/*
 * The three-way merge of one generated file: base is the previous generation, ours the
 * file in the repository now (perhaps edited by hand), theirs the new generation. A
 * hand edit in a file the new generation does not change survives; edits on both sides
 * merge line by line when they touch different lines; otherwise the file is a conflict,
 * and the repository's version stays (ADR 1600).
 */
import diff3Merge from 'diff3';

/** @public */
export type MergeStatus =
  | 'unchanged'
  | 'updated'
  | 'kept-hand-edit'
  | 'merged'
  | 'conflict';

/**
 * One file's three versions; undefined means the file does not exist in that version.
 * A base of null is unknown: the file was generated before, but its text then cannot be
 * told, so only a new generation equal to the repository's file is safe.
 *
 * @public
 */
export interface MergeInput {
  base?: string | null;
  ours?: string;
  theirs?: string;
}

/** @public */
export interface MergeResult {
  status: MergeStatus;
  /**
   * What the file must hold after the change; undefined: the file must not exist.
   * Absent for a conflict, which keeps ours.
   */
  content?: string;
}

/** Lines with their terminators, so joining them gives the text back exactly. */
const lines = (text: string) => (text === '' ? [] : text.split(/(?<=\n)/));

/** @public */
export function mergeGeneratedFile({
  base,
  ours,
  theirs,
}: MergeInput): MergeResult {
  if (ours === theirs) return { status: 'unchanged', content: ours };
  if (base !== null && theirs === base) {
    // The new generation leaves the file as it was: whatever is there now stays.
    return { status: 'kept-hand-edit', content: ours };
  }
  if (base !== null && ours === base) {
    return { status: 'updated', content: theirs };
  }
  // Both sides changed it (or the base is unknown): only a clean line merge may write.
  if (
    base === null ||
    base === undefined ||
    ours === undefined ||
    theirs === undefined
  ) {
    return { status: 'conflict' };
  }
  const blocks = diff3Merge(lines(ours), lines(base), lines(theirs));
  if (blocks.some(block => 'conflict' in block)) return { status: 'conflict' };
  const content = blocks
    .map(block => ('ok' in block ? block.ok.join('') : ''))
    .join('');
  return { status: 'merged', content };
}
