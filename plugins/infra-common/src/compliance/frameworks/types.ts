import type { FrameworkId } from '../../catalog';
import type { ControlDefinition } from '../controls';

/**
 * required: failing it makes the service non-compliant.
 * recommended: expected by auditors or good practice; failing it puts the service at risk.
 *
 * @public
 */
export type RequirementSeverity = 'required' | 'recommended';

export interface FrameworkRequirement {
  /** The framework's own ids for what this control satisfies. */
  requirementIds: string[];
  control: ControlDefinition;
  severity: RequirementSeverity;
}

export interface FrameworkDefinition {
  id: FrameworkId;
  name: string;
  /** Where the requirement ids and their wording come from. */
  source: string;
  requirements: FrameworkRequirement[];
}
