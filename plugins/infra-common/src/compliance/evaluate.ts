/*
 * The compliance evaluator: from a service's frameworks and its environments' declared
 * controls to a status per framework, with every control's result, evidence and fix hint.
 *
 * The rules are compiled once, at module load: every distinct control gets an index, and
 * each framework becomes a flat list of (control index, severity, requirement ids). A call
 * then checks each control at most once per environment, however many frameworks share
 * it, and allocates only the result objects. This is what lets the overview page evaluate
 * 10,000 services in a few tens of milliseconds (see docs/benchmarks.md).
 */
import type { DeclaredControls, FrameworkId, Stage } from '../catalog';
import type { ControlDefinition } from './controls';
import { FRAMEWORKS } from './frameworks';
import type { FrameworkDefinition, RequirementSeverity } from './frameworks';

/** @public */
export type ControlStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';
/** @public */
export type FrameworkStatus =
  | 'compliant'
  | 'at-risk'
  | 'non-compliant'
  | 'unknown';

/**
 * An environment as the evaluator reads it; an EnvironmentView from the parsers fits.
 *
 * @public
 */
export interface ComplianceEnvironment {
  /** Entity name or short name; `environmentName` wins when both are present. */
  name: string;
  environmentName?: string;
  stage: Stage;
  /** The controls the evaluator checks: declared ones, with code evidence applied. */
  controls: DeclaredControls;
  /**
   * What the code showed, by control field (see `withCodeEvidence`); absent when the
   * environment has no infrastructure source read ("declared only").
   */
  code?: EnvironmentCode;
}

/**
 * An environment's code evidence as the evaluator reads it.
 *
 * @public
 */
export interface EnvironmentCode {
  /** The controls as the entity declares them, before code evidence replaced them. */
  declared: DeclaredControls;
  /** Per control field checked in code: the value found and where. */
  fields: Partial<Record<keyof DeclaredControls, CodeFieldEvidence>>;
  /** Where the code was read from and its revision (commit or ETag), and when. */
  source: { location: string; revision?: string; readAt: string };
}

/**
 * One control field as read from code.
 *
 * @public
 */
export interface CodeFieldEvidence {
  ruleId: string;
  /** undefined: no resource the rule reads exists in the code. */
  value: string | number | boolean | undefined;
  /** `file:line` and the value found there, worst first. */
  locations: readonly CodeLocation[];
  /** Why the code fails, and how to fix it; absent when it passes. */
  fixHint?: string;
}

/**
 * A place in the infrastructure code.
 *
 * @public
 */
export interface CodeLocation {
  /** Path inside the repository. */
  file: string;
  line: number;
  /** What was found there, as written or resolved: `storage_encrypted = true`. */
  found: string;
}

/** @public */
export interface ControlEvidence {
  environment: string;
  stage: Stage;
  status: Exclude<ControlStatus, 'not-applicable'>;
  /** The declared field and its value; null when the environment does not declare it. */
  field: keyof DeclaredControls;
  value: string | number | boolean | null;
  /**
   * `code`: the value comes from the infrastructure code (locations say where);
   * `declared`: only the entity's declaration, no code was read ("declared only").
   */
  source: 'code' | 'declared';
  /** Code evidence: the places that decided the value. */
  locations?: readonly CodeLocation[];
  /** The declared value when code evidence replaced it. */
  declaredValue?: string | number | boolean | null;
  /** Set when the declaration passes but the code does not: "declared, not found in code". */
  note?: 'declared, not found in code';
}

/** @public */
export interface ControlResult {
  controlId: string;
  title: string;
  severity: RequirementSeverity;
  requirementIds: readonly string[];
  status: ControlStatus;
  /** One entry per environment the control applies to. */
  evidence: readonly ControlEvidence[];
  /** Present when the control is not met or not known. */
  fixHint?: string;
}

