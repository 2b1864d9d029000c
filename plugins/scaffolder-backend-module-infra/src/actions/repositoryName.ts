import {
  REPOSITORY_NAME_MESSAGE,
  REPOSITORY_NAME_PATTERN,
} from '@plinth/backstage-plugin-infra-common';

/**
 * Holds a string input to the repository name pattern. Generic over the schema so that it
 * takes the zod instance the scaffolder hands to an action's schema, whichever copy that is.
 */
export function repositoryName<
  R,
  S extends { regex(pattern: RegExp, options: { message: string }): R },
>(schema: S): R {
  return schema.regex(REPOSITORY_NAME_PATTERN, {
    message: REPOSITORY_NAME_MESSAGE,
  });
}
