import type { z } from 'zod/v3';
import {
  REPOSITORY_NAME_MESSAGE,
  REPOSITORY_NAME_PATTERN,
} from '@plinth/backstage-plugin-infra-common';

/**
 * The fields Plinth's actions declare again and again, written once. Each returns the
 * function the scaffolder calls with its zod (scaffolder-node's `zod/v3`, the copy this
 * package depends on too), so an action's input and output types are still inferred.
 */
type Zod = typeof z;

/** A string, described. */
export const text = (description: string) => (zod: Zod) =>
  zod.string({ description });

/** A string that may be left out. */
export const optionalText = (description: string) => (zod: Zod) =>
  zod.string({ description }).optional();

/** A list of strings: paths, names. */
export const textList = (description: string) => (zod: Zod) =>
  zod.array(zod.string(), { description });

/**
 * A JSON object one step hands to the next (answers, design, compliance): the step that
 * reads it checks it against the domain's own schema, with every issue by path.
 */
export const jsonObject = (description: string) => (zod: Zod) =>
  zod.record(zod.unknown(), { description });

/** A repository folder name, held to infra-common's repository name pattern. */
export const repositoryName = (description: string) => (zod: Zod) =>
  zod
    .string({ description })
    .regex(REPOSITORY_NAME_PATTERN, { message: REPOSITORY_NAME_MESSAGE });

/**
 * The input both local-repository actions start with: which repository folder under
 * `plinth.publish.localDirectory`, and which workspace folder goes into it.
 */
export const localRepositoryInput = (repoName: string, sourcePath: string) => ({
  repoName: repositoryName(repoName),
  sourcePath: optionalText(sourcePath),
});
