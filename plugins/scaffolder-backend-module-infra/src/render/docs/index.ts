import { changeReviewSection } from '../changeReview';
import type {
  Design,
  EnvironmentDesign,
  RuleSource,
  SloDesign,
} from '@plinth/backstage-plugin-infra-common';
import { SLOTH_META_RECORDS } from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { mdTable, mdText, mermaidText } from '../markdown';
import {
  absentAlertName,
  alertName,
  environmentRootPath,
  OPERATION_RUNBOOKS,
  operationRunbookPath,
  RULES_PATH,
  sloRunbookPath,
} from '../names';
import { alertThreshold } from '../prometheus';
import { selector } from '../prometheus/promql';
import {
  ABSENT_FOR,
  ABSENT_TIER,
  absentSelector,
  recordName,
} from '../prometheus/rules';
import { toYaml } from '../yaml';
import { drClaims, drGaps, replicatesInto } from '../terraform/drClaims';

/** A resource (`module.m.type.name`) or a module output (`module.m.output`). */
const ADDRESS = /^module\.[a-z0-9_]+(\.[a-z0-9_]+){1,2}$/;

/** A Terraform address of our own making (never user text), as a code span. */
function mdAddress(address: string): string {
  if (!ADDRESS.test(address)) throw new TypeError(`bad address ${address}`);
  return `\`${address}\``;
}

/** The standby region's resources, by what they are for, and what Plinth leaves to do. */
function standbySection(design: Design, env: EnvironmentDesign): string {
  const claims = drClaims(design, env);
  const gaps = drGaps(design, env);
  if (claims.length === 0 && gaps.length === 0) return '';
  return `## Standby of ${mdText(env.name)} (${mdText(env.drPattern)})

${[
  ...claims.map(
    claim =>
      `- ${mdText(claim.what)}: ${claim.addresses.map(mdAddress).join(', ')}${
        claim.via ? ` (with ${mdAddress(claim.via)})` : ''
      }`,
  ),
  ...gaps.map(gap => `- Not created by Plinth: ${mdText(gap)}`),
].join('\n')}
`;
}

const docsPath = (repoPath: string) => repoPath.replace(/^docs\//, '');

function indexPage(design: Design): string {
  const { service } = design;
  return `# ${mdText(service.name)} infrastructure

${
  service.description ? `${mdText(service.description)}\n\n` : ''
}Owner: ${mdText(service.owner)}. Cloud: ${mdText(
    design.cloud,
  )}. Environments: ${mdText(
    design.environments.map(env => env.name),
  )}. Frameworks: ${mdText(
    service.frameworks.length ? service.frameworks : ['none'],
  )}.

- [Architecture](architecture.md)
- [Disaster recovery](disaster-recovery.md)
- [Compliance](compliance.md)
- [Cost](cost.md)
- Runbooks: ${[
    ...OPERATION_RUNBOOKS.map(op => `[${op.title}](runbooks/${op.id}.md)`),
    ...design.slos.map(
      slo => `[SLO ${slo.name}](${docsPath(sloRunbookPath(slo))})`,
    ),
  ].join(', ')}

${changeReviewSection(design)}`;
}

function diagram(design: Design): string {
  const lines = ['flowchart LR', '  users([Users])'];
  for (const env of design.environments) {
    const id = env.name.replace(/-/g, '_');
    lines.push(
      `  subgraph ${id}["${mermaidText(`${env.name} (${env.stage})`)}"]`,
    );
    env.networks.forEach((network, index) => {
      const n = `${id}_r${index}`;
      lines.push(
        `    subgraph ${n}["${mermaidText(
          `${network.region} ${network.role} ${network.cidr}`,
        )}"]`,
      );
      lines.push(
        `      ${n}_lb["${mermaidText(
          `load balancer ${env.loadBalancer.scheme}, TLS ${env.loadBalancer.tlsMinVersion}+`,
        )}"]`,
      );
      lines.push(
        `      ${n}_app["${mermaidText(
          `${env.compute.kind} ${env.compute.autoscaling.min}-${env.compute.autoscaling.max}`,
        )}"]`,
      );
      lines.push(`      ${n}_lb --> ${n}_app`);
      // A standby region draws a database only where it holds a replica.
      const replica = network.role === 'secondary';
      if (env.database && (!replica || replicatesInto(env, network.region))) {
        lines.push(
          `      ${n}_db[("${mermaidText(
            `${env.database.engine} ${replica ? 'read replica' : 'private'}`,
          )}")]`,
        );
        lines.push(`      ${n}_app --> ${n}_db`);
      }
      // The cache lives with the primary database only.
      if (env.cache && !replica) {
        lines.push(`      ${n}_cache[("redis")]`);
        lines.push(`      ${n}_app --> ${n}_cache`);
      }
      lines.push('    end');
    });
    lines.push('  end');
    lines.push(`  users --> ${id}_r0_lb`);
    // Health-checked failover sends users to the first standby region's load balancer.
    if (drClaims(design, env).some(c => c.kind === 'traffic-failover'))
      lines.push(`  users -. failover .-> ${id}_r1_lb`);
  }
  return lines.join('\n');
}

/** How the network table names a firewall rule's peer. */
function peerText(peer: RuleSource): string {
  if (peer.kind === 'internet') return 'internet';
  if (peer.kind === 'cidr') return peer.cidr;
  return `tier ${peer.tier}`;
}

function architecturePage(design: Design): string {
  const rows = design.environments.map(env => [
    env.name,
    env.stage,
    [env.regions.primary, ...env.regions.secondary],
    env.multiAz ? `yes (${env.zones.length} zones)` : 'no',
    env.compute.kind,
    env.database
      ? `${env.database.engine} ${env.database.engineVersion}`
      : 'none',
    environmentRootPath(env.name),
  ]);
  return `# Architecture

\`\`\`mermaid
${diagram(design)}
\`\`\`

${mdTable(
  [
    'Environment',
    'Stage',
    'Regions',
    'Multi-AZ',
    'Compute',
    'Database',
    'Terraform root',
  ],
  rows,
)}

## Network

${design.environments
  .map(
    env => `### ${mdText(env.name)}

${mdTable(
  ['Rule', 'Tier', 'Direction', 'Ports', 'Peer'],
  env.firewallRules.map(rule => [
    rule.name,
    rule.tier,
    rule.direction,
    `${rule.protocol} ${rule.fromPort}-${rule.toPort}`,
    peerText(rule.peer),
  ]),
)}`,
  )
  .join('\n\n')}
`;
}

/**
 * A number for people: four significant digits, no float noise (20.16, 0.0004667). The
 * rules file keeps the exact threshold.
 */
function readableNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** PromQL in a Markdown code span: the selectors are built from checked ids. */
const code = (promql: string) => `\`${promql.replace(/`/g, "'")}\``;