/** @public */
export interface FrameworkResult {
  framework: FrameworkId;
  name: string;
  source: string;
  status: FrameworkStatus;
  /** Why the status is unknown, when that is not lack of data: `no production environment`. */
  reason?: string;
  counts: {
    pass: number;
    fail: number;
    unknown: number;
    notApplicable: number;
  };
  /** Failures first, then unknown, then passing, so readers see what to fix. */
  controls: ControlResult[];
}

/** @public */
export interface ComplianceReport {
  frameworks: FrameworkResult[];
}

interface CompiledRequirement {
  controlIndex: number;
  control: ControlDefinition;
  /** `control.stages` as a lookup, so the hot loop does no array search. */
  appliesTo: Record<Stage, boolean>;
  severity: RequirementSeverity;
  requirementIds: readonly string[];
}

interface CompiledFramework {
  definition: FrameworkDefinition;
  requirements: CompiledRequirement[];
}

/** Rules compiled once: distinct controls indexed, frameworks flattened. */
export class CompiledRules {
  readonly controls: ControlDefinition[] = [];
  private readonly frameworks = new Map<FrameworkId, CompiledFramework>();

  constructor(definitions: Iterable<FrameworkDefinition>) {
    const indexById = new Map<string, number>();
    for (const definition of definitions) {
      const requirements = definition.requirements.map(req => {
        let controlIndex = indexById.get(req.control.id);
        if (controlIndex === undefined) {
          controlIndex = this.controls.length;
          indexById.set(req.control.id, controlIndex);
          this.controls.push(req.control);
        }
        const control = this.controls[controlIndex];
        return {
          controlIndex,
          control,
          appliesTo: {
            development: control.stages.includes('development'),
            staging: control.stages.includes('staging'),
            production: control.stages.includes('production'),
          },
          severity: req.severity,
          requirementIds: Object.freeze([...req.requirementIds]),
        };
      });
      this.frameworks.set(definition.id, { definition, requirements });
    }
  }

  framework(id: FrameworkId): CompiledFramework | undefined {
    return this.frameworks.get(id);
  }
}

interface ControlOutcome {
  status: ControlStatus;
  evidence: ControlEvidence[];
}

function checkControl(
  { control, appliesTo }: CompiledRequirement,
  environments: readonly ComplianceEnvironment[],
): ControlOutcome {
  const evidence: ControlEvidence[] = [];
  let failed = false;
  let unknown = false;
  for (const env of environments) {
    if (!appliesTo[env.stage]) continue;
    const result = control.check(env.controls);
    let status: ControlEvidence['status'] = 'unknown';
    if (result !== undefined) status = result ? 'pass' : 'fail';
    if (status === 'fail') failed = true;
    else if (status === 'unknown') unknown = true;
    const value = env.controls[control.field];
    const code = env.code?.fields[control.field];
    const base = {
      environment: env.environmentName ?? env.name,
      stage: env.stage,
      status,
      field: control.field,
      value: value === undefined ? null : value,
    };
    if (code && code.value !== undefined) {
      const declared = env.code!.declared[control.field];
      const item: ControlEvidence = {
        ...base,
        source: 'code',
        locations: code.locations,
        declaredValue: declared === undefined ? null : declared,
      };
      if (status === 'fail' && control.check(env.code!.declared) === true)
        item.note = 'declared, not found in code';
      evidence.push(item);
      continue;
    }
    evidence.push({ ...base, source: 'declared' });
  }
  let status: ControlStatus = 'pass';
  if (evidence.length === 0) status = 'not-applicable';
  else if (failed) status = 'fail';
  else if (unknown) status = 'unknown';
  return { status, evidence };
}

function frameworkStatus(
  environmentCount: number,
  hasProduction: boolean,
  counts: FrameworkResult['counts'],
  requiredFailed: boolean,
  recommendedFailed: boolean,
): FrameworkStatus {
  if (environmentCount === 0) return 'unknown';
  // Production-only controls would not apply: fewer checks must never read as compliant.
  if (!hasProduction) return 'unknown';
  if (requiredFailed) return 'non-compliant';
  if (counts.pass === 0 && counts.fail === 0) return 'unknown';
  if (counts.unknown > 0 || recommendedFailed) return 'at-risk';
  return 'compliant';
}

