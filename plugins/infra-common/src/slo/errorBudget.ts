/*
 * Error budgets: how much unreliability an objective allows over its window.
 * A 99.95% objective over 28 days allows 0.05% of 40,320 minutes = 20.16 minutes.
 */

/** @public */
export interface ErrorBudget {
  /** The allowed error ratio: 1 - objective. */
  ratio: number;
  /** The allowed downtime in minutes over the window, for a time-based reading. */
  minutes: number;
}

/** Removes the binary floating-point noise of `1 - 0.9995` without hiding real digits. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** @public */
export function windowDays(window: '28d' | '30d' | string): number {
  const match = /^(\d+)d$/.exec(window);
  if (!match) {
    throw new Error(
      `window must be a number of days such as 28d, got '${window}'`,
    );
  }
  return Number(match[1]);
}

/** The allowed error ratio for an objective in percent: 1 - objective, without float noise. */
export const budgetRatio = (objectivePercent: number) =>
  tidy((100 - objectivePercent) / 100);

/** @public */
export function errorBudget(
  objectivePercent: number,
  days: number,
): ErrorBudget {
  const ratio = budgetRatio(objectivePercent);
  return { ratio, minutes: tidy(ratio * days * 24 * 60) };
}
