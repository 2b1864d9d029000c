/*
 * The error-budget gate of a production apply (ADR 1402): before Terraform runs, the
 * remaining budget of the service's SLOs in that environment is read from Prometheus
 * (`slo:period_error_budget_remaining:ratio`, recorded by the generated rules) and the
 * apply stops when any SLO has none left. The same POSIX shell script runs on GitHub
 * Actions and GitLab CI; everything it needs reaches it through environment variables,
 * and the query is built with the PromQL serialiser, never from design text by hand.
 *
 * Fail closed: when Prometheus cannot be asked (no URL, unreachable, an error), the
 * apply stops, because a gate that opens whenever monitoring is down protects nothing
 * on the days it matters most. The override is the way through. No series at all (a
 * service before its first deployment, whose rules have nothing to record) passes with
 * a warning: there is no budget to protect yet.
 */
import {
  SLOTH_LABEL_SERVICE,
  SLOTH_META_RECORDS,
  type Design,
  type EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import { selector } from '../prometheus/promql';

/** The remaining budget of every SLO of the service in the environment. */
export function budgetQuery(design: Design, env: EnvironmentDesign): string {
  return selector(SLOTH_META_RECORDS.budgetRemaining, {
    [SLOTH_LABEL_SERVICE]: design.service.name,
    environment: env.name,
  });
}

/** Environments whose applies are gated: the production ones that have SLOs. */
export function hasBudgetGate(design: Design, env: EnvironmentDesign): boolean {
  return (
    env.stage === 'production' &&
    (design.slos ?? []).some(slo => slo.environment === env.name)
  );
}

/**
 * The gate. Reads: PROMETHEUS_URL, BUDGET_QUERY, ENVIRONMENT_NAME, OVERRIDE_ERROR_BUDGET
 * (`true` lets the apply through), ERROR_BUDGET_GATE (`off` turns the gate off),
 * OVERRIDE_HINT (how to override on this CI), ERROR_MARK (`::error::` on GitHub).
 * Needs curl and jq.
 */
export const BUDGET_GATE_SCRIPT = [
  'set -u',
  'mark="${ERROR_MARK:-}"',
  'if [ "${ERROR_BUDGET_GATE:-on}" = "off" ]; then',
  '  echo "Error budget gate: turned off for $ENVIRONMENT_NAME (ERROR_BUDGET_GATE=off)."',
  '  exit 0',
  'fi',
  'if [ "${OVERRIDE_ERROR_BUDGET:-false}" = "true" ]; then',
  '  echo "Error budget gate: OVERRIDDEN for $ENVIRONMENT_NAME; applying whatever budget is left."',
  '  exit 0',
  'fi',
  'if [ -z "${PROMETHEUS_URL:-}" ]; then',
  '  echo "${mark}Error budget gate: no Prometheus URL for $ENVIRONMENT_NAME (PROMETHEUS_URL). Set it, turn the gate off with ERROR_BUDGET_GATE=off, or $OVERRIDE_HINT."',
  '  exit 1',
  'fi',
  'if ! body=$(curl --silent --show-error --fail --max-time 30 --get --data-urlencode "query=$BUDGET_QUERY" "${PROMETHEUS_URL%/}/api/v1/query"); then',
  '  echo "${mark}Error budget gate: Prometheus at $PROMETHEUS_URL did not answer, so the error budget of $ENVIRONMENT_NAME is unknown and the apply stops (fail closed). Fix the connection or $OVERRIDE_HINT."',
  '  exit 1',
  'fi',
  'if [ "$(printf \'%s\' "$body" | jq -r .status)" != "success" ]; then',
  '  echo "${mark}Error budget gate: Prometheus refused the query $BUDGET_QUERY: $(printf \'%s\' "$body" | jq -r .error)"',
  '  exit 1',
  'fi',
  'if [ "$(printf \'%s\' "$body" | jq \'.data.result | length\')" -eq 0 ]; then',
  '  echo "Error budget gate: no data for $BUDGET_QUERY (the SLO rules are not loaded or the service has no traffic yet); nothing to protect, the apply goes on."',
  '  exit 0',
  'fi',
  'budgets=$(printf \'%s\' "$body" | jq -r \'.data.result[] | "\\(.metric.sloth_id) \\((.value[1] | tonumber) * 1000 | round / 10)% left"\')',
  "exhausted=$(printf '%s' \"$body\" | jq -r '.data.result[] | select((.value[1] | tonumber) <= 0) | .metric.sloth_id')",
  'if [ -n "$exhausted" ]; then',
  '  echo "${mark}Error budget gate: the error budget of $ENVIRONMENT_NAME is exhausted ($(echo $exhausted)), so this apply stops: spend the time on reliability, or $OVERRIDE_HINT for a fix or a rollback."',
  '  printf \'%s\\n\' "$budgets"',
  '  exit 1',
  'fi',
  'echo "Error budget gate: budget left in $ENVIRONMENT_NAME:"',
  'printf \'%s\\n\' "$budgets"',
].join('\n');

/** The workflow_dispatch input that overrides the gate on GitHub. */
export const GITHUB_OVERRIDE_INPUT = 'override_error_budget';

export const GITHUB_OVERRIDE_HINT = `run the workflow by hand (Actions > infrastructure > Run workflow) with ${GITHUB_OVERRIDE_INPUT} ticked`;
export const GITLAB_OVERRIDE_HINT =
  'run the pipeline by hand with the variable OVERRIDE_ERROR_BUDGET=true';
