import {
  WINDOW_PLACEHOLDER,
  type BurnRateAlertTier,
  type Design,
  type SloDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import {
  alertName,
  RULES_PATH,
  RULES_TEST_PATH,
  sloRunbookPath,
} from '../names';
import { queriesFor } from '../slo';
import { GENERATED_HEADER, toYaml } from '../yaml';
import { goTemplateLiteral, selector } from './promql';
import { seriesFor } from './series';

/** Sloth's naming: the SLI error ratio over a window. */
const recordName = (window: string) => `slo:sli_error:ratio_rate${window}`;

const sloLabels = (design: Design, slo: SloDesign) => ({
  slo: slo.name,
  service: design.service.name,
  environment: slo.environment,
});

/**
 * The error ratio above which a tier fires: factor x error budget. Below an
 * objective of about 93% the fastest tier would need more than 100% errors
 * and could never fire, so the threshold is capped just under 1.
 */
export function alertThreshold(
  slo: SloDesign,
  tier: BurnRateAlertTier,
): number {
  const budget = (100 - slo.objectivePercent) / 100;
  return Math.min(Number((tier.factor * budget).toPrecision(12)), 0.999);
}

function tierWindows(slo: SloDesign): string[] {
  const windows = slo.alerts.flatMap(tier => [
    tier.shortWindow,
    tier.longWindow,
  ]);
  return [...new Set(windows)];
}

/** The annotations of a tier's alert; ids and numbers only, never free text. */
export function alertAnnotations(
  design: Design,
  slo: SloDesign,
  tier: BurnRateAlertTier,
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
    runbook_url: goTemplateLiteral(`${sloRunbookPath(slo)}#${tier.name}`),
  };
}

export const alertLabels = (tier: BurnRateAlertTier) => ({
  severity: tier.severity,
  tier: tier.name,
});

function sloGroup(design: Design, slo: SloDesign) {
  const labels = sloLabels(design, slo);
  const queries = queriesFor(design, slo);
  const recordings = tierWindows(slo).map(window => ({
    record: recordName(window),
    expr: queries.errorRatio.split(WINDOW_PLACEHOLDER).join(window),
    labels,
  }));
  const alerts = slo.alerts.map(tier => {
    const threshold = alertThreshold(slo, tier);
    const errorRatio = (window: string) =>
      `${selector(recordName(window), { slo: slo.name })} > ${threshold}`;
    return {
      alert: alertName(slo, tier),
      expr: `(${errorRatio(tier.longWindow)})\nand\n(${errorRatio(
        tier.shortWindow,
      )})`,
      labels: alertLabels(tier),
      annotations: alertAnnotations(design, slo, tier),
    };
  });
  return { name: `slo-${slo.name}`, rules: [...recordings, ...alerts] };
}

/** Minutes in one unit of a Prometheus duration. */
const MINUTES_PER_UNIT: Record<string, number> = { m: 1, h: 60, d: 1440 };

/** Minutes in a Prometheus duration of the validated form `<n>[mhd]`. */
function minutes(duration: string): number {
  const value = Number(duration.slice(0, -1));
  const unit = duration.slice(-1);
  return value * (MINUTES_PER_UNIT[unit] ?? 1);
}

/**
 * promtool unit tests: for each SLO, every page alert fires on a fast burn
 * (twice its threshold) and stays silent when errors run exactly at the objective.
 */
function unitTests(design: Design, slo: SloDesign) {
  const pages = slo.alerts.filter(tier => tier.severity === 'page');
  if (pages.length === 0) {
    return [];
  }
  const longest = Math.max(...pages.map(tier => minutes(tier.longWindow)));
  const evalMinutes = longest + 60;
  const budget = (100 - slo.objectivePercent) / 100;
  const fastest = Math.max(...pages.map(tier => alertThreshold(slo, tier)));
  const scenario = (name: string, errorRatio: number, firing: boolean) => ({
    name: `${slo.name}: ${name}`,
    interval: '1m',
    input_series: seriesFor(design, slo, errorRatio, evalMinutes + 60),
    alert_rule_test: pages.map(tier => ({
      eval_time: `${evalMinutes}m`,
      alertname: alertName(slo, tier),
      exp_alerts: firing
        ? [
            {
              exp_labels: { ...sloLabels(design, slo), ...alertLabels(tier) },
              exp_annotations: alertAnnotations(design, slo, tier),
            },
          ]
        : [],
    })),
  });
  return [
    scenario('a fast burn pages', Math.min(1, fastest * 2), true),
    scenario('errors at the objective do not page', budget, false),
  ];
}

/**
 * `monitoring/prometheus/slo-rules.yaml` (SLI recording rules and
 * multi-window multi-burn-rate alerts) and its promtool unit tests.
 */
export function renderPrometheus(design: Design): GeneratedFile[] {
  const rules = { groups: design.slos.map(slo => sloGroup(design, slo)) };
  const tests = {
    rule_files: [RULES_PATH.split('/').pop()],
    evaluation_interval: '1m',
    tests: design.slos.flatMap(slo => unitTests(design, slo)),
  };
  return [
    { path: RULES_PATH, content: toYaml(rules, GENERATED_HEADER) },
    {
      path: RULES_TEST_PATH,
      content: toYaml(
        tests,
        `${GENERATED_HEADER} Run: promtool test rules ${RULES_TEST_PATH}`,
      ),
    },
  ];
}
