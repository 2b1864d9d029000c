/*
 * Claims against code: for each cloud, compute kind and standby pattern, the production
 * environment's DR page names the resources that keep its promises (a data replica, compute
 * and a load balancer in the standby region, health-checked traffic failover), and each named
 * resource is in the parsed HCL. What is expected is derived from the design, not from the
 * renderer's own list, and removing any one resource makes the check fail.
 */
import type {
  Cloud,
  ComputeKind,
  Design,
  DrPattern,
} from '@plinth/backstage-plugin-infra-common';
import { renderDocs } from '../docs';
import type { GeneratedFile } from '../types';
import { renderTerraform } from './index';
import { fixtureDesign } from './__testUtils__/designs';
import { exampleAnswers, planned } from './__testUtils__/testDesigns';
import {
  claimedAddresses,
  missingClaims,
  withoutResource,
} from './__testUtils__/claims';

const CLOUDS: Cloud[] = ['aws', 'gcp', 'azure'];
const KINDS: ComputeKind[] = ['kubernetes', 'containers', 'vms', 'serverless'];
const PATTERNS: DrPattern[] = ['pilot-light', 'warm-standby', 'active-active'];

/** What a standby pattern promises, from the design alone: the module calls that must exist. */
function expectedFootprint(design: Design) {
  const prod = design.environments.find(e => e.stage === 'production')!;
  const gke = design.cloud === 'gcp' && prod.compute.kind === 'kubernetes';
  const expected: Array<
    [string, (a: { address: string; via?: string }) => boolean]
  > = [
    [
      'secondary compute',
      a => a.address.startsWith('module.compute_secondary.'),
    ],
  ];
  if (prod.database)
    expected.push([
      'data replica',
      a => a.address.startsWith('module.replica_secondary.'),
    ]);
  if (!gke) {
    expected.push([
      'secondary load balancer',
      a =>
        a.address.startsWith('module.edge_secondary.') ||
        a.via === 'module.compute_secondary.backend_group',
    ]);
    expected.push([
      'traffic failover',
      a =>
        a.address.startsWith('module.failover.') ||
        a.address.endsWith('google_compute_global_forwarding_rule.https'),
    ]);
  }
  return { prod, gke, expected };
}

/**
 * The Terraform and the docs of a design. The hand-written fixtures carry no SLOs, cost or
 * review cadence (the renderer's tests do not need them); the docs get empty ones.
 */
function render(design: Design): GeneratedFile[] {
  const given = design as Partial<Design>;
  const documented = {
    ...design,
    slos: given.slos ?? [],
    cost: given.cost ?? {
      currency: 'USD',
      totalMonthlyUsd: 0,
      environments: [],
      priceSource: 'none',
    },
    improvement: given.improvement ?? {
      costReviewCadence: 'monthly',
      sloReviewCadence: 'quarterly',
      budgetAlertPercents: [],
    },
  } as Design;
  return [...renderTerraform(design), ...renderDocs(documented)];
}

const CASES: Array<[string, Design]> = [];
for (const cloud of CLOUDS)
  for (const compute of KINDS)
    for (const drPattern of PATTERNS)
      CASES.push([
        `${cloud} ${compute} ${drPattern}`,
        fixtureDesign(cloud, { compute, multiRegion: true, drPattern }),
      ]);
for (const [file, answers] of exampleAnswers()) {
  const design = planned(answers);
  const prod = design.environments.find(e => e.stage === 'production');
  if (prod && prod.networks.length > 1 && prod.drPattern !== 'backup-restore')
    CASES.push([`planned from ${file}`, design]);
}

describe('DR claims against the generated Terraform', () => {
  it('covers a planned multi-region design', () => {
    expect(CASES.some(([name]) => name.startsWith('planned'))).toBe(true);
  });

  it.each(CASES)('%s: every claimed resource exists', async (_, design) => {
    const files = render(design);
    const { prod, gke, expected } = expectedFootprint(design);
    const claims = claimedAddresses(files, prod.name);
    for (const [what, found] of expected)
      expect({ what, listed: claims.some(found) }).toEqual({
        what,
        listed: true,
      });
    // GKE's gap is said, not promised.
    const page = files.find(f => f.path === 'docs/disaster-recovery.md')!;
    expect(page.content.includes('Not created by Plinth')).toBe(gke);
    // The architecture diagram draws the failover path only where it exists.
    const architecture = files.find(f => f.path === 'docs/architecture.md')!;
    expect(architecture.content.includes('-. failover .->')).toBe(!gke);
    expect(await missingClaims(files, prod.name, claims)).toEqual([]);
    // The failover runbook names the replica on-call promotes.
    const runbook = files.find(f => f.path === 'docs/runbooks/failover.md')!;
    const replica = claims.find(c => c.address.includes('replica_secondary'));
    expect(
      !replica || runbook.content.replace(/\\/g, '').includes(replica.address),
    ).toBe(true);
  });

  it('claims nothing for a single-region or backup-restore environment', () => {
    for (const cloud of CLOUDS) {
      const files = render(fixtureDesign(cloud));
      expect(claimedAddresses(files, 'prod')).toEqual([]);
      expect(files.some(f => f.path.includes('modules/replica/'))).toBe(false);
      expect(files.some(f => f.path.includes('modules/failover/'))).toBe(false);
    }
  });

  describe.each(CLOUDS)('on %s', cloud => {
    const design = fixtureDesign(cloud, {
      compute: 'containers',
      multiRegion: true,
      drPattern: 'warm-standby',
    });
    const files = render(design);
    const claims = claimedAddresses(files, 'prod');

    it.each(claims.map(c => [c.address, c] as const))(
      'fails when %s is removed',
      async (address, claim) => {
        const [, call, type, name] = address.split('.');
        const root = files.find(f => f.path === 'terraform/envs/prod/main.tf')!;
        const source = new RegExp(
          `module "${call}" \\{\\n  source += "\\.\\./\\.\\./modules/([a-z]+)"`,
        ).exec(root.content)![1];
        const broken = withoutResource(files, source, type, name);
        expect(await missingClaims(broken, 'prod', [claim])).toEqual([
          expect.stringContaining(address),
        ]);
      },
    );

    if (cloud === 'gcp')
      it('fails when the standby backend is not given to the load balancer', async () => {
        const broken: GeneratedFile[] = files.map(f =>
          f.path === 'terraform/envs/prod/main.tf'
            ? {
                ...f,
                content: f.content.replace(
                  /,?\s*module\.compute_secondary\.backend_group/,
                  '',
                ),
              }
            : f,
        );
        const viaClaims = claims.filter(c => c.via);
        expect(viaClaims.length).toBeGreaterThan(0);
        const problems = await missingClaims(broken, 'prod', viaClaims);
        expect(problems).toHaveLength(viaClaims.length);
      });
  });
});
