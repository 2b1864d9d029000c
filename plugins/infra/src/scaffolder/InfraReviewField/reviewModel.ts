/*
 * What the review page shows, computed from the plan: decisions grouped by the seven
 * steps with Plinth's own first and the per-environment ones side by side, and the cost
 * by component and environment. Pure, so the grouping is tested without rendering.
 */
import type {
  CostEstimate,
  CostFamily,
  Decision,
  PlanResult,
  WorkflowStep,
} from '@plinth/backstage-plugin-infra-common';

export const STEP_TITLES: Record<WorkflowStep, string> = {
  1: 'Workloads, SLOs and constraints',
  2: 'Environments and topology',
  3: 'Infrastructure as code',
  4: 'Reliability',
  5: 'Security and compliance',
  6: 'Operations',
  7: 'Continuous improvement',
};

/** One setting decided per environment (`prod: multi-AZ`), a value for each. */
export interface EnvironmentSetting {
  /** The setting without the environment (`multi-AZ`). */
  label: string;
  byEnvironment: Record<string, Decision | undefined>;
}

export interface StepGroup {
  step: WorkflowStep;
  title: string;
  /** Derived or defaulted by Plinth: what differs from the answers, shown first. */
  decided: Decision[];
  /** The answers as given. */
  answered: Decision[];
  /** Decisions made once per environment, one row per setting. */
  perEnvironment: EnvironmentSetting[];
}

/** The environment a decision is for (`prod` for `prod.multiAz`), if any. */
function environmentOf(
  decision: Decision,
  environments: readonly string[],
): string | undefined {
  return environments.find(
    e => decision.id.startsWith(`${e}.`) && decision.title.startsWith(`${e}: `),
  );
}

export function groupDecisions(plan: PlanResult): StepGroup[] {
  const environments = (plan.design.environments ?? []).map(e => e.name);
  const groups = new Map<WorkflowStep, StepGroup>();
  for (const decision of plan.design.decisions) {
    let group = groups.get(decision.step);
    if (!group) {
      group = {
        step: decision.step,
        title: STEP_TITLES[decision.step],
        decided: [],
        answered: [],
        perEnvironment: [],
      };
      groups.set(decision.step, group);
    }
    const environment = environmentOf(decision, environments);
    if (environment) {
      const label = decision.title.slice(environment.length + 2);
      let setting = group.perEnvironment.find(s => s.label === label);
      if (!setting) {
        setting = { label, byEnvironment: {} };
        group.perEnvironment.push(setting);
      }
      setting.byEnvironment[environment] = decision;
    } else if (decision.origin === 'answered') {
      group.answered.push(decision);
    } else {
      group.decided.push(decision);
    }
  }
  return [...groups.values()].sort((a, b) => a.step - b.step);
}

/** Whether any environment's value of a setting was decided by Plinth. */
export const settingDecided = (setting: EnvironmentSetting) =>
  Object.values(setting.byEnvironment).some(d => d && d.origin !== 'answered');

/** The components of the estimate, in words, in the planner's order. */
export const COST_COMPONENTS: Record<CostFamily, string> = {
  compute: 'Compute (replicas)',
  kubernetes: 'Kubernetes control plane',
  database: 'Database instances',
  cache: 'Cache',
  network: 'Load balancer and NAT',
  storage: 'Database storage',
  security: 'Keys and WAF',
  observability: 'Logs',
};

export interface CostRow {
  component: string;
  byEnvironment: Record<string, number | undefined>;
  total: number;
}

/** One row per component that costs anything, with its amount in each environment. */
export function costRows(cost: CostEstimate): CostRow[] {
  const rows: CostRow[] = [];
  for (const family of Object.keys(COST_COMPONENTS) as CostFamily[]) {
    const byEnvironment: Record<string, number | undefined> = {};
    let total = 0;
    for (const e of cost.environments) {
      const usd = e.byFamily?.[family];
      byEnvironment[e.environment] = usd;
      total += usd ?? 0;
    }
    if (total > 0) {
      rows.push({ component: COST_COMPONENTS[family], byEnvironment, total });
    }
  }
  return rows;
}
