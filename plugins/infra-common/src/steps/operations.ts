/*
 * Step 6, operations: the SLOs measured on the environments that carry them, each with
 * its error budget and burn-rate alerts; monitoring, alert routing, on-call and runbooks.
 */
import type { Answers } from '../answers/schema';
import {
  alertRoutes,
  canPage,
  onCallFor,
  runbooksFor,
} from '../design/operations';
import { autoscales } from '../design/sizing';
import { measuredEnvironments, slosFor } from '../design/slos';
import type {
  EnvironmentDesign,
  OperationsDesign,
  SloDesign,
} from '../design/types';
import { pagesWithoutPager } from '../design/warnings';
import { Defaults, StepResult, stepLog } from './record';
import type { Workloads } from './workloads';

export function planOperations(
  answers: Answers,
  workloads: Workloads,
  environments: readonly EnvironmentDesign[],
  defaults: Defaults,
): StepResult<{ slos: SloDesign[]; operations: OperationsDesign }> {
  const log = stepLog(6, defaults);
  const { service, slos: objectives, operations: asked } = answers;
  const slos = slosFor({
    service: service.name,
    workloadType: answers.workload.type,
    environments: measuredEnvironments(environments).map(e => e.name),
    availability: objectives.availability,
    latencyP99Ms: objectives.latencyP99Ms,
    latencyBucketsMs: objectives.latencyBucketsMs,
    prometheusMajor: asked.prometheusMajor,
    latencyTarget: workloads.latencyTarget,
    windowDays: workloads.windowDays,
  });
  for (const slo of slos) {
    const left = (100 - slo.objectivePercent).toFixed(4).replace(/0+$/, '');
    log.decide(
      `slo.${slo.name}.errorBudget`,
      `${slo.displayName}: error budget (min per ${slo.windowDays} days)`,
      {
        value: slo.errorBudget.minutes,
        reason: `${slo.objectivePercent}% leaves ${left}% of ${slo.windowDays} days`,
        origin: 'derived',
      },
    );
    log.decide(
      `slo.${slo.name}.burnRates`,
      `${slo.displayName}: burn-rate alerts`,
      {
        value: slo.alerts.map(
          a =>
            `${a.severity} ${a.longWindow}/${a.shortWindow} x${Number(
              a.factor.toFixed(3),
            )}`,
        ),
        reason: `multi-window multi-burn-rate alerts (SRE Workbook): factor = budget share x ${
          slo.windowDays * 24
        } h / long window`,
        origin: 'derived',
      },
    );
  }
  log.answered(
    'operations.monitoring',
    'Monitoring',
    'operations.monitoring',
    asked.monitoring,
  );
  log.answered(
    'operations.alertRouting',
    'Alert routing',
    'operations.alertRouting',
    asked.alertRouting,
  );
  log.warn(
    pagesWithoutPager({
      availability: objectives.availability,
      canPage: canPage(asked.alertRouting),
      routing: asked.alertRouting,
    }),
  );
  const onCall = log.decide(
    'operations.onCall',
    'On call',
    onCallFor(asked.onCall, service.owner),
  );
  const production = environments.filter(e => e.stage === 'production');
  const runbooks = runbooksFor({
    slos,
    hasDatabase: answers.topology.database !== 'none',
    multiRegion: production.some(e => e.multiRegion),
    autoscaling: environments.some(e => autoscales(e.compute)),
  });
  log.decide('operations.runbooks', 'Runbooks', {
    value: runbooks.map(r => r.id),
    reason:
      'one per SLO alert and one per recovery operation the design allows',
    origin: 'derived',
  });
  return log.result({
    slos,
    operations: {
      monitoring: asked.monitoring,
      alertRouting: asked.alertRouting,
      routes: alertRoutes(asked.alertRouting),
      onCall,
      runbooks,
    },
  });
}
