/*
 * The generated repository's docs/ pages (index, architecture, disaster recovery,
 * compliance, cost) and where its runbooks go; the runbooks themselves are in runbooks.ts.
 */
import { changeReviewSection } from '../changeReview';
import type {
  Design,
  EnvironmentDesign,
  RuleSource,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { mdTable, mdText, mermaidText } from '../markdown';
import {
  environmentRootPath,
  OPERATION_RUNBOOKS,
  operationRunbookPath,
  sloRunbookPath,
} from '../names';
import { toYaml } from '../yaml';
import { drClaims, drGaps, replicatesInto } from '../terraform/drClaims';
import { operationRunbook, sloRunbook } from './runbooks';
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
