/*
 * The planner: answers in, a complete and explained design out. `planDesign` runs the
 * seven workflow steps in order (steps/, one file each); every step returns its values,
 * its decisions (each with its reason) and its warnings, and the design is put together
 * from them. The rules the steps apply live under design/, one file per thing decided.
 */
import {
  AnswerDefault,
  AnswerIssue,
  Answers,
  parseAnswers,
} from './answers/schema';
import type { ComplianceReport } from './compliance/evaluate';
import {
  CostEstimate,
  Design,
  DESIGN_VERSION,
  DesignWarning,
} from './design/types';
import { planIac } from './steps/iac';
import { planImprovement } from './steps/improvement';
import { planOperations } from './steps/operations';
import { planReliability } from './steps/reliability';
import { planSecurity } from './steps/security';
import { planTopology } from './steps/topology';
import { planWorkloads, serviceInfo } from './steps/workloads';

export { declaredControlsOf } from './design/controls';

/** @public */
export interface PlanResult {
  design: Design;
  warnings: DesignWarning[];
  compliance: ComplianceReport;
  cost: CostEstimate;
}

/** @public */
export type PlanFromInputResult =
  | ({ ok: true; defaults: AnswerDefault[] } & PlanResult)
  | { ok: false; issues: AnswerIssue[] };

/** @public */
export interface PlanOptions {
  /** The defaults `parseAnswers` filled in, so decisions based on them say so. */
  defaults?: readonly AnswerDefault[];
}

/**
 * Turns answers into a design. The answers must come from {@link parseAnswers}.
 *
 * @public
 */
export function planDesign(
  answers: Answers,
  options: PlanOptions = {},
): PlanResult {
  const defaults = options.defaults ?? [];
  const workloads = planWorkloads(answers, defaults);
  const topology = planTopology(answers, workloads, defaults);
  const iac = planIac(answers, defaults);
  const reliability = planReliability(
    answers,
    workloads,
    topology.environments,
    defaults,
  );
  const security = planSecurity(
    answers,
    { workloads, topology: topology.environments, reliability },
    defaults,
  );
  const { environments, compliance } = security;
  const operations = planOperations(answers, workloads, environments, defaults);
  const improvement = planImprovement(answers, environments, defaults);

  const steps = [
    workloads,
    topology,
    iac,
    reliability,
    security,
    operations,
    improvement,
  ];
  const warnings = steps.flatMap(step => step.warnings);
  const frameworks = answers.constraints.complianceFrameworks;
  const design: Design = {
    version: DESIGN_VERSION,
    service: serviceInfo(answers),
    cloud: answers.topology.cloud,
    environments,
    iac: iac.iac,
    slos: operations.slos,
    operations: operations.operations,
    improvement: improvement.improvement,
    compliance: { frameworks, requirements: security.requirements },
    cost: improvement.cost,
    decisions: steps.flatMap(step => step.decisions),
    warnings,
  };
  return { design, warnings, compliance, cost: improvement.cost };
}

/**
 * Validates unknown input and plans it; bad input gives every issue by dotted path.
 *
 * @public
 */
export function planFromInput(input: unknown): PlanFromInputResult {
  const parsed = parseAnswers(input);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    defaults: parsed.defaults,
    ...planDesign(parsed.answers, { defaults: parsed.defaults }),
  };
}
