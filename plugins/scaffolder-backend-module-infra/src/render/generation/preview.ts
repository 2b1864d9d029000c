/*
 * The change preview as the infra backend serves it, typed without the domain's types so
 * this package's API stays its own: the design diff is the domain's DesignDiff
 * (`diffDesigns` in infra-common), as JSON.
 */
import type { JsonObject } from '@backstage/types';
import { planChange, readGenerationRecord } from './change';

/** @public */
export interface ChangeRecord {
  answers: Record<string, unknown>;
  plinthVersion: string;
  designVersion: number;
}

/** @public */
export type ChangePreview =
  | {
      ok: true;
      /** infra-common's DesignDiff: decisions, cost and compliance. */
      diff: JsonObject;
      files: {
        added: string[];
        changed: string[];
        removed: string[];
        conflicts: string[];
      };
    }
  | { ok: false; issues: Array<{ path: string; message: string }> };

/**
 * The stored answers and versions of a repository Plinth generated, from its files;
 * undefined when it has no valid `.plinth/answers.yaml` and `.plinth/generation.json`.
 *
 * @public
 */
export function readChangeRecord(
  files: Readonly<Record<string, string>>,
): ChangeRecord | undefined {
  const record = readGenerationRecord(files);
  return record
    ? {
        answers: record.answers,
        plinthVersion: record.manifest.plinthVersion,
        designVersion: record.manifest.designVersion,
      }
    : undefined;
}

/**
 * What new answers would change in a generated repository: the design diff and the files
 * added, changed, removed and in conflict with hand edits (ADR 1600). Pure.
 *
 * @public
 */
export function previewRepositoryChange(options: {
  /** The repository's files now, by path. */
  files: Readonly<Record<string, string>>;
  answers: unknown;
}): ChangePreview | undefined {
  const record = readGenerationRecord(options.files);
  if (!record) return undefined;
  const change = planChange({
    record,
    answers: options.answers,
    current: options.files,
  });
  if (!change.ok) return { ok: false, issues: change.issues };
  const { plan } = change;
  return {
    ok: true,
    diff: change.diff as unknown as JsonObject,
    files: {
      added: plan.added,
      changed: plan.changed,
      removed: plan.removed,
      conflicts: plan.conflicts,
    },
  };
}
