/*
 * The Sloth-compatible series Plinth's generated rules record (github.com/slok/sloth):
 * the SLI error ratio per window, the period ratio and the meta rules, all labelled
 * `sloth_service` / `sloth_slo` / `sloth_id`. The portal reads these back, so their
 * names live here once.
 */

export const SLOTH_LABEL_SERVICE = 'sloth_service';
export const SLOTH_LABEL_SLO = 'sloth_slo';
export const SLOTH_LABEL_WINDOW = 'sloth_window';

/** Prefix of `slo:sli_error:ratio_rate<window>`: the error ratio over each window. */
export const SLI_ERROR_RECORD_PREFIX = 'slo:sli_error:ratio_rate';

export const SLOTH_META_RECORDS = {
  objective: 'slo:objective:ratio',
  errorBudget: 'slo:error_budget:ratio',
  timePeriodDays: 'slo:time_period:days',
  currentBurnRate: 'slo:current_burn_rate:ratio',
  periodBurnRate: 'slo:period_burn_rate:ratio',
  budgetRemaining: 'slo:period_error_budget_remaining:ratio',
} as const;

export const SLOTH_LABEL_ID = 'sloth_id';

/**
 * How an SLO entity finds its series: `sloth_service` is the name of its service
 * Component (the OpenSLO `spec.service`), and the entity's own name is either
 * `sloth_id` (Sloth's `<service>-<slo>`, which Plinth's `<service>-<kind>` names
 * are) or `sloth_slo`.
 */
export function sloServiceName(slo: { serviceRef: string }): string {
  return slo.serviceRef.slice(slo.serviceRef.lastIndexOf('/') + 1);
}

/** A map key for (service name, SLO entity name). */
export function sloKey(service: string, name: string): string {
  return `${service}\u0000${name}`;
}

/** The keys a series answers to: by its `sloth_id` and by its `sloth_slo`. */
export function seriesKeys(labels: Record<string, string>): string[] {
  const service = labels[SLOTH_LABEL_SERVICE];
  if (!service) return [];
  return [labels[SLOTH_LABEL_ID], labels[SLOTH_LABEL_SLO]]
    .filter((v): v is string => !!v)
    .filter((v, i, all) => all.indexOf(v) === i)
    .map(v => sloKey(service, v));
}

/** True when a series belongs to the SLO entity `name` of `service`. */
export function seriesOf(
  labels: Record<string, string>,
  service: string,
  name: string,
): boolean {
  return (
    labels[SLOTH_LABEL_SERVICE] === service &&
    (labels[SLOTH_LABEL_ID] === name || labels[SLOTH_LABEL_SLO] === name)
  );
}

const DURATION = /^([1-9][0-9]*)([smhdwy])$/;
const MINUTES: Record<string, number> = {
  s: 1 / 60,
  m: 1,
  h: 60,
  d: 1440,
  w: 10080,
  y: 525600,
};

/** Minutes in a single-unit Prometheus duration (`5m`, `4w`, `30d`); undefined otherwise. */
export function durationMinutes(duration: string): number | undefined {
  const match = DURATION.exec(duration);
  return match ? Number(match[1]) * MINUTES[match[2]] : undefined;
}

/**
 * A PromQL string literal for any text: double-quoted with JSON's escapes,
 * which PromQL's lexer reads the same way.
 */
export function promqlLiteral(value: string): string {
  return JSON.stringify(value);
}

/** A PromQL vector selector matching a metric-name regex and exact label values. */
export function slothSelector(
  nameRegex: string,
  labels: Partial<Record<string, string>>,
): string {
  const matchers = [`__name__=~${promqlLiteral(nameRegex)}`];
  for (const [name, value] of Object.entries(labels)) {
    if (value !== undefined) matchers.push(`${name}=${promqlLiteral(value)}`);
  }
  return `{${matchers.join(',')}}`;
}

/** Escapes a text for use inside a PromQL regex (RE2 syntax). */
export function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every series the SLO card reads at one instant: the windows and the meta rules. */
export const CARD_SERIES_REGEX = [
  `${regexLiteral(SLI_ERROR_RECORD_PREFIX)}.+`,
  ...Object.values(SLOTH_META_RECORDS).map(regexLiteral),
].join('|');

/** What the overview reads for every SLO in one query. */
export const OVERVIEW_SERIES_REGEX = [
  SLOTH_META_RECORDS.budgetRemaining,
  SLOTH_META_RECORDS.errorBudget,
]
  .map(regexLiteral)
  .join('|');
