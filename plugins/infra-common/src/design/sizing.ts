/*
 * Sizing: the capacity headroom from the traffic pattern, the replicas from the peak load,
 * and the machine, database and cache sizes per cloud. Capacity per replica is a planning
 * figure for a 2-vCPU replica of each workload type, to be corrected by load tests.
 */
import type { Cloud, Stage } from '../catalog';
import { DATABASE_PORTS, REDIS_PORT } from './network';
import type { Reasoned } from './reasoned';
import type {
  CacheDesign,
  ComputeDesign,
  DatabaseDesign,
  ComputeKind,
  SizeClass,
  TrafficPattern,
  WorkloadType,
} from './types';

const HEADROOM: Record<TrafficPattern, [number, string]> = {
  steady: [
    1.3,
    'steady traffic: 30% above the peak covers a failed replica and growth',
  ],
  diurnal: [
    1.5,
    'diurnal traffic: 50% above the peak absorbs the daily ramp while scaling catches up',
  ],
  spiky: [
    2,
    'spiky traffic: twice the peak, since bursts arrive faster than new replicas start',
  ],
  batch: [1.2, 'batch traffic: 20% above the peak, since runs can queue'],
};

export function headroomFor(pattern: TrafficPattern): Reasoned<number> {
  const [value, reason] = HEADROOM[pattern];
  return { value, reason, origin: 'derived' };
}

/** Requests (or jobs, or messages) per second one 2-vCPU replica handles. */
export const CAPACITY_PER_REPLICA: Record<WorkloadType, number> = {
  'http-api': 200,
  'web-frontend': 300,
  worker: 50,
  batch: 20,
  'stream-processor': 500,
};

interface MachineSpec {
  instanceType: string;
  vcpu: number;
  memoryGb: number;
}

const CLASSES: SizeClass[] = ['small', 'medium', 'large', 'xlarge'];

/** Four values, small to xlarge, as a record by size class. */
export function perSizeClass<T>(row: readonly T[]): Record<SizeClass, T> {
  return Object.fromEntries(CLASSES.map((c, i) => [c, row[i]])) as Record<
    SizeClass,
    T
  >;
}

/** A table with a row per cloud, each row read the same way. */
export function byCloud<Row, T>(
  rows: Record<Cloud, Row>,
  read: (row: Row) => T,
): Record<Cloud, T> {
  return { aws: read(rows.aws), gcp: read(rows.gcp), azure: read(rows.azure) };
}

type SpecRow = [instanceType: string, vcpu: number, memoryGb: number][];

/** A table of machines: per cloud, small to xlarge as [instance type, vCPU, memory GB]. */
function specTable(
  rows: Record<Cloud, SpecRow>,
): Record<Cloud, Record<SizeClass, MachineSpec>> {
  return byCloud(rows, row =>
    perSizeClass(
      row.map(([instanceType, vcpu, memoryGb]) => ({
        instanceType,
        vcpu,
        memoryGb,
      })),
    ),
  );
}

// prettier-ignore
export const MACHINES = specTable({
  aws: [['t3.medium', 2, 4], ['m6i.large', 2, 8], ['m6i.xlarge', 4, 16], ['m6i.2xlarge', 8, 32]],
  gcp: [['e2-medium', 2, 4], ['n2-standard-2', 2, 8], ['n2-standard-4', 4, 16], ['n2-standard-8', 8, 32]],
  azure: [['Standard_B2s', 2, 4], ['Standard_D2s_v5', 2, 8], ['Standard_D4s_v5', 4, 16], ['Standard_D8s_v5', 8, 32]],
});

/** Database instance classes per cloud, small to xlarge. */
// prettier-ignore
export const DATABASE_INSTANCES: Record<Cloud, Record<SizeClass, string>> = byCloud({
  aws: ['db.t4g.medium', 'db.m6g.large', 'db.r6g.xlarge', 'db.r6g.2xlarge'],
  gcp: ['db-custom-1-3840', 'db-custom-2-7680', 'db-custom-4-15360', 'db-custom-8-30720'],
  azure: ['B_Standard_B2s', 'GP_Standard_D2ds_v5', 'GP_Standard_D4ds_v5', 'GP_Standard_D8ds_v5'],
}, perSizeClass);

// prettier-ignore
export const CACHE_INSTANCES = specTable({
  aws: [['cache.t4g.small', 2, 1.37], ['cache.m6g.large', 2, 6.38], ['cache.r6g.large', 2, 13.07], ['cache.r6g.xlarge', 4, 26.32]],
  gcp: [['redis-1gb', 0, 1], ['redis-5gb', 0, 5], ['redis-13gb', 0, 13], ['redis-26gb', 0, 26]],
  azure: [['Standard_C1', 0, 1], ['Standard_C3', 0, 6], ['Premium_P2', 0, 13], ['Premium_P3', 0, 26]],
});

/** Memory of a serverless function per size class, in MB. */
const SERVERLESS_MEMORY_MB: Record<SizeClass, number> = {
  small: 512,
  medium: 1024,
  large: 2048,
  xlarge: 4096,
};

