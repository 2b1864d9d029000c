/*
 * Every design the renderer's tests generate, in one list, so repository-wide checks (the
 * provider schemas, claims against code) run over all of them: the hand-written fixtures for
 * each cloud, compute kind and region layout, and the planner's designs for the answer sets
 * in examples/answers.
 */
import type {
  Cloud,
  ComputeKind,
  Design,
} from '@plinth/backstage-plugin-infra-common';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { repoRoot } from '@plinth/test-support';
import { fixtureDesign } from './designs';

const CLOUDS: Cloud[] = ['aws', 'azure', 'gcp'];
const COMPUTE: ComputeKind[] = [
  'kubernetes',
  'containers',
  'vms',
  'serverless',
];

/** The planner's design for an answers object (throws on invalid answers). */
export function planned(answers: unknown): Design {
  const parsed = parseAnswers(answers);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

/** The example answer sets of examples/answers, by file name. */
export function exampleAnswers(): Array<[string, unknown]> {
  const dir = path.join(repoRoot, 'examples/answers');
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .sort()
    .map(f => [f, yaml.parse(fs.readFileSync(path.join(dir, f), 'utf8'))]);
}

export function everyTestDesign(): Array<[string, Design]> {
  const designs: Array<[string, Design]> = [];
  for (const cloud of CLOUDS) {
    for (const compute of COMPUTE) {
      for (const multiRegion of [false, true]) {
        designs.push([
          `${cloud} ${compute}${multiRegion ? ' multi-region' : ''} fixture`,
          fixtureDesign(cloud, { compute, multiRegion }),
        ]);
      }
    }
  }
  // Every standby pattern, for the resources that differ between them (DNS routing).
  for (const cloud of CLOUDS) {
    for (const drPattern of ['pilot-light', 'active-active'] as const) {
      designs.push([
        `${cloud} containers multi-region ${drPattern} fixture`,
        fixtureDesign(cloud, {
          compute: 'containers',
          multiRegion: true,
          drPattern,
        }),
      ]);
    }
  }
  for (const [file, answers] of exampleAnswers()) {
    designs.push([`planned from ${file}`, planned(answers)]);
    for (const compute of COMPUTE) {
      const copy = structuredClone(answers) as any;
      copy.topology.compute = compute;
      designs.push([`planned from ${file} with ${compute}`, planned(copy)]);
    }
  }
  return designs;
}
