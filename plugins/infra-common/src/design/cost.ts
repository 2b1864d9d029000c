/*
 * The monthly cost estimate per environment and per resource family. An estimate: list
 * prices, on demand, 730 hours a month, no discounts, no data transfer beyond NAT.
 */
import type { Cloud, DrPattern, Stage } from '../catalog';
import type {
  CostEstimate,
  CostFamily,
  EnvironmentCost,
  EnvironmentDesign,
  SizeClass,
} from './types';
import { byCloud, perSizeClass } from './sizing';

/**
 * On-demand list prices in USD per month, rounded, for us-east-1 (AWS), us-central1 (GCP)
 * and East US (Azure), taken from the providers' public pricing pages (EC2, RDS,
 * ElastiCache, EKS, ELB, NAT Gateway, KMS, WAF, CloudWatch Logs; Compute Engine, Cloud SQL,
 * Memorystore, GKE, Cloud Load Balancing, Cloud NAT, Cloud KMS, Cloud Armor, Cloud Logging;
 * Virtual Machines, Azure Database for PostgreSQL flexible server, Azure Cache for Redis,
 * AKS Standard tier, Load Balancer, NAT Gateway, Key Vault, WAF, Log Analytics),
 * as recorded in June 2025. EU regions cost roughly 5-15% more.
 */
export const PRICE_SOURCE =
  'Public on-demand list prices (us-east-1 / us-central1 / East US), 730 h/month, recorded 2025-06; an estimate, not a quote';

interface PriceTable {
  /** Per machine of each size class. */
  machine: Record<SizeClass, number>;
  /** Per serverless size class, for the expected monthly invocations of a small service. */
  serverless: Record<SizeClass, number>;
  /** Per database instance (single zone). */
  database: Record<SizeClass, number>;
  cache: Record<SizeClass, number>;
  /** Database storage per GB-month. */
  storageGb: number;
  kubernetesControlPlane: number;
  loadBalancer: number;
  natGateway: number;
  /** Per customer-managed key. */
  kmsKey: number;
  waf: number;
  /** Log ingestion per GB. */
  logsGb: number;
}

// One row an item, columns aws, gcp, azure; a size-class item lists small to xlarge.
// prettier-ignore
const PRICE_SHEET: Record<keyof PriceTable, [number[], number[], number[]] | [number, number, number]> = {
  machine:                [[30, 70, 140, 280], [24, 71, 142, 284], [30, 70, 140, 280]],
  serverless:             [[10, 20, 40, 80], [10, 20, 40, 80], [10, 20, 40, 80]],
  database:               [[47, 113, 350, 701], [50, 99, 198, 396], [25, 126, 252, 504]],
  cache:                  [[23, 109, 150, 300], [36, 197, 512, 1025], [101, 405, 825, 1650]],
  storageGb:              [0.115, 0.17, 0.115],
  kubernetesControlPlane: [73, 73, 73],
  loadBalancer:           [22, 18, 18],
  natGateway:             [33, 32, 33],
  kmsKey:                 [1, 0.06, 1],
  waf:                    [11, 11, 20],
  logsGb:                 [0.5, 0.5, 2.3],
};

/** One cloud's column of the price sheet. */
function priceColumn(column: 0 | 1 | 2): PriceTable {
  return Object.fromEntries(
    Object.entries(PRICE_SHEET).map(([item, prices]) => {
      const price = prices[column];
      return [item, typeof price === 'number' ? price : perSizeClass(price)];
    }),
  ) as unknown as PriceTable;
}

export const PRICES: Record<Cloud, PriceTable> = byCloud(
  { aws: 0, gcp: 1, azure: 2 },
  priceColumn,
);

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Log volume: about 500 bytes a request at 40% of the peak on average, 1.3 GB per rps. */
/**
 * The share of the minimum compute that runs in each secondary region. Secondary regions
 * of pilot-light (and backup-restore) designs keep their compute off; warm standby runs
 * half, active-active runs all of it.
 */
const SECONDARY_COMPUTE_SHARE: Record<DrPattern, number> = {
  'backup-restore': 0,
  'pilot-light': 0,
  'warm-standby': 0.5,
  'active-active': 1,
};

/** The share of production log volume each stage produces. */
const LOG_SHARE_BY_STAGE: Record<Stage, number> = {
  development: 0.05,
  staging: 0.1,
  production: 1,
};

function logGbPerMonth(peakRps: number, stageShare: number): number {
  return Math.max(5, peakRps * 0.4 * 1.3 * stageShare);
}

export function estimateEnvironmentCost(
  env: EnvironmentDesign,
  cloud: Cloud,
  peakRps: number,
): EnvironmentCost {
  const p = PRICES[cloud];
  const regions = 1 + env.regions.secondary.length;
  const by: Partial<Record<CostFamily, number>> = {};
  const add = (family: CostFamily, usd: number) => {
    by[family] = round2((by[family] ?? 0) + usd);
  };

  const c = env.compute;
  const secondaryComputeShare = SECONDARY_COMPUTE_SHARE[env.drPattern];
  const computeUnits =
    c.autoscaling.min *
    (1 + env.regions.secondary.length * secondaryComputeShare);
  add(
    'compute',
    (c.kind === 'serverless'
      ? p.serverless[c.sizeClass]
      : p.machine[c.sizeClass]) * computeUnits,
  );
  if (c.kind === 'kubernetes')
    add('kubernetes', p.kubernetesControlPlane * regions);

  if (env.database) {
    const d = env.database;
    const instances = (d.multiAz ? 2 : 1) + d.crossRegionReplicas.length;
    add('database', p.database[d.sizeClass] * instances);
    add('storage', p.storageGb * d.storageGb * instances);
  }
  if (env.cache) {
    add(
      'cache',
      p.cache[env.cache.multiAz ? 'medium' : 'small'] *
        (env.cache.multiAz ? 2 : 1),
    );
  }

  const nats = env.networks.reduce((sum, n) => sum + n.natGateways, 0);
  add('network', p.loadBalancer * regions + p.natGateway * nats);
  add(
    'security',
    p.kmsKey * regions + (env.loadBalancer.waf ? p.waf * regions : 0),
  );
  add(
    'observability',
    p.logsGb * logGbPerMonth(peakRps, LOG_SHARE_BY_STAGE[env.stage]),
  );

  const monthlyUsd = round2(
    Object.values(by).reduce((a, b) => a + (b ?? 0), 0),
  );
  return { environment: env.name, monthlyUsd, byFamily: by };
}

export function estimateCost(
  environments: readonly EnvironmentDesign[],
  cloud: Cloud,
  peakRps: number,
  monthlyBudgetUsd?: number,
): CostEstimate {
  const perEnvironment = environments.map(e =>
    estimateEnvironmentCost(e, cloud, peakRps),
  );
  const totalMonthlyUsd = round2(
    perEnvironment.reduce((a, e) => a + e.monthlyUsd, 0),
  );
  const estimate: CostEstimate = {
    currency: 'USD',
    environments: perEnvironment,
    totalMonthlyUsd,
    priceSource: PRICE_SOURCE,
  };
  if (monthlyBudgetUsd !== undefined) {
    estimate.monthlyBudgetUsd = monthlyBudgetUsd;
    estimate.withinBudget = totalMonthlyUsd <= monthlyBudgetUsd;
  }
  return estimate;
}
