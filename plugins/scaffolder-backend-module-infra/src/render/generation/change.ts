/*
 * A change of a generated repository, from what the repository holds and new answers:
 * the previous generation is reproduced from the stored answers (ADR 1600), the new one
 * rendered, and every file planned by the domain's three-way merge. Pure; the preview
 * endpoint and the change actions share it.
 */
import {
  diffDesigns,
  planFromInput,
  planRepositoryChange,
  type AnswerIssue,
  type Design,
  type DesignDiff,
  type GenerationManifest,
  type RepositoryChangePlan,
} from '@plinth/backstage-plugin-infra-common';
import yaml from 'yaml';
import { renderGeneratedRepository } from '..';
import {
  ANSWERS_PATH,
  contentHash,
  GENERATION_PATH,
  parseGenerationManifest,
} from '.';

/**
 * What a repository says about its generation.
 *
 * @public
 */
export interface GenerationRecord {
  answers: Record<string, unknown>;
  manifest: GenerationManifest;
}

/**
 * Reads `.plinth/answers.yaml` and `.plinth/generation.json` from a repository's files;
 * undefined when Plinth did not generate it.
 *
 * @public
 */
export function readGenerationRecord(
  files: Readonly<Record<string, string>>,
): GenerationRecord | undefined {
  const manifestText = files[GENERATION_PATH];
  const answersText = files[ANSWERS_PATH];
  if (manifestText === undefined || answersText === undefined) return undefined;
  const manifest = parseGenerationManifest(manifestText);
  let answers: unknown;
  try {
    answers = yaml.parse(answersText);
  } catch {
    return undefined;
  }
  if (!manifest || !answers || typeof answers !== 'object') return undefined;
  return { answers: answers as Record<string, unknown>, manifest };
}

/** @public */
export type RepositoryChange =
  | {
      ok: true;
      previousDesign: Design;
      design: Design;
      diff: DesignDiff;
      plan: RepositoryChangePlan;
    }
  | { ok: false; issues: AnswerIssue[] };

/**
 * Plans a change: the design diff and every file's three-way merge (ADR 1600).
 *
 * @public
 */
export function planChange(options: {
  record: GenerationRecord;
  answers: unknown;
  /** The repository's files now, by path. */
  current: Readonly<Record<string, string>>;
  /** The new generation when it is already rendered (the workspace); else rendered here. */
  next?: Readonly<Record<string, string>>;
}): RepositoryChange {
  const { record, answers, current } = options;
  const previous = planFromInput(record.answers);
  if (!previous.ok) {
    return {
      ok: false,
      issues: previous.issues.map(i => ({
        path: `${ANSWERS_PATH}: ${i.path}`,
        message: i.message,
      })),
    };
  }
  const next = planFromInput(answers);
  if (!next.ok) return { ok: false, issues: next.issues };
  if (next.design.service.name !== previous.design.service.name) {
    return {
      ok: false,
      issues: [
        {
          path: 'service.name',
          message: `a change keeps the service name ${previous.design.service.name}`,
        },
      ],
    };
  }
  const toRecord = (files: Array<{ path: string; content: string }>) =>
    Object.fromEntries(files.map(f => [f.path, f.content]));
  const base = toRecord(
    renderGeneratedRepository(previous.design, {
      answers: record.answers,
      plinthVersion: record.manifest.plinthVersion,
    }),
  );
  const nextFiles = toRecord(
    renderGeneratedRepository(next.design, { answers }),
  );
  const plan = planRepositoryChange({
    previousManifest: record.manifest,
    current,
    next: nextFiles,
    base,
    hash: contentHash,
  });
  return {
    ok: true,
    previousDesign: previous.design,
    design: next.design,
    diff: diffDesigns(previous.design, next.design),
    plan,
  };
}
