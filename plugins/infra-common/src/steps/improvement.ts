/*
 * Step 7, continuous improvement: the review cadences, the budget alerts, the monthly
 * cost estimate against the budget, and where feedback goes.
 */
import type { Answers } from '../answers/schema';
import { estimateCost } from '../design/cost';
import type {
  CostEstimate,
  EnvironmentDesign,
  ImprovementDesign,
} from '../design/types';
import { budgetExceeded } from '../design/warnings';
import { Defaults, StepResult, stepLog } from './record';

export function planImprovement(
  answers: Answers,
  environments: readonly EnvironmentDesign[],
  defaults: Defaults,
): StepResult<{ improvement: ImprovementDesign; cost: CostEstimate }> {
  const log = stepLog(7, defaults);
  const { improvement: asked, constraints, service } = answers;
  log.answered(
    'improvement.costReviewCadence',
    'Cost review',
    'improvement.costReviewCadence',
    asked.costReviewCadence,
  );
  log.answered(
    'improvement.sloReviewCadence',
    'SLO review',
    'improvement.sloReviewCadence',
    asked.sloReviewCadence,
  );
  log.answered(
    'improvement.budgetAlertPercents',
    'Budget alerts (% of budget)',
    'improvement.budgetAlertPercents',
    asked.budgetAlertPercents.map(String),
  );
  const cost = estimateCost(
    environments,
    answers.topology.cloud,
    answers.workload.peakRps,
    constraints.monthlyBudgetUsd,
  );
  log.decide('cost.monthly', 'Estimated monthly cost (USD)', {
    value: cost.totalMonthlyUsd,
    reason: cost.environments
      .map(e => `${e.environment} ${e.monthlyUsd}`)
      .join(', '),
    origin: 'derived',
  });
  log.warn(
    budgetExceeded({
      totalMonthlyUsd: cost.totalMonthlyUsd,
      budgetUsd: constraints.monthlyBudgetUsd,
      withinBudget: cost.withinBudget,
      availability: answers.slos.availability,
    }),
  );
  return log.result({
    cost,
    improvement: {
      costReviewCadence: asked.costReviewCadence,
      sloReviewCadence: asked.sloReviewCadence,
      budgetAlertPercents: asked.budgetAlertPercents,
      ...(constraints.monthlyBudgetUsd !== undefined && {
        monthlyBudgetUsd: constraints.monthlyBudgetUsd,
      }),
      feedbackChannel: `docs/feedback.md and the owner ${service.owner}`,
    },
  });
}
