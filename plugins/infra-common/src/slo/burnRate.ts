/*
 * Multi-window, multi-burn-rate alerts (Google SRE Workbook, "Alerting on SLOs", table 5-8;
 * the same tiers as Sloth's google-30d/google-28d windows). Each tier fires when the error
 * ratio over both its long and its short window exceeds factor x (1 - objective), where
 * factor = budget share x window hours / long-window hours: the speed at which the
 * budget would be gone if the burn went on.
 */
import type { BurnRateAlertTier, Severity } from '../design/types';
import { budgetRatio } from './errorBudget';

interface TierSpec {
  name: string;
  severity: Severity;
  longWindowMinutes: number;
  shortWindowMinutes: number;
  budgetPercent: number;
}

/** The four tiers; the short window is 1/12 of the long one. */
export const BURN_RATE_TIERS: readonly TierSpec[] = [
  {
    name: 'page-quick',
    severity: 'page',
    longWindowMinutes: 60,
    shortWindowMinutes: 5,
    budgetPercent: 2,
  },
  {
    name: 'page-slow',
    severity: 'page',
    longWindowMinutes: 360,
    shortWindowMinutes: 30,
    budgetPercent: 5,
  },
  {
    name: 'ticket-quick',
    severity: 'ticket',
    longWindowMinutes: 1440,
    shortWindowMinutes: 120,
    budgetPercent: 10,
  },
  {
    name: 'ticket-slow',
    severity: 'ticket',
    longWindowMinutes: 4320,
    shortWindowMinutes: 360,
    budgetPercent: 10,
  },
];

/** Prometheus duration text for whole minutes: 5m, 1h, 6h, 1d, 3d. */
export function promDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/**
 * The burn-rate factor for a tier, computed in the same order as Sloth's
 * `getBurnRateFactor` so that both give the same floating-point number.
 */
export function burnRateFactor(
  budgetPercent: number,
  windowDays: number,
  longWindowMinutes: number,
): number {
  return ((budgetPercent / 100) * (windowDays * 24)) / (longWindowMinutes / 60);
}

/**
 * The highest error-ratio threshold a tier may have. Below an objective of about 93% the
 * fastest tier would need more than every request to fail; capped here it still pages on
 * a full outage, and a promtool test can still put the error ratio clearly above it.
 *
 * @public
 */
export const MAX_ERROR_RATIO_THRESHOLD = 0.99;

/**
 * The error ratio above which a tier fires: factor x (1 - objective), capped at
 * {@link MAX_ERROR_RATIO_THRESHOLD}. The planner, the design schema and the rule renderer
 * all read it from here.
 *
 * @public
 */
export function errorRatioThreshold(
  factor: number,
  objectivePercent: number,
): number {
  return Math.min(
    Number((factor * budgetRatio(objectivePercent)).toPrecision(12)),
    MAX_ERROR_RATIO_THRESHOLD,
  );
}

/**
 * The alert tiers for an objective (in percent) over a window of `windowDays`.
 *
 * @public
 */
export function burnRateAlerts(
  objectivePercent: number,
  windowDays: number,
): BurnRateAlertTier[] {
  return BURN_RATE_TIERS.map(tier => {
    const factor = burnRateFactor(
      tier.budgetPercent,
      windowDays,
      tier.longWindowMinutes,
    );
    return {
      name: tier.name,
      severity: tier.severity,
      longWindow: promDuration(tier.longWindowMinutes),
      shortWindow: promDuration(tier.shortWindowMinutes),
      longWindowMinutes: tier.longWindowMinutes,
      shortWindowMinutes: tier.shortWindowMinutes,
      budgetPercent: tier.budgetPercent,
      factor,
      errorRatioThreshold: errorRatioThreshold(factor, objectivePercent),
    };
  });
}
