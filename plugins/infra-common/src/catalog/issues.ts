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

/**
 * One line per issue, `path: message`, for logs and processing errors.
 *
 * @public
 */
export function formatIssues(issues: ReadonlyArray<ContractIssue>): string {
  return issues.map(i => `${i.path}: ${i.message}`).join('; ');
}
