/*
 * The example answer sets (examples/answers), each parsed, planned and rendered as the
 * scaffolder actions do: the generated repositories the render tests check with real tools.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { Design } from '@plinth/backstage-plugin-infra-common';
import { repoRoot } from '@plinth/test-support';
import { renderRepository } from '../render';
import type { GeneratedFile } from '../render/types';

const answersDir = path.join(repoRoot, 'examples/answers');

/** The file names of the example answer sets. */
export const exampleAnswerSets = fs
  .readdirSync(answersDir)
  .filter(f => f.endsWith('.yaml'));

/** One example answer set as written, before parsing. */
export function exampleAnswerSet(file: string): Record<string, any> {
  return yaml.parse(fs.readFileSync(path.join(answersDir, file), 'utf8'));
}

/** The design planned from one example answer set and the repository rendered from it. */
export function exampleRepository(file: string): {
  design: Design;
  files: GeneratedFile[];
} {
  const parsed = parseAnswers(exampleAnswerSet(file));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  const { design } = planDesign(parsed.answers, { defaults: parsed.defaults });
  return { design, files: renderRepository(design) };
}
