/*
 * Hand-written designs for the renderer's tests, shaped like what `planDesign` derives:
 * three environments, production multi-AZ (and multi-region when asked), a database,
 * a cache and the tier rules. They keep the renderer's tests independent of the planner's
 * choices, except the tier rules, which are the domain's own; hostile text is put where user
 * text can reach.
 */
import type {
  Cloud,
  ComputeKind,
  Design,
  DrPattern,
  EnvironmentDesign,
  FirewallRule,
  RegionNetwork,
  Stage,
} from '@plinth/backstage-plugin-infra-common';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { exampleAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';
import { CONTRACT_MODULES } from '../../../__testUtils__/contract';

const REGIONS: Record<
  Cloud,
  { primary: string; secondary: string; zones: string[] }
> = {
  aws: {
    primary: 'eu-west-1',
    secondary: 'eu-central-1',
    zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  },
  gcp: {
    primary: 'europe-west1',
    secondary: 'europe-west4',
    zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
  },
  azure: {
    primary: 'westeurope',
    secondary: 'northeurope',
    zones: ['1', '2', '3'],
  },
};

/** The medium instance types of each cloud, for the workloads and the database. */
const INSTANCE_TYPES: Record<Cloud, { compute: string; database: string }> = {
  aws: { compute: 'm7g.large', database: 'db.m7g.large' },
  gcp: { compute: 'e2-standard-2', database: 'db-custom-2-8192' },
  azure: { compute: 'Standard_D2s_v5', database: 'GP_Standard_D2s_v3' },
};

/** Each cloud's native Terraform state backend. */
const STATE_BACKEND_KIND: Record<Cloud, string> = {
  aws: 's3',
  gcp: 'gcs',
  azure: 'azurerm',
};

/**
 * The tier rules as the planner writes them for the shared example answers (public ingress,
 * PostgreSQL), not a copy of them; hostile text in one description, as user text could be.
 */
function tierRules(): FirewallRule[] {
  const parsed = parseAnswers(exampleAnswers);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { design } = planDesign(parsed.answers, { defaults: parsed.defaults });
  const [first, ...rest] = design.environments[0].firewallRules;
  return [
    { ...first, description: 'HTTPS from the internet "${evil}" %{ if x }' },
    ...rest,
  ];
}

const RULES = tierRules();

function network(
  cloud: Cloud,
  role: 'primary' | 'secondary',
  cidrIndex: number,
  zones: number,
): RegionNetwork {
  const region =
    role === 'primary' ? REGIONS[cloud].primary : REGIONS[cloud].secondary;
  const zoneNames = REGIONS[cloud].zones
    .slice(0, zones)
    .map(z =>
      role === 'primary' ? z : z.replace(REGIONS[cloud].primary, region),
    );
  const base = `10.${cidrIndex}`;
  const subnets =
    cloud === 'aws'
      ? (['public', 'private', 'data'] as const).flatMap((tier, t) =>
          zoneNames.map((zone, z) => ({
            name: `${tier}-${z + 1}`,
            tier,
            zone,
            cidr: `${base}.${(t * 4 + z) * 16}.0/20`,
          })),
        )
      : (['public', 'private', 'data'] as const).map((tier, t) => ({
          name: tier,
          tier,
          cidr: `${base}.${t * 64}.0/18`,
        }));
  return {
    region,
    role,
    cidr: `${base}.0.0/16`,
    zones: zoneNames,
    subnets,
    natGateways: zones,
  };
}

function environment(
  cloud: Cloud,
  name: string,
  stage: Stage,
  index: number,
  options: { multiRegion: boolean; compute: ComputeKind; drPattern: DrPattern },
): EnvironmentDesign {
  const production = stage === 'production';
  const zones = production ? 3 : 1;
  const multiRegion = production && options.multiRegion;
  const networks = [network(cloud, 'primary', 16 + index * 8, zones)];
  if (multiRegion)
    networks.push(network(cloud, 'secondary', 17 + index * 8, zones));
  const retention = production ? 365 : 90;
  const drPattern: DrPattern = multiRegion
    ? options.drPattern
    : 'backup-restore';
  return {
    name,
    stage,
    cloud,
    regions: {
      primary: REGIONS[cloud].primary,
      secondary: multiRegion ? [REGIONS[cloud].secondary] : [],
    },
    multiAz: production,
    multiRegion,
    zones: networks[0].zones,
    cidr: networks[0].cidr,
    networks,
    firewallRules: RULES,
    loadBalancer: {
      scheme: 'public',
      tlsMinVersion: '1.2',
      httpToHttpsRedirect: true,
      waf: production,
      healthCheckPath: '/healthz',
      targetPort: 8080,
    },
    compute: {
      kind: options.compute,
      sizeClass: 'medium',
      instanceType: INSTANCE_TYPES[cloud].compute,
      vcpu: 2,
      memoryGb: 8,
      autoscaling: { min: zones, max: zones * 4 },
      zoneSpread: zones,
      healthCheckPath: '/healthz',
      headroom: 1.5,
    },
    database: {
      engine: 'postgres',
      engineVersion: '16',
      sizeClass: 'medium',
      instanceType: INSTANCE_TYPES[cloud].database,
      storageGb: 100,
      multiAz: production,
      backupRetentionDays: production ? 35 : 7,
      pointInTimeRecovery: true,
      deletionProtection: production,
      private: true,
      port: 5432,
      // As the planner: a standby region beyond backups keeps a replica of the data.
      crossRegionReplicas:
        drPattern === 'backup-restore' ? [] : [REGIONS[cloud].secondary],
    },
    cache: production
      ? {
          engine: 'redis',
          instanceType: cloud === 'aws' ? 'cache.m7g.large' : 'standard',
          memoryGb: 4,
          multiAz: true,
          port: 6379,
        }
      : undefined,
    encryption: {
      atRest: 'managed-key',
      keyRotation: true,
      keyRotationDays: 365,
      inTransit: true,
      tlsMinVersion: '1.2',
    },
    auditLog: { enabled: true, retentionDays: retention },
    flowLogs: { enabled: true, retentionDays: production ? 365 : 30 },
    drPattern,
    rtoMinutes: 60,
    rpoMinutes: 15,
    controls: {},
  } as EnvironmentDesign;
}

export function fixtureDesign(
  cloud: Cloud,
  options: {
    multiRegion?: boolean;
    compute?: ComputeKind;
    drPattern?: DrPattern;
  } = {},
): Design {
  const opts = {
    multiRegion: options.multiRegion ?? false,
    compute: options.compute ?? 'kubernetes',
    drPattern: options.drPattern ?? 'warm-standby',
  };
  const environments = [
    environment(cloud, 'dev', 'development', 0, opts),
    environment(cloud, 'staging', 'staging', 1, opts),
    environment(cloud, 'prod', 'production', 2, opts),
  ];
  return {
    version: 1,
    service: {
      name: 'payments-api',
      owner: 'group:default/payments',
      description: 'Card "payments" ${var.x}',
      workloadType: 'http-api',
      trafficPattern: 'diurnal',
      peakRps: 1200,
      dataClassification: 'restricted',
      dataKinds: ['cardholder'],
      storageGb: 200,
      stateful: true,
      dataResidency: 'eu',
      frameworks: ['pci-dss', 'soc2'],
    },
    cloud,
    environments,
    iac: {
      tool: 'terraform',
      modules: [...CONTRACT_MODULES],
      environmentRoots: environments.map(e => ({
        environment: e.name,
        path: `terraform/envs/${e.name}`,
      })),
      stateBackend: {
        kind: STATE_BACKEND_KIND[cloud],
        bucket: cloud === 'azure' ? 'stpaymentsapitf' : 'payments-api-tfstate',
        keyPrefix: 'payments-api',
        region: REGIONS[cloud].primary,
        encrypted: true,
        locking: cloud === 'azure' ? 'blob-lease' : 'native',
      },
      ciProvider: 'github-actions',
      planOnPullRequest: true,
      prodApproval: true,
      gatedEnvironments: ['prod'],
      policyChecks: ['checkov'],
    },
  } as unknown as Design;
}
