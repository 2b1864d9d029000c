/*
 * The rule groups of one SLO, in Sloth's layout and naming (github.com/slok/sloth): SLI
 * recordings per window plus the period ratio, the meta recordings (objective, error budget,
 * remaining budget), then the alerts: one per burn-rate tier and one for a vanished SLI.
 * The series carry Sloth's labels, so the portal's live SLO card and any Sloth dashboard
 * read them (infra-common slo/live/sloth.ts).
 */
import {
  SLOTH_LABEL_ID,
  SLOTH_LABEL_SERVICE,
  SLOTH_LABEL_SLO,
  SLOTH_META_RECORDS,
  errorRatioThreshold,
  type BurnRateAlertTier,
  type Design,
  type SloDesign,
} from '@plinth/backstage-plugin-infra-common';
import { absentAlertName, alertName } from '../names';
import { queriesFor, sliMetricsFor } from '../slo';
import { goTemplateLiteral, selector } from './promql';

/** The SLI's base window: the period ratio and the current burn rate are built on it. */
export const BASE_WINDOW = '5m';

/** How long the SLI's metrics must be gone before the absent alert pages. */
export const ABSENT_FOR = '10m';

/** Sloth's naming: the SLI error ratio over a window. */
export const recordName = (window: string) =>
  `slo:sli_error:ratio_rate${window}`;

/** The labels every series of an SLO carries. */
export function sloLabels(design: Design, slo: SloDesign) {
  const prefix = `${design.service.name}-`;
  return {
    [SLOTH_LABEL_ID]: slo.name,
    [SLOTH_LABEL_SERVICE]: design.service.name,
    [SLOTH_LABEL_SLO]: slo.name.startsWith(prefix)
      ? slo.name.slice(prefix.length)
      : slo.name,
    environment: slo.environment,
  };
}

const TEAM_NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

/**
 * The owner's name (`group:default/payments` -> `payments`): alerts route on it. The
 * owner is not re-checked when a design comes from a caller, so anything that is not a
 * plain entity name falls back to the service's (checked) name.
 */
export function teamOf(design: Design): string {
  const ref = design.service.owner;
  const name = ref.slice(ref.lastIndexOf('/') + 1).replace(/^[a-z]+:/, '');
  return TEAM_NAME.test(name) ? name : design.service.name;
}

/** A number as PromQL and YAML write it, without float noise (0.1 + 0.2). */
const num = (value: number) => String(Number(value.toPrecision(12)));

/** Relative slack of the alert comparisons over the nominal thresholds. */
export const FLOAT_TOLERANCE = 1e-9;

/** The error budget as a ratio: 1 - objective. */
export const budgetRatio = (slo: SloDesign) =>
  Number(((100 - slo.objectivePercent) / 100).toPrecision(12));

/** The error ratio above which a tier fires (the design's rule, capped just under 1). */
export const alertThreshold = (slo: SloDesign, tier: BurnRateAlertTier) =>
  errorRatioThreshold(tier.factor, slo.objectivePercent);

/** Every window the tiers read, shortest first, plus the base window. */
export function sliWindows(slo: SloDesign): string[] {
  const minutes = (w: string) =>
    Number(w.slice(0, -1)) * ({ m: 1, h: 60, d: 1440 }[w.slice(-1)] ?? 1);
  const windows = new Set([
    BASE_WINDOW,
    ...slo.alerts.flatMap(t => [t.shortWindow, t.longWindow]),
  ]);
  return [...windows].sort((a, b) => minutes(a) - minutes(b));
}

/** The period window (`30d`): the budget of the SLO is spent over it. */
export const periodWindow = (slo: SloDesign) => `${slo.windowDays}d`;

/** The annotations of a tier's alert; ids and numbers only, never free text. */
export function alertAnnotations(
  design: Design,
  slo: SloDesign,
  tier: BurnRateAlertTier,
  runbookUrl: string,
) {
  return {
    summary: goTemplateLiteral(
      `${slo.name}: error budget burning ${Number(tier.factor.toFixed(2))}x (${
        tier.name
      })`,
    ),
    description: goTemplateLiteral(
      `The ${slo.kind} SLO of ${design.service.name} (${
        slo.objectivePercent
      }% over ${slo.windowDays}d) has failed more than ${alertThreshold(
        slo,
        tier,
      )} of events over both the last ${tier.longWindow} and ${
        tier.shortWindow
      }. At this rate ${tier.budgetPercent}% of the error budget is gone in ${
        tier.longWindow
      }.`,
    ),
    runbook_url: goTemplateLiteral(runbookUrl),
  };
}

export function alertLabels(design: Design, tier: BurnRateAlertTier) {
  return {
    severity: tier.severity,
    sloth_severity: tier.severity,
    tier: tier.name,
    team: teamOf(design),
  };
}

export const ABSENT_TIER = 'sli-absent';

export function absentAlertLabels(design: Design, slo: SloDesign) {
  return {
    ...sloLabels(design, slo),
    severity: 'page',
    sloth_severity: 'page',
    tier: ABSENT_TIER,
    team: teamOf(design),
  };
}

