/*
 * The generated runbooks: one per SLO (what the alert means, the queries to diagnose it)
 * and one per common operation, the failover one from the standby resources the
 * Terraform really creates.
 */
import type {
  Design,
  EnvironmentDesign,
  SloDesign,
} from '@plinth/backstage-plugin-infra-common';
import { SLOTH_META_RECORDS } from '@plinth/backstage-plugin-infra-common';
import { mdText } from '../markdown';
import { absentAlertName, alertName, RULES_PATH } from '../names';
import { alertThreshold } from '../prometheus';
import { selector } from '../prometheus/promql';
import {
  ABSENT_FOR,
  ABSENT_TIER,
  absentSelector,
  recordName,
} from '../prometheus/rules';
import { drClaims } from '../terraform/drClaims';

/**
 * A number for people: four significant digits, no float noise (20.16, 0.0004667). The
 * rules file keeps the exact threshold.
 */
function readableNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** PromQL in a Markdown code span: the selectors are built from checked ids. */
const code = (promql: string) => `\`${promql.replace(/`/g, "'")}\``;

export function sloRunbook(design: Design, slo: SloDesign): string {
  const id = { sloth_id: slo.name };
  return `# SLO ${mdText(slo.name)}

${mdText(slo.description)}. Objective ${slo.objectivePercent}% over ${
    slo.windowDays
  } days; error budget ${readableNumber(
    slo.errorBudget?.minutes ?? 0,
  )} minutes. Rules: \`${RULES_PATH}\`.

${slo.alerts
  .map(
    tier => `## ${tier.name}

Alert \`${alertName(slo, tier)}\` (${
      tier.severity
    }): the error ratio is above ${readableNumber(
      alertThreshold(slo, tier),
    )} over ${tier.longWindow} and ${tier.shortWindow}, a burn of ${Number(
      tier.factor.toFixed(2),
    )}x.

1. Open the service dashboard and confirm the error ratio for environment \`${
      slo.environment
    }\`.
2. Check recent deploys; if one lines up, follow [Roll back](rollback.md).
3. Check the dependencies (database, cache, load balancer health checks).
4. ${
      tier.severity === 'page'
        ? 'Open an incident and update it every 30 minutes until the burn stops.'
        : 'Open a ticket; fix within the week and review at the next SLO review.'
    }

Diagnosis queries: the error ratio over both windows ${code(
      selector(recordName(tier.longWindow), id),
    )} and ${code(
      selector(recordName(tier.shortWindow), id),
    )}; the budget left ${code(
      selector(SLOTH_META_RECORDS.budgetRemaining, id),
    )}.`,
  )
  .join('\n\n')}

## ${ABSENT_TIER}

Alert \`${absentAlertName(slo)}\` (page): ${code(
    absentSelector(design, slo),
  )} has had no samples for ${ABSENT_FOR}, so the burn-rate alerts above cannot fire.

1. Check the scrape targets: ${code(
    selector('up', { service: design.service.name }),
  )} (0 or missing: the target is down or no longer discovered).
2. Check the pods or instances of \`${mdText(design.service.name)}\` in \`${
    slo.environment
  }\` are running (crash loops stop the metrics too).
3. If the metrics were renamed in a release, roll back ([Roll back](rollback.md)) or update the SLI.
`;
}

export function operationRunbook(
  design: Design,
  id: string,
  title: string,
): string {
  const prod =
    design.environments.find(env => env.stage === 'production') ??
    design.environments[0];
  const steps: Record<string, string[]> = {
    deploy: [
      'Open a pull request; the infrastructure workflow formats, validates, lints, scans and posts the plan of each environment.',
      'Review the plan comment; merge when it shows only the intended changes.',
      `Applies run in order (${design.environments
        .map(env => env.name)
        .join(', ')}); ${
        design.iac.gatedEnvironments?.length
          ? `${design.iac.gatedEnvironments.join(
              ', ',
            )} wait for an approval in the GitHub environment of the same name (Settings, Environments, Required reviewers).`
          : 'no environment waits for approval.'
      }`,
    ],
    rollback: [
      'Revert the merge commit of the change on main and open the revert as a pull request.',
      'Review its plan: it must undo only the change.',
      'Merge; the gated apply restores the previous state. Data changes (a dropped column, a resized disk) need the restore runbook.',
    ],
    failover: failoverSteps(design, prod),
    'restore-from-backup': [
      `Backups are kept ${
        prod.database?.backupRetentionDays ??
        prod.controls.backupRetentionDays ??
        'n/a'
      } days${
        prod.database?.pointInTimeRecovery ? ' with point-in-time recovery' : ''
      }.`,
      'Restore into a new instance next to the current one, never over it.',
      'Check row counts and the latest writes, then point the service at the new instance and keep the old one until the next review.',
    ],
    'rotate-secrets': [
      'Create the new secret version in the secret manager; keep the old one enabled.',
      'Roll the workload so it reads the new version; confirm no authentication errors.',
      'Disable the old version, then delete it after a week. Keys are rotated automatically every year by the key service.',
    ],
    scale: [
      `Autoscaling per environment: ${design.environments
        .map(
          env =>
            `${env.name} ${env.compute.autoscaling.min}-${env.compute.autoscaling.max}`,
        )
        .join(', ')}.`,
      `Change the limits in \`terraform/envs/<environment>/terraform.tfvars\` and deploy.`,
      'Watch the latency SLO for an hour after the change.',
    ],
  };
  return `# ${title}

${(steps[id] ?? [])
  .map((step, index) => `${index + 1}. ${mdText(step)}`)
  .join('\n')}
`;
}

const PROMOTE: Record<string, string> = {
  aws: 'aws rds promote-read-replica --db-instance-identifier <replica_identifier output>',
  gcp: 'gcloud sql instances promote-replica <replica_name output>',
  azure:
    'az postgres flexible-server replica promote (or az mysql flexible-server replica stop-replication) on the replica_id output',
};

/** The failover runbook: the real resources of the standby, in the order on-call uses them. */
function failoverSteps(design: Design, env: EnvironmentDesign): string[] {
  const head = `Disaster recovery pattern of ${env.name}: ${env.drPattern}; RTO ${env.rtoMinutes} minutes, RPO ${env.rpoMinutes} minutes.`;
  const claims = drClaims(design, env);
  if (claims.length === 0)
    return [
      head,
      env.multiRegion
        ? 'This pattern keeps no standby region running: a region loss follows the restore runbook, into the secondary region.'
        : 'The design is single-region: fail over between zones is automatic; a region loss follows the restore runbook.',
      'Confirm the SLO dashboards recover, then record the timeline in the incident.',
    ];
  const of = (kind: string) => claims.find(c => c.kind === kind);
  const replica = of('data-replica');
  const traffic = of('traffic-failover');
  const steps = [head];
  if (replica)
    steps.push(
      `Promote the database replica ${replica.addresses.join(', ')} in ${
        replica.region
      } (${
        PROMOTE[design.cloud]
      }), then point the standby workload at it (its endpoint becomes writable).`,
    );
  steps.push(
    traffic
      ? `Traffic: ${traffic.what} (${traffic.addresses.join(
          ', ',
        )}); confirm that the standby now answers, or force it by failing the primary's health check.`
      : `Traffic: switch the service's DNS to the load balancer in ${env.regions.secondary[0]} (see the DR page: Plinth does not create this routing for this design).`,
  );
  steps.push(
    'Confirm the SLO dashboards recover, then record the timeline in the incident; after the primary region is back, rebuild a replica there before failing back.',
  );
  return steps;
}
