import type { DeclaredControls } from '../../catalog';
import type { CodeFieldEvidence, CodeLocation } from '../evaluate';
import type { TfEnvironment } from './terraform';

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