/** The raw series whose absence means the SLI cannot be measured. */
export function absentSelector(design: Design, slo: SloDesign): string {
  const metrics = sliMetricsFor(design, slo);
  return selector(metrics.total, {
    service: design.service.name,
    environment: slo.environment,
  });
}

export function absentAnnotations(
  design: Design,
  slo: SloDesign,
  runbookUrl: string,
) {
  return {
    summary: goTemplateLiteral(
      `${slo.name}: no SLI data for ${ABSENT_FOR} (target down or metrics renamed)`,
    ),
    description: goTemplateLiteral(
      `${absentSelector(
        design,
        slo,
      )} has had no samples for ${ABSENT_FOR}: the ${slo.kind} SLO of ${
        design.service.name
      } cannot be measured and its burn-rate alerts cannot fire.`,
    ),
    runbook_url: goTemplateLiteral(runbookUrl),
  };
}

/** The Sloth-style rule groups of one SLO. */
export function sloGroups(
  design: Design,
  slo: SloDesign,
  runbookUrl: (anchor: string) => string,
) {
  const labels = sloLabels(design, slo);
  const sel = (record: string) =>
    selector(record, {
      [SLOTH_LABEL_ID]: labels[SLOTH_LABEL_ID],
      [SLOTH_LABEL_SERVICE]: labels[SLOTH_LABEL_SERVICE],
      [SLOTH_LABEL_SLO]: labels[SLOTH_LABEL_SLO],
    });
  const period = periodWindow(slo);
  const sliRecordings = [
    ...sliWindows(slo).map(window => ({
      record: recordName(window),
      expr: queriesFor(design, slo, window).errorRatio,
      labels: { ...labels, sloth_window: window },
    })),
    {
      record: recordName(period),
      expr: `sum_over_time(${sel(
        recordName(BASE_WINDOW),
      )}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(${sel(
        recordName(BASE_WINDOW),
      )}[${period}])`,
      labels: { ...labels, sloth_window: period },
    },
  ];
  const on = `on(${SLOTH_LABEL_ID}, ${SLOTH_LABEL_SLO}, ${SLOTH_LABEL_SERVICE}) group_left`;
  const meta = [
    {
      record: SLOTH_META_RECORDS.objective,
      expr: `vector(${num(slo.objectivePercent / 100)})`,
      labels,
    },
    {
      record: SLOTH_META_RECORDS.errorBudget,
      expr: `vector(${num(budgetRatio(slo))})`,
      labels,
    },
    {
      record: SLOTH_META_RECORDS.timePeriodDays,
      expr: `vector(${slo.windowDays})`,
      labels,
    },
    {
      record: SLOTH_META_RECORDS.currentBurnRate,
      expr: `${sel(recordName(BASE_WINDOW))}\n/ ${on}\n${sel(
        SLOTH_META_RECORDS.errorBudget,
      )}`,
      labels,
    },
    {
      record: SLOTH_META_RECORDS.periodBurnRate,
      expr: `${sel(recordName(period))}\n/ ${on}\n${sel(
        SLOTH_META_RECORDS.errorBudget,
      )}`,
      labels,
    },
    {
      record: SLOTH_META_RECORDS.budgetRemaining,
      expr: `1 - ${sel(SLOTH_META_RECORDS.periodBurnRate)}`,
      labels,
    },
    {
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: {
        ...labels,
        sloth_mode: 'plinth',
        sloth_objective: num(slo.objectivePercent),
        sloth_spec: 'prometheus/v1',
      },
    },
  ];
  const burnAlerts = slo.alerts.map(tier => {
    // A hair (one part in 1e9) above the nominal threshold: traffic exactly at it, say
    // errors exactly at the objective for the 1x tier, must not fire on float noise
    // in rate() (0.0010000000000000002 > 0.001).
    const threshold = num(alertThreshold(slo, tier) * (1 + FLOAT_TOLERANCE));
    const over = (window: string) =>
      `max without (sloth_window) (${sel(recordName(window))} > ${threshold})`;
    return {
      alert: alertName(slo, tier),
      expr: `${over(tier.longWindow)}\nand\n${over(tier.shortWindow)}`,
      labels: alertLabels(design, tier),
      annotations: alertAnnotations(design, slo, tier, runbookUrl(tier.name)),
    };
  });
  const absent = {
    alert: absentAlertName(slo),
    expr: `absent_over_time(${absentSelector(design, slo)}[${ABSENT_FOR}])`,
    labels: absentAlertLabels(design, slo),
    annotations: absentAnnotations(design, slo, runbookUrl(ABSENT_TIER)),
  };
  return [
    { name: `sloth-slo-sli-recordings-${slo.name}`, rules: sliRecordings },
    { name: `sloth-slo-meta-recordings-${slo.name}`, rules: meta },
    {
      name: `sloth-slo-alerts-${slo.name}`,
      rules: [...burnAlerts, absent],
    },
  ];
}
