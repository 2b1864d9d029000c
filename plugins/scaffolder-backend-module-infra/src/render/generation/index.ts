/*
 * The generation record: what a generated repository needs to be generated again.
 * `.plinth/answers.yaml` holds the answers as given to the planner and
 * `.plinth/generation.json` the versions that generated the repository and the hash of
 * every generated file, so a later change can tell a hand edit from the generated
 * text (docs/generated-repository.md, ADR 1600).
 */
import type {
  Design,
  GenerationManifest,
} from '@plinth/backstage-plugin-infra-common';
import { createHash } from 'node:crypto';
import packageJson from '../../../package.json';
import type { GeneratedFile } from '../types';
import { toYaml } from '../yaml';

import { ANSWERS_PATH, GENERATION_PATH } from './paths';

export { ANSWERS_PATH, GENERATION_PATH };
export type { GenerationManifest };

/**
 * The version of this package, the one recorded as `plinthVersion`.
 *
 * @public
 */
export const PLINTH_VERSION: string = packageJson.version;

/**
 * The manifest's hash of a file: `sha256:<hex>` of its UTF-8 text.
 *
 * @public
 */
export function contentHash(content: string): string {
  return `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

/** The answers file: the answers serialised by the YAML library. */
export function renderAnswersFile(answers: unknown): GeneratedFile {
  return {
    path: ANSWERS_PATH,
    content: toYaml(
      answers,
      'The /infra answers this repository was generated from (Plinth). Change them from the portal.',
    ),
  };
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function byPath(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The manifest of the given files (which must not include the manifest itself). */
export function generationManifest(
  design: Design,
  files: readonly GeneratedFile[],
  plinthVersion: string = PLINTH_VERSION,
): GenerationManifest {
  const sorted = [...files]
    .filter(f => f.path !== GENERATION_PATH)
    .sort((a, b) => byPath(a.path, b.path));
  return {
    plinthVersion,
    designVersion: design.version,
    files: Object.fromEntries(
      sorted.map(f => [f.path, contentHash(f.content)]),
    ),
  };
}

export function renderGenerationFile(
  manifest: GenerationManifest,
): GeneratedFile {
  return {
    path: GENERATION_PATH,
    content: `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

/**
 * Parses `.plinth/generation.json`; undefined when it is not a Plinth manifest.
 *
 * @public
 */
export function parseGenerationManifest(
  text: string,
): GenerationManifest | undefined {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    !value ||
    typeof value !== 'object' ||
    typeof value.plinthVersion !== 'string' ||
    typeof value.designVersion !== 'number' ||
    !value.files ||
    typeof value.files !== 'object' ||
    Object.values(value.files).some(
      h => typeof h !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(h as string),
    )
  ) {
    return undefined;
  }
  return {
    plinthVersion: value.plinthVersion,
    designVersion: value.designVersion,
    files: value.files,
  };
}
