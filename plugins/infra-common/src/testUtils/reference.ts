/*
 * Reference data shared between engineers, read at run time and never copied into the
 * repository. Under CI a missing folder fails the test; locally the test says it skipped.
 */
import fs from 'fs';
import path from 'path';

/** <repo root>/../shared/reference */
export const REFERENCE_DIR = path.resolve(
  __dirname,
  '../../../../../shared/reference',
);

/** The reference folder's path, or undefined (with a visible message) when absent locally. */
export function referenceDir(what: string): string | undefined {
  if (fs.existsSync(REFERENCE_DIR)) return REFERENCE_DIR;
  if (process.env.CI === 'true') {
    throw new Error(
      `reference data missing at ${REFERENCE_DIR} (needed for ${what})`,
    );
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED ${what}: reference data not found at ${REFERENCE_DIR}`);
  return undefined;
}

export function readReference(dir: string, ...parts: string[]): string {
  return fs.readFileSync(path.join(dir, ...parts), 'utf8');
}
