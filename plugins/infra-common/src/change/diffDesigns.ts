/*
 * What a change of answers changes in the design, as a reviewer reads it: decisions
 * added, changed and removed (by id, with the reason of the design that has them), the
 * monthly cost per environment and the compliance status per framework.
 */
import { evaluateCompliance, FrameworkStatus } from '../compliance/evaluate';
import type { FrameworkId } from '../catalog';
import type { Decision, Design } from '../design/types';

/** @public */
export type DecisionValue = Decision['value'];

/** @public */
export interface DecisionChange {
  id: string;
  title: string;
  step: Decision['step'];
  /** Absent for an added decision. */
  before?: DecisionValue;
  /** Absent for a removed decision. */
  after?: DecisionValue;
  /** The reason of the next design (the previous one's for a removed decision). */
  reason: string;
  /** The previous reason, when a changed decision's reason changed too. */
  previousReason?: string;
}

/**
 * Cost as the cost model gives it (monthly, in its currency).
 *
 * @public
 */
export interface CostChange {
  environment: string;
  /** Monthly estimate in the cost model's currency (USD); null: no such environment. */
  before: number | null;
  after: number | null;
  /** after - before, with a missing side counted as 0. */
  delta: number;
}

/**
 * The compliance of one framework in a design, evaluated on its declared controls.
 *
 * @public
 */
export interface FrameworkComplianceState {
  status: FrameworkStatus;
  pass: number;
  fail: number;
  unknown: number;
}

/** @public */
export interface ComplianceChange {
  framework: FrameworkId;
  before: FrameworkComplianceState | null;
  after: FrameworkComplianceState | null;
}

/** @public */
export interface DesignDiff {
  decisions: {
    added: DecisionChange[];
    changed: DecisionChange[];
    removed: DecisionChange[];
  };
  /** Every environment of either design, in the next design's order, then removed ones. */
  cost: CostChange[];
  /** Every framework of either design. */
  compliance: ComplianceChange[];
}

const sameValue = (a: DecisionValue, b: DecisionValue) =>
  JSON.stringify(a) === JSON.stringify(b);

const cents = (value: number) => Math.round(value * 100) / 100;

function complianceOf(
  design: Design,
): Map<FrameworkId, FrameworkComplianceState> {
  const report = evaluateCompliance(
    design.compliance.frameworks,
    design.environments.map(e => ({
      name: e.name,
      stage: e.stage,
      controls: e.controls,
    })),
  );
  return new Map(
    report.frameworks.map(f => [
      f.framework,
      {
        status: f.status,
        pass: f.counts.pass,
        fail: f.counts.fail,
        unknown: f.counts.unknown,
      },
    ]),
  );
}

/**
 * The differences between the design a repository was generated from and the design
 * of new answers. Pure.
 *
 * @public
 */
export function diffDesigns(previous: Design, next: Design): DesignDiff {
  const before = new Map(previous.decisions.map(d => [d.id, d]));
  const after = new Map(next.decisions.map(d => [d.id, d]));
  const added: DecisionChange[] = [];
  const changed: DecisionChange[] = [];
  const removed: DecisionChange[] = [];
  for (const d of next.decisions) {
    const old = before.get(d.id);
    if (!old) {
      added.push({
        id: d.id,
        title: d.title,
        step: d.step,
        after: d.value,
        reason: d.reason,
      });
    } else if (!sameValue(old.value, d.value)) {
      changed.push({
        id: d.id,
        title: d.title,
        step: d.step,
        before: old.value,
        after: d.value,
        reason: d.reason,
        ...(old.reason !== d.reason ? { previousReason: old.reason } : {}),
      });
    }
  }
  for (const d of previous.decisions) {
    if (!after.has(d.id)) {
      removed.push({
        id: d.id,
        title: d.title,
        step: d.step,
        before: d.value,
        reason: d.reason,
      });
    }
  }

  const costBefore = new Map(
    previous.cost.environments.map(e => [e.environment, e.monthlyUsd]),
  );
  const costAfter = new Map(
    next.cost.environments.map(e => [e.environment, e.monthlyUsd]),
  );
  const environments = [
    ...next.cost.environments.map(e => e.environment),
    ...previous.cost.environments
      .map(e => e.environment)
      .filter(e => !costAfter.has(e)),
  ];
  const cost = environments.map(environment => {
    const b = costBefore.get(environment);
    const a = costAfter.get(environment);
    return {
      environment,
      before: b ?? null,
      after: a ?? null,
      delta: cents((a ?? 0) - (b ?? 0)),
    };
  });

  const complianceBefore = complianceOf(previous);
  const complianceAfter = complianceOf(next);
  const frameworks = [
    ...next.compliance.frameworks,
    ...previous.compliance.frameworks.filter(
      f => !next.compliance.frameworks.includes(f),
    ),
  ];
  const compliance = frameworks.map(framework => ({
    framework,
    before: complianceBefore.get(framework) ?? null,
    after: complianceAfter.get(framework) ?? null,
  }));

  return { decisions: { added, changed, removed }, cost, compliance };
}
