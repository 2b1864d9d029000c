// Without imports, so this package's API report does not reach into the domain's sources.
/** @public */
export const ANSWERS_PATH = '.plinth/answers.yaml';
/**
 * Where the manifest is: infra-common's GENERATION_MANIFEST_PATH, written out so this
 * package's API does not reach into the domain's (generation.test.ts checks they agree).
 *
 * @public
 */
export const GENERATION_PATH = '.plinth/generation.json';