function sloRunbook(design: Design, slo: SloDesign): string {
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

function operationRunbook(design: Design, id: string, title: string): string {
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

function envRow(env: EnvironmentDesign) {
  return [
    env.name,
    env.stage,
    env.drPattern,
    `${env.rtoMinutes} min`,
    `${env.rpoMinutes} min`,
    env.database?.backupRetentionDays ?? 'n/a',
  ];
}

function disasterRecoveryPage(design: Design): string {
  return `# Disaster recovery

${mdTable(
  ['Environment', 'Stage', 'Pattern', 'RTO', 'RPO', 'Backup retention (days)'],
  design.environments.map(envRow),
)}

${design.environments
  .map(env => standbySection(design, env))
  .filter(Boolean)
  .join('\n')}
## Restore test

Every quarter, per production environment:

1. Restore the latest backup into a scratch instance (see [Restore from backup](runbooks/restore-from-backup.md)).
2. Time it: the restore must finish within the RTO.
3. Check that the newest restored write is younger than the RPO.
4. Record the result and set \`restoreTested: true\` in the environment's controls in \`catalog-info.yaml\`.
`;
}

function compliancePage(design: Design): string {
  const requirements = design.compliance?.requirements ?? [];
  return `# Compliance

Frameworks: ${mdText(
    design.service.frameworks.length ? design.service.frameworks : ['none'],
  )}.

${
  requirements.length
    ? mdTable(
        [
          'Framework',
          'Requirements',
          'Control',
          'Title',
          'How the design meets it',
        ],
        requirements.map(r => [
          r.framework,
          r.requirementIds,
          r.controlId,
          r.title,
          r.howMet,
        ]),
      )
    : 'No framework requirements.'
}
`;
}

function costPage(design: Design): string {
  const cost = design.cost;
  return `# Cost

Estimated monthly cost (${mdText(cost.currency)}): ${mdText(
    cost.totalMonthlyUsd.toFixed(2),
  )}${
    cost.monthlyBudgetUsd !== undefined
      ? `, budget ${mdText(cost.monthlyBudgetUsd)}`
      : ''
  }.

${mdTable(
  ['Environment', 'Monthly USD'],
  cost.environments.map(env => [env.environment, env.monthlyUsd.toFixed(2)]),
)}

Prices: ${mdText(cost.priceSource)}. Review cadence: costs ${mdText(
    design.improvement.costReviewCadence,
  )}, SLOs ${mdText(
    design.improvement.sloReviewCadence,
  )}. Budget alerts at ${mdText(
    design.improvement.budgetAlertPercents.map(p => `${p}%`),
  )}.
`;
}

/** TechDocs: `mkdocs.yml` and `docs/`. */
export function renderDocs(design: Design): GeneratedFile[] {
  const runbooks = [
    ...OPERATION_RUNBOOKS.map(op => ({
      title: op.title,
      path: operationRunbookPath(op.id),
      content: operationRunbook(design, op.id, op.title),
    })),
    ...design.slos.map(slo => ({
      title: `SLO ${slo.name}`,
      path: sloRunbookPath(slo),
      content: sloRunbook(design, slo),
    })),
  ];
  const mkdocs = {
    site_name: `${design.service.name} infrastructure`,
    nav: [
      { Home: 'index.md' },
      { Architecture: 'architecture.md' },
      { 'Disaster recovery': 'disaster-recovery.md' },
      { Compliance: 'compliance.md' },
      { Cost: 'cost.md' },
      { Runbooks: runbooks.map(rb => ({ [rb.title]: docsPath(rb.path) })) },
    ],
    plugins: ['techdocs-core'],
  };
  return [
    { path: 'mkdocs.yml', content: toYaml(mkdocs) },
    { path: 'docs/index.md', content: indexPage(design) },
    { path: 'docs/architecture.md', content: architecturePage(design) },
    {
      path: 'docs/disaster-recovery.md',
      content: disasterRecoveryPage(design),
    },
    { path: 'docs/compliance.md', content: compliancePage(design) },
    { path: 'docs/cost.md', content: costPage(design) },
    ...runbooks.map(rb => ({ path: rb.path, content: rb.content })),
  ];
}
