import type { z } from 'zod';
import type { ContractIssue } from './types';

/**
 * Formats a field path the way Plinth's errors name fields:
 * `spec.objectives[0].target`.
 */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === 'number') {
      return `${out}[${segment}]`;
    }
    return out ? `${out}.${segment}` : segment;
  }, '');
}

/** A parser's refusal for one field: what `ParseResult` says when the entity is unusable. */
export function rejected(
  path: string,
  message: string,
): { ok: false; issues: ContractIssue[] } {
  return { ok: false, issues: [{ path, message }] };
}

/** Turns zod's issues into contract issues, with paths under `prefix`. */
export function issuesFromZod(
  error: z.ZodError,
  prefix: ReadonlyArray<string | number> = [],
): ContractIssue[] {
  return error.issues.flatMap(issue =>
    // Name each unexpected key as its own field, so the path points at the typo.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map(key => ({
          path: formatPath([...prefix, ...issue.path, key]),
          message: 'unknown field',
        }))
      : [
          {
            path: formatPath([...prefix, ...issue.path]),
            message: issue.message,
          },
        ],
  );
}

/** An issue as a person reads it: `path: message`, after the entity when it names one. */
export function formatIssue(
  issue: ContractIssue & { entityRef?: string },
): string {
  const where = issue.entityRef ? `${issue.entityRef} ` : '';
  return `${where}${issue.path}: ${issue.message}`;
}

/** The issues on one line (or one per line with `separator` '\n'), for logs and errors. */
export function formatIssues(
  issues: ReadonlyArray<ContractIssue & { entityRef?: string }>,
  separator = '; ',
): string {
  return issues.map(formatIssue).join(separator);
}
