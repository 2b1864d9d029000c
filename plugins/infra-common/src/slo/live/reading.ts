/*
 * Turns the Sloth series of one SLO into what the card shows. Budget remaining
 * comes from `slo:period_error_budget_remaining:ratio` when it exists and is
 * otherwise derived from the period error ratio, the same formula Sloth records:
 * 1 - (period error ratio / (1 - objective)).
 */
import {
  durationMinutes,
  SLI_ERROR_RECORD_PREFIX,
  SLOTH_LABEL_WINDOW,
  SLOTH_META_RECORDS,
} from './sloth';
import type {
  BudgetStatus,
  BurnRateReading,
  PromSample,
  SloReading,
} from './types';

/** Below this share of the budget left, the status is `low`. */
export const LOW_BUDGET = 0.25;

export function budgetStatus(remaining: number): BudgetStatus {
  if (remaining <= 0) return 'exhausted';
  return remaining < LOW_BUDGET ? 'low' : 'healthy';
}

const finite = (value: number | undefined): value is number =>
  value !== undefined && Number.isFinite(value);

/** The window of an SLI error series, from its name (Sloth also sets `sloth_window`). */
function windowOf(sample: PromSample): string | undefined {
  const name = sample.metric.__name__ ?? '';
  if (!name.startsWith(SLI_ERROR_RECORD_PREFIX)) return undefined;
  return (
    sample.metric[SLOTH_LABEL_WINDOW] ??
    name.slice(SLI_ERROR_RECORD_PREFIX.length)
  );
}

/**
 * The reading of one SLO from its samples (every series of `CARD_SERIES_REGEX`
 * for its Sloth labels). Undefined when neither the remaining budget nor the
 * period error ratio has a value: the rules are missing or have not run yet.
 */
export function readSlo(
  samples: PromSample[],
  slo: { target: number; windowDays: number },
): SloReading | undefined {
  const meta = new Map<string, number>();
  const windows: Array<{
    window: string;
    minutes: number;
    errorRatio: number;
  }> = [];
  for (const sample of samples) {
    const window = windowOf(sample);
    if (window !== undefined) {
      const minutes = durationMinutes(window);
      if (minutes !== undefined && finite(sample.value)) {
        windows.push({ window, minutes, errorRatio: sample.value });
      }
    } else if (sample.metric.__name__) {
      meta.set(sample.metric.__name__, sample.value);
    }
  }
  const objective = finite(meta.get(SLOTH_META_RECORDS.objective))
    ? meta.get(SLOTH_META_RECORDS.objective)!
    : slo.target;
  const recordedBudget = meta.get(SLOTH_META_RECORDS.errorBudget);
  const errorBudgetRatio = finite(recordedBudget)
    ? recordedBudget
    : 1 - objective;
  const periodMinutes = slo.windowDays * 1440;
  const period = windows.find(w => w.minutes === periodMinutes);
  const recordedRemaining = meta.get(SLOTH_META_RECORDS.budgetRemaining);
  let budgetRemaining: number;
  if (finite(recordedRemaining)) {
    budgetRemaining = recordedRemaining;
  } else if (period) {
    budgetRemaining = 1 - period.errorRatio / errorBudgetRatio;
  } else {
    return undefined;
  }
  const budgetMinutes = errorBudgetRatio * periodMinutes;
  const burnRates: BurnRateReading[] = windows
    .filter(w => w.minutes < periodMinutes)
    .sort((a, b) => a.minutes - b.minutes)
    .map(w => ({ ...w, burnRate: w.errorRatio / errorBudgetRatio }));
  return {
    sli: period ? 1 - period.errorRatio : undefined,
    objective,
    errorBudgetRatio,
    budgetRemaining,
    budgetMinutes,
    budgetRemainingMinutes: budgetRemaining * budgetMinutes,
    status: budgetStatus(budgetRemaining),
    burnRates,
  };
}

/** Nice steps for a history query, in seconds. */
const STEPS = [60, 300, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** At most this many points per history: enough for a card-wide chart. */
export const MAX_HISTORY_POINTS = 250;

/** The step of the budget history over a window: the finest nice step within MAX_HISTORY_POINTS. */
export function historyStepSeconds(windowDays: number): number {
  const seconds = windowDays * 86400;
  return (
    STEPS.find(step => seconds / step <= MAX_HISTORY_POINTS) ??
    Math.ceil(seconds / MAX_HISTORY_POINTS)
  );
}
