import fs from 'node:fs';
import path from 'node:path';

/** The monorepo root, from this file's place in plugins/<pkg>/src/__testUtils__. */
export const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * Missing tools or reference data fail the run under CI, and only skip locally,
 * loudly, so a developer without them can still run the rest.
 */
export function requireOrSkip(what: string, available: boolean): boolean {
  if (available) {
    return true;
  }
  if (process.env.CI === 'true') {
    throw new Error(`${what} is required when CI=true but is not available`);
  }
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED: ${what} is not available; install it to run this check`,
  );
  return false;
}

/**
 * A folder of the shared reference data (../shared/reference beside the repo),
 * read at run time and never copied into the repository.
 */
export function referencePath(...segments: string[]): string | undefined {
  const dir = path.resolve(repoRoot, '../shared/reference', ...segments);
  return requireOrSkip(`reference data ${dir}`, fs.existsSync(dir))
    ? dir
    : undefined;
}
