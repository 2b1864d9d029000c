/*
 * Step 1, workloads, SLOs and constraints: the compute platform, the capacity headroom,
 * the objectives, each environment's size, and what the objectives ask of reliability
 * (recovery objectives, multi-AZ, the disaster recovery pattern) for steps 2 and 4.
 */
import type { DrPattern, FrameworkId } from '../catalog';
import type { Answers } from '../answers/schema';
import { deriveRpo, deriveRto, drPatternFor } from '../design/disasterRecovery';
import type { Reasoned } from '../design/reasoned';
import { decideMultiAz } from '../design/redundancy';
import { headroomFor, sizeClassFor } from '../design/sizing';
import { DEFAULT_LATENCY_TARGET } from '../design/slos';
import type { ServiceInfo, SizeClass } from '../design/types';
import {
  dataWithoutFramework,
  gdprOutsideEu,
  statefulWithoutStore,
} from '../design/warnings';
import { windowDays } from '../slo/errorBudget';
import { Defaults, StepResult, stepLog } from './record';

/** What the objectives require; step 2 places the regions by it, step 4 records it. */
export interface RecoveryNeeds {
  rto: Reasoned<number>;
  rpo: Reasoned<number>;
  /** Per environment, in the order of the answers. */
  environments: Array<{
    multiAz: Reasoned<boolean>;
    drPattern: Reasoned<DrPattern>;
  }>;
}

export interface Workloads {
  headroom: number;
  windowDays: number;
  latencyTarget: number;
  /** Each environment's size class, in the order of the answers. */
  sizes: SizeClass[];
  recovery: RecoveryNeeds;
}

export function planWorkloads(
  answers: Answers,
  defaults: Defaults,
): StepResult<Workloads> {
  const log = stepLog(1, defaults);
  const { workload, slos, constraints, topology, reliability } = answers;
  const frameworks: FrameworkId[] = constraints.complianceFrameworks;
  log.answered(
    'workload.compute',
    'Compute platform',
    'topology.compute',
    topology.compute,
  );
  const headroom = log.decide(
    'workload.headroom',
    'Capacity headroom over the peak',
    headroomFor(workload.trafficPattern),
  );
  log.answered(
    'slos.availability',
    'Availability objective (%)',
    'slos.availability',
    slos.availability,
  );
  const days = windowDays(slos.window);
  log.answered('slos.window', 'SLO window (days)', 'slos.window', days);
  if (frameworks.length) {
    log.decide('constraints.frameworks', 'Compliance frameworks', {
      value: frameworks,
      reason: 'answered',
      origin: 'answered',
    });
  }
  const sizes = answers.environments.map(env =>
    log.decide(
      `${env.name}.size`,
      `${env.name}: size`,
      sizeClassFor(env.stage, workload.peakRps),
    ),
  );
  const latencyTarget = slos.latencyTarget ?? DEFAULT_LATENCY_TARGET;
  if (slos.latencyP99Ms !== undefined) {
    const givenTarget = slos.latencyTarget !== undefined;
    log.decide('slos.latency', 'Latency objective', {
      value: `${latencyTarget}% under ${slos.latencyP99Ms} ms`,
      reason: givenTarget
        ? 'answered'
        : 'a p99 threshold means 99% of requests under it',
      origin: givenTarget ? 'answered' : 'derived',
    });
  }
  log.warn([
    ...dataWithoutFramework(workload.dataKinds, frameworks),
    ...gdprOutsideEu(frameworks, constraints.dataResidency),
    ...statefulWithoutStore(
      workload.stateful,
      topology.database !== 'none' || topology.cache !== 'none',
    ),
  ]);

  const rto = deriveRto(slos.availability, reliability.rtoMinutes);
  const rpo = deriveRpo(
    slos.availability,
    workload.stateful,
    reliability.rpoMinutes,
  );
  const recovery: RecoveryNeeds = {
    rto,
    rpo,
    environments: answers.environments.map(env => ({
      multiAz: decideMultiAz(env.stage, slos.availability),
      drPattern: drPatternFor(
        env.stage,
        rto.value,
        rpo.value,
        slos.availability,
      ),
    })),
  };
  return log.result({
    headroom,
    windowDays: days,
    latencyTarget,
    sizes,
    recovery,
  });
}

/** The service as the design describes it: who owns it and what it runs and holds. */
export function serviceInfo(answers: Answers): ServiceInfo {
  const { service, workload, constraints } = answers;
  return {
    name: service.name,
    owner: service.owner,
    ...(service.system !== undefined && { system: service.system }),
    ...(service.description !== undefined && {
      description: service.description,
    }),
    workloadType: workload.type,
    trafficPattern: workload.trafficPattern,
    peakRps: workload.peakRps,
    dataClassification: workload.dataClassification,
    dataKinds: workload.dataKinds,
    storageGb: workload.storageGb,
    stateful: workload.stateful,
    dataResidency: constraints.dataResidency,
    frameworks: constraints.complianceFrameworks,
  };
}
