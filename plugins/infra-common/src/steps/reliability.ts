/*
 * Step 4, reliability: the recovery objectives, the health check, and for each
 * environment its redundancy, its disaster recovery pattern (backup-restore when step 2
 * found no second region), its replica bounds and its backup retention.
 */
import type { DrPattern } from '../catalog';
import type { Answers } from '../answers/schema';
import { DEFAULT_HEALTH_CHECK } from '../design/redundancy';
import { backupRetentionFor } from '../design/security';
import { MACHINES, autoscalingFor } from '../design/sizing';
import {
  autoscalingRaised,
  drPatternNeedsSecondRegion,
  rtoBeyondErrorBudget,
} from '../design/warnings';
import { windowDays } from '../slo/errorBudget';
import { Defaults, StepResult, stepLog } from './record';
import type { EnvironmentTopology } from './topology';
import type { Workloads } from './workloads';

export interface EnvironmentReliability {
  multiAz: boolean;
  drPattern: DrPattern;
  autoscaling: { min: number; max: number };
  backupRetentionDays: number;
}

export interface Reliability {
  rtoMinutes: number;
  rpoMinutes: number;
  healthCheckPath: string;
  environments: EnvironmentReliability[];
}

export function planReliability(
  answers: Answers,
  workloads: Workloads,
  topology: readonly EnvironmentTopology[],
  defaults: Defaults,
): StepResult<Reliability> {
  const log = stepLog(4, defaults);
  const { reliability, workload, topology: asked } = answers;
  const frameworks = answers.constraints.complianceFrameworks;
  const { recovery } = workloads;
  const rto = log.decide(
    'reliability.rto',
    'Recovery time objective (min)',
    recovery.rto,
  );
  const rpo = log.decide(
    'reliability.rpo',
    'Recovery point objective (min)',
    recovery.rpo,
  );
  log.warn(
    rtoBeyondErrorBudget({
      rtoMinutes: rto,
      availability: answers.slos.availability,
      windowDays: windowDays(answers.slos.window),
    }),
  );
  const healthCheckPath = reliability.healthCheckPath
    ? log.answered(
        'reliability.healthCheckPath',
        'Health check path',
        'reliability.healthCheckPath',
        reliability.healthCheckPath,
      )
    : log.decide(
        'reliability.healthCheckPath',
        'Health check path',
        DEFAULT_HEALTH_CHECK,
      );
  const environments = answers.environments.map((env, index) => {
    const needs = recovery.environments[index];
    const placed = topology[index];
    const id = (what: string) => `${env.name}.${what}`;
    const multiAz = log.decide(
      id('multiAz'),
      `${env.name}: multi-AZ`,
      needs.multiAz,
    );
    let drPattern = log.decide(
      id('drPattern'),
      `${env.name}: disaster recovery pattern`,
      needs.drPattern,
    );
    if (placed.shortfall && drPattern !== 'backup-restore') {
      log.warn(
        drPatternNeedsSecondRegion({
          environment: env.name,
          wanted: drPattern,
          cause: placed.shortfall,
          rtoMinutes: rto,
        }),
      );
      drPattern = log.decide(
        id('drPattern'),
        `${env.name}: disaster recovery pattern (fallback)`,
        {
          value: 'backup-restore',
          reason: `${placed.shortfall}: restores from backups copied to another location`,
          origin: 'derived',
        },
      );
    }
    const decision = autoscalingFor({
      stage: env.stage,
      workloadType: workload.type,
      peakRps: workload.peakRps,
      headroom: workloads.headroom,
      vcpu: MACHINES[asked.cloud][workloads.sizes[index]].vcpu,
      zoneSpread: placed.zoneSpread,
      answered: reliability.autoscaling,
    });
    log.warn(
      autoscalingRaised(
        env.name,
        env.stage === 'production' &&
          reliability.autoscaling !== undefined &&
          decision.origin === 'derived',
        decision.reason,
      ),
    );
    const autoscaling = decision.value;
    log.decide(id('autoscaling'), `${env.name}: replicas (min-max)`, {
      ...decision,
      value: `${autoscaling.min}-${autoscaling.max}`,
    });
    const backupRetentionDays = log.decide(
      id('backupRetention'),
      `${env.name}: backup retention (days)`,
      backupRetentionFor(
        env.stage,
        frameworks,
        reliability.backupRetentionDays,
      ),
    );
    return { multiAz, drPattern, autoscaling, backupRetentionDays };
  });
  return log.result({
    rtoMinutes: rto,
    rpoMinutes: rpo,
    healthCheckPath,
    environments,
  });
}
