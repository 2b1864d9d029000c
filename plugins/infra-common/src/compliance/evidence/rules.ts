/*
 * The evidence rules and how they are run: one environment root in, one finding per
 * control field out, plus the framework requirements each rule stands for.
 */
import type { DeclaredControls, FrameworkId } from '../../catalog';
import type {
  CodeFieldEvidence,
  ComplianceEnvironment,
  EnvironmentCode,
} from '../evaluate';
import { FRAMEWORKS } from '../frameworks';
import { auditRetentionRule } from './auditRetention';
import { encryptionAtRestRule } from './encryptionAtRest';
import { privateDataTierRule } from './privateDataTier';
import { IacFile, readEnvironment } from './terraform';
import type { EvidenceRule } from './types';

/**
 * Every evidence rule, one per control field it reads from code.
 *
 * @public
 */
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  encryptionAtRestRule,
  privateDataTierRule,
  auditRetentionRule,
];

/**
 * The framework requirements a rule's control field stands for.
 *
 * @public
 */
export function requirementsOfRule(rule: EvidenceRule): Array<{
  framework: FrameworkId;
  requirementIds: string[];
  controlId: string;
}> {
  const out: Array<{
    framework: FrameworkId;
    requirementIds: string[];
    controlId: string;
  }> = [];
  for (const framework of Object.values(FRAMEWORKS)) {
    for (const req of framework.requirements) {
      if (req.control.field === rule.field)
        out.push({
          framework: framework.id,
          requirementIds: req.requirementIds,
          controlId: req.control.id,
        });
    }
  }
  return out;
}

/**
 * What the code of one environment shows: per control field read, the value found and
 * where. Read errors (a malformed file) are returned with the findings.
 *
 * @public
 */
export interface EnvironmentFindings {
  fields: Partial<Record<keyof DeclaredControls, CodeFieldEvidence>>;
  errors: string[];
}

/**
 * Runs every evidence rule on an environment root (`plinth.dev/iac-path`) of the files
 * of its repository. Pure: text in, findings out.
 *
 * @public
 */
export function collectEnvironmentEvidence(
  files: readonly IacFile[],
  iacPath: string,
): EnvironmentFindings {
  const env = readEnvironment(files, iacPath);
  const fields: EnvironmentFindings['fields'] = {};
  if (env.resources.length > 0) {
    for (const rule of EVIDENCE_RULES) fields[rule.field] = rule.evaluate(env);
  }
  return { fields, errors: env.errors };
}

/**
 * An environment for the evaluator with its code evidence applied: each control field the
 * code shows replaces the declared value, and the declaration is kept to tell
 * "declared, not found in code" apart.
 *
 * @public
 */
export function withCodeEvidence<T extends ComplianceEnvironment>(
  env: T,
  findings: EnvironmentFindings,
  source: EnvironmentCode['source'],
): T {
  const controls: DeclaredControls = { ...env.controls };
  for (const [field, finding] of Object.entries(findings.fields)) {
    if (finding && finding.value !== undefined)
      (controls as Record<string, unknown>)[field] = finding.value;
  }
  return {
    ...env,
    controls,
    code: { declared: env.controls, fields: findings.fields, source },
  };
}
