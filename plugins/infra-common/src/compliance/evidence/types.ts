import type { DeclaredControls } from '../../catalog';
import type { CodeFieldEvidence, CodeLocation } from '../evaluate';
import type { TfEnvironment, TfResource } from './terraform';

/**
 * A rule that reads one declared control from an environment's Terraform.
 *
 * @public
 */
export interface EvidenceRule {
  id: string;
  title: string;
  /** The declared control it gives the code's value of. */
  field: keyof DeclaredControls;
  /** The checkov / trivy rule ids it corresponds to (scanner-rules reference data). */
  scannerIds: readonly string[];
  evaluate(env: TfEnvironment): CodeFieldEvidence;
}

/** A location, its value and whether it is the worst finding so far. */
export function location(
  file: string,
  line: number,
  found: string,
): CodeLocation {
  return { file, line, found };
}

/** A resource as Terraform addresses it in a finding: `aws_db_instance.main`. */
export const resourceAddress = (r: TfResource) => `${r.type}.${r.name}`;

/**
 * A rule that reads one finding per resource of the kinds it knows. An environment is as
 * weak as its weakest resource, so the rule's value is the worst finding's, shown with
 * every place read, worst first. No resource read: the code says nothing of the control.
 */
export function worstFindingRule<F extends { at: CodeLocation }>(
  spec: Omit<EvidenceRule, 'evaluate'> & {
    read: (env: TfEnvironment, r: TfResource) => F | undefined;
    /** Lower is worse. */
    rank: (finding: F) => number;
    value: (worst: F) => CodeFieldEvidence['value'];
    /** Why the worst finding fails and how to fix it; undefined when it passes. */
    fixHint: (worst: F) => string | undefined;
  },
): EvidenceRule {
  const { read, rank, value, fixHint, ...rule } = spec;
  return {
    ...rule,
    evaluate(env) {
      const findings = env.resources.flatMap(r => read(env, r) ?? []);
      if (findings.length === 0)
        return { ruleId: rule.id, value: undefined, locations: [] };
      findings.sort((a, b) => rank(a) - rank(b));
      const hint = fixHint(findings[0]);
      return {
        ruleId: rule.id,
        value: value(findings[0]),
        locations: findings.map(f => f.at),
        ...(hint === undefined ? {} : { fixHint: hint }),
      };
    },
  };
}
