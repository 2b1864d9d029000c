/*
 * The SLOs of a design: an availability SLO, and a latency SLO when a threshold is given,
 * for each environment that carries the objectives (production; or the highest stage
 * when there is no production environment).
 */
import type { Stage } from '../catalog';
import { burnRateAlerts } from '../slo/burnRate';
import {
  DEFAULT_LATENCY_BUCKETS_MS,
  DEFAULT_PROMETHEUS_MAJOR,
  type PrometheusMajor,
} from '../slo/buckets';
import { errorBudget } from '../slo/errorBudget';
import { sliQueries } from '../slo/queries';
import type { SloDesign, WorkloadType } from './types';

/** A p99 threshold without a target: 99% of requests under it. */
export const DEFAULT_LATENCY_TARGET = 99;

/** Catalog entity names are at most 63 characters. */
const MAX_NAME = 63;

/** `<service>[-<environment>]-<kind>`, shortening the service part if it is too long. */
export function sloName(
  service: string,
  environment: string | undefined,
  kind: string,
): string {
  const suffix = environment ? `-${environment}-${kind}` : `-${kind}`;
  const head = service.slice(0, MAX_NAME - suffix.length).replace(/-+$/, '');
  return `${head}${suffix}`;
}

const STAGE_RANK: Record<Stage, number> = {
  development: 0,
  staging: 1,
  production: 2,
};

/** The environments whose SLOs are measured: production ones, else the highest stage. */
export function measuredEnvironments<T extends { name: string; stage: Stage }>(
  envs: readonly T[],
): T[] {
  const top = Math.max(...envs.map(e => STAGE_RANK[e.stage]));
  return envs.filter(e => STAGE_RANK[e.stage] === top);
}

export function slosFor(options: {
  service: string;
  workloadType: WorkloadType;
  environments: readonly string[];
  availability: number;
  latencyP99Ms?: number;
  latencyBucketsMs?: readonly number[];
  latencyTarget: number;
  prometheusMajor?: PrometheusMajor;
  windowDays: number;
}): SloDesign[] {
  const several = options.environments.length > 1;
  const slos: SloDesign[] = [];
  for (const environment of options.environments) {
    const where = several ? ` in ${environment}` : '';
    slos.push({
      name: sloName(
        options.service,
        several ? environment : undefined,
        'availability',
      ),
      displayName: `${options.service} availability${where}`,
      kind: 'availability',
      description: `${options.availability}% of requests succeed over ${options.windowDays} days${where}`,
      objectivePercent: options.availability,
      windowDays: options.windowDays,
      errorBudget: errorBudget(options.availability, options.windowDays),
      prometheusMajor: options.prometheusMajor ?? DEFAULT_PROMETHEUS_MAJOR,
      workloadType: options.workloadType,
      queries: sliQueries({
        workloadType: options.workloadType,
        kind: 'availability',
        service: options.service,
        environment,
      }),
      alerts: burnRateAlerts(options.availability, options.windowDays),
      environment,
    });
    if (options.latencyP99Ms !== undefined) {
      slos.push({
        name: sloName(
          options.service,
          several ? environment : undefined,
          'latency',
        ),
        displayName: `${options.service} latency${where}`,
        kind: 'latency',
        description: `${options.latencyTarget}% of requests complete within ${options.latencyP99Ms} ms over ${options.windowDays} days${where}`,
        objectivePercent: options.latencyTarget,
        windowDays: options.windowDays,
        errorBudget: errorBudget(options.latencyTarget, options.windowDays),
        latencyThresholdMs: options.latencyP99Ms,
        latencyBucketsMs: [
          ...(options.latencyBucketsMs ?? DEFAULT_LATENCY_BUCKETS_MS),
        ],
        prometheusMajor: options.prometheusMajor ?? DEFAULT_PROMETHEUS_MAJOR,
        workloadType: options.workloadType,
        queries: sliQueries({
          workloadType: options.workloadType,
          kind: 'latency',
          service: options.service,
          environment,
          latencyThresholdMs: options.latencyP99Ms,
          prometheusMajor: options.prometheusMajor,
        }),
        alerts: burnRateAlerts(options.latencyTarget, options.windowDays),
        environment,
      });
    }
  }
  return slos;
}