/** Production size from the peak load; staging one class smaller, development the smallest. */
export function sizeClassFor(
  stage: Stage,
  peakRps: number,
): Reasoned<SizeClass> {
  let production: SizeClass = 'small';
  if (peakRps >= 20_000) production = 'xlarge';
  else if (peakRps >= 2_000) production = 'large';
  else if (peakRps >= 200) production = 'medium';
  if (stage === 'production') {
    return {
      value: production,
      reason: `a peak of ${peakRps} requests per second sizes production ${production}`,
      origin: 'derived',
    };
  }
  if (stage === 'staging') {
    const value = CLASSES[Math.max(0, CLASSES.indexOf(production) - 1)];
    return {
      value,
      reason: `staging is one size below production (${production}) to test the same shape for less`,
      origin: 'derived',
    };
  }
  return {
    value: 'small',
    reason: 'development runs the smallest size',
    origin: 'derived',
  };
}

/** Replica bounds: floors first (one replica per zone in production), then the load. */
export function autoscalingFor(options: {
  stage: Stage;
  workloadType: WorkloadType;
  peakRps: number;
  headroom: number;
  vcpu: number;
  zoneSpread: number;
  answered?: { min: number; max: number };
}): Reasoned<{ min: number; max: number }> {
  const { stage, zoneSpread } = options;
  if (stage === 'development') {
    return {
      value: { min: 1, max: 2 },
      reason: 'development: one replica, a second for rolling deploys',
      origin: 'derived',
    };
  }
  const perReplica =
    (CAPACITY_PER_REPLICA[options.workloadType] * options.vcpu) / 2;
  const needed = Math.max(
    1,
    Math.ceil((options.peakRps * options.headroom) / perReplica),
  );
  const floor = stage === 'production' ? Math.max(2, zoneSpread) : 1;
  if (stage === 'staging') {
    return {
      value: { min: 1, max: Math.max(2, Math.min(needed, 4)) },
      reason: 'staging scales to at most 4 replicas for load tests',
      origin: 'derived',
    };
  }
  if (options.answered) {
    const min = Math.max(options.answered.min, floor);
    const max = Math.max(options.answered.max, min);
    const raised = min !== options.answered.min;
    return {
      value: { min, max },
      reason: raised
        ? `answered ${options.answered.min}-${options.answered.max}; the minimum is raised to ${floor} so that every one of the ${zoneSpread} zones keeps a replica`
        : 'answered',
      origin: raised ? 'derived' : 'answered',
    };
  }
  const max = Math.max(needed, floor * 2);
  const min = Math.max(floor, Math.ceil(needed / 3));
  return {
    value: { min, max },
    reason: `${options.peakRps} rps x ${
      options.headroom
    } headroom / ${perReplica} rps per replica = ${needed} replicas at peak; at least ${floor} (${zoneSpread} zone${
      zoneSpread > 1 ? 's' : ''
    }, no single replica)`,
    origin: 'derived',
  };
}

/** Whether a workload scales between different replica counts (else it is fixed). */
export function autoscales(
  compute: Pick<ComputeDesign, 'autoscaling'>,
): boolean {
  return compute.autoscaling.max > compute.autoscaling.min;
}

export function computeFor(options: {
  cloud: Cloud;
  kind: ComputeKind;
  sizeClass: SizeClass;
  autoscaling: { min: number; max: number };
  zoneSpread: number;
  healthCheckPath: string;
  headroom: number;
}): ComputeDesign {
  const machine = MACHINES[options.cloud][options.sizeClass];
  const serverless = options.kind === 'serverless';
  return {
    kind: options.kind,
    sizeClass: options.sizeClass,
    instanceType: serverless
      ? `${SERVERLESS_MEMORY_MB[options.sizeClass]}MB`
      : machine.instanceType,
    vcpu: serverless ? 0 : machine.vcpu,
    memoryGb: serverless
      ? SERVERLESS_MEMORY_MB[options.sizeClass] / 1024
      : machine.memoryGb,
    autoscaling: options.autoscaling,
    zoneSpread: options.zoneSpread,
    healthCheckPath: options.healthCheckPath,
    headroom: options.headroom,
  };
}

export function cacheFor(
  cloud: Cloud,
  sizeClass: SizeClass,
  multiAz: boolean,
): CacheDesign {
  const spec = CACHE_INSTANCES[cloud][sizeClass];
  return {
    engine: 'redis',
    instanceType: spec.instanceType,
    memoryGb: spec.memoryGb,
    multiAz,
    port: REDIS_PORT,
  };
}

export const ENGINE_VERSIONS = { postgres: '16', mysql: '8.0' } as const;

/** The managed database: private, backed up, protected from deletion in production. */
export function databaseFor(options: {
  cloud: Cloud;
  engine: DatabaseDesign['engine'];
  stage: Stage;
  sizeClass: SizeClass;
  storageGb: number;
  multiAz: boolean;
  backupRetentionDays: number;
  crossRegionReplicas: string[];
}): DatabaseDesign {
  const { engine, stage, sizeClass } = options;
  return {
    engine,
    engineVersion: ENGINE_VERSIONS[engine],
    sizeClass,
    instanceType: DATABASE_INSTANCES[options.cloud][sizeClass],
    storageGb: databaseStorageGb(options.storageGb, stage),
    multiAz: options.multiAz,
    backupRetentionDays: options.backupRetentionDays,
    pointInTimeRecovery: stage !== 'development',
    deletionProtection: stage === 'production',
    private: true,
    port: DATABASE_PORTS[engine],
    crossRegionReplicas: options.crossRegionReplicas,
  };
}

/** Database storage: the declared size plus 30% for growth, at least 20 GB. */
export function databaseStorageGb(storageGb: number, stage: Stage): number {
  if (stage === 'development') return 20;
  return Math.max(20, Math.ceil(storageGb * 1.3));
}