function resultOf(
  req: CompiledRequirement,
  outcome: ControlOutcome,
): ControlResult {
  const { control } = req;
  const { status } = outcome;
  const result: ControlResult = {
    controlId: control.id,
    title: control.title,
    severity: req.severity,
    requirementIds: req.requirementIds,
    status,
    evidence: outcome.evidence,
  };
  // fixHint only when the control is not met or not known: then it is the last field.
  if (status === 'fail' || status === 'unknown')
    result.fixHint = control.fixHint;
  return result;
}

/**
 * The reason of an unknown status when a service has environments but none in production.
 *
 * @public
 */
export const NO_PRODUCTION_REASON = 'no production environment';

/** Evaluates with precompiled rules; see {@link evaluateCompliance}. */
export function evaluateWith(
  rules: CompiledRules,
  frameworks: readonly FrameworkId[],
  environments: readonly ComplianceEnvironment[],
): ComplianceReport {
  // One outcome per distinct control per call, shared by the frameworks that use it.
  const outcomes: Array<ControlOutcome | undefined> = [];
  const results: FrameworkResult[] = [];
  const hasProduction = environments.some(env => env.stage === 'production');
  for (const id of frameworks) {
    const compiled = rules.framework(id);
    if (!compiled) continue;
    const requirements = compiled.requirements;
    let pass = 0;
    let fail = 0;
    let unknown = 0;
    let requiredFailed = false;
    let recommendedFailed = false;
    // First pass: outcomes and counts, no allocation beyond the shared outcomes.
    for (const req of requirements) {
      let outcome = outcomes[req.controlIndex];
      if (!outcome) {
        outcome = checkControl(req, environments);
        outcomes[req.controlIndex] = outcome;
      }
      const status = outcome.status;
      if (status === 'pass') pass++;
      else if (status === 'fail') {
        fail++;
        if (req.severity === 'required') requiredFailed = true;
        else recommendedFailed = true;
      } else if (status === 'unknown') unknown++;
    }
    const counts = {
      pass,
      fail,
      unknown,
      notApplicable: requirements.length - pass - fail - unknown,
    };
    // Second pass: each result written straight to its place, failures first, then
    // unknown, passing, not applicable; in framework order within each group.
    const controls: ControlResult[] = new Array(requirements.length);
    let nextFail = 0;
    let nextUnknown = fail;
    let nextPass = fail + unknown;
    let nextNotApplicable = fail + unknown + pass;
    for (const req of requirements) {
      const outcome = outcomes[req.controlIndex]!;
      const status = outcome.status;
      let at: number;
      if (status === 'fail') at = nextFail++;
      else if (status === 'unknown') at = nextUnknown++;
      else if (status === 'pass') at = nextPass++;
      else at = nextNotApplicable++;
      controls[at] = resultOf(req, outcome);
    }
    const result: FrameworkResult = {
      framework: id,
      name: compiled.definition.name,
      source: compiled.definition.source,
      status: frameworkStatus(
        environments.length,
        hasProduction,
        counts,
        requiredFailed,
        recommendedFailed,
      ),
      counts,
      controls,
    };
    if (environments.length > 0 && !hasProduction)
      result.reason = NO_PRODUCTION_REASON;
    results.push(result);
  }
  return { frameworks: results };
}

/** The rules of Plinth's five frameworks, compiled once. */
export const defaultRules = new CompiledRules(Object.values(FRAMEWORKS));

/**
 * Compliance of one service: per framework compliant, at-risk, non-compliant or unknown.
 * A required control that fails makes the framework non-compliant; a recommended one that
 * fails, or any control without data, puts it at risk; no data at all is unknown.
 * Unknown framework ids are skipped (the catalog reports them as processing errors).
 *
 * @public
 */
export function evaluateCompliance(
  frameworks: readonly FrameworkId[],
  environments: readonly ComplianceEnvironment[],
): ComplianceReport {
  return evaluateWith(defaultRules, frameworks, environments);
}
