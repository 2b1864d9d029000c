import { InputError } from '@backstage/errors';
import {
  designSchema,
  type Design,
} from '@plinth/backstage-plugin-infra-common';

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 10;

/** One of zod's issues, from the zod infra-common's design schema is built with. */
type DesignIssue = NonNullable<
  ReturnType<typeof designSchema.safeParse>['error']
>['issues'][number];

function messageOf(issue: DesignIssue): string {
  // zod names unknown keys in its message; a hostile key can be any length.
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys
      .slice(0, 3)
      .map(k => JSON.stringify(k.slice(0, 40)));
    return `unknown field(s) ${keys.join(', ')}${
      issue.keys.length > 3 ? ', ...' : ''
    }`;
  }
  return issue.message.slice(0, 200);
}

/**
 * Checks that `value` is a design the renderers can write safely, against the one design
 * schema in infra-common (every field any renderer reads), or throws an InputError naming
 * each bad field. The render action takes a design from any caller, not only from our plan
 * step, so nothing in it is trusted. Returns the parsed design: unknown keys are refused,
 * so what the renderers see is exactly what was checked.
 */
export function parseDesign(value: unknown): Design {
  const result = designSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  // Field paths and our own messages only: the offending value is never echoed.
  const problems = issues
    .slice(0, MAX_LISTED)
    .map(issue => `design.${issue.path.join('.')}: ${messageOf(issue)}`);
  if (issues.length > MAX_LISTED) {
    problems.push(`and ${issues.length - MAX_LISTED} more`);
  }
  throw new InputError(`Invalid design: ${problems.join('; ')}`);
}

/** {@link parseDesign} as an assertion, for callers that keep their own reference. */
export function assertDesign(value: unknown): asserts value is Design {
  parseDesign(value);
}
