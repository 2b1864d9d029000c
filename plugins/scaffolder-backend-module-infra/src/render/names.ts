import type {
  BurnRateAlertTier,
  SloDesign,
} from '@plinth/backstage-plugin-infra-common';

/*
 * Names and paths shared by several renderers, so that a link in one file
 * (a runbook URL in an alert, an SLO's source in the catalog) matches the file
 * another renderer writes. Inputs are validated ids (see validateDesign.ts).
 */

function pascalCase(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map(part => part[0].toUpperCase() + part.slice(1))
    .join('');
}

export const sloPath = (slo: SloDesign) => `slos/${slo.name}.yaml`;

/** One runbook per SLO: all its burn-rate alerts share the diagnosis. */
export const sloRunbookPath = (slo: SloDesign) =>
  `docs/runbooks/slo-${slo.name}.md`;

/** Prometheus alert name, e.g. `PaymentsApiAvailabilityBurnPageQuick`. */
export const alertName = (slo: SloDesign, tier: BurnRateAlertTier) =>
  `${pascalCase(slo.name)}Burn${pascalCase(tier.name)}`;

/** The SLO's alert for a vanished SLI, e.g. `PaymentsApiAvailabilitySliAbsent`. */
export const absentAlertName = (slo: SloDesign) =>
  `${pascalCase(slo.name)}SliAbsent`;

export const ALERTMANAGER_PATH = 'monitoring/alertmanager/alertmanager.yaml';

export const RULES_PATH = 'monitoring/prometheus/slo-rules.yaml';
export const RULES_TEST_PATH = 'monitoring/prometheus/slo-rules.test.yaml';
export const WORKFLOW_PATH = '.github/workflows/infrastructure.yaml';
export const GITLAB_CI_PATH = '.gitlab-ci.yml';

/** The environment's root module, as the Terraform renderer lays them out. */
export const environmentRootPath = (environment: string) =>
  `terraform/envs/${environment}`;

/** Runbooks for the common operations, every design gets them. */
export const OPERATION_RUNBOOKS = [
  { id: 'deploy', title: 'Deploy' },
  { id: 'rollback', title: 'Roll back' },
  { id: 'failover', title: 'Fail over' },
  { id: 'restore-from-backup', title: 'Restore from backup' },
  { id: 'rotate-secrets', title: 'Rotate secrets' },
  { id: 'scale', title: 'Scale' },
] as const;

export const operationRunbookPath = (id: string) => `docs/runbooks/${id}.md`;
