/*
 * Step 5, security and compliance: audit log retention, the TLS floor, encryption at
 * rest and each environment's WAF; then the environments with the controls they declare,
 * and the compliance preview computed by the same evaluator the catalog uses.
 */
import type { Answers } from '../answers/schema';
import { ComplianceReport, evaluateCompliance } from '../compliance/evaluate';
import { FRAMEWORKS } from '../compliance/frameworks';
import { howMet } from '../design/controls';
import {
  auditLogRetentionFor,
  encryptionAtRestFor,
  isSensitive,
  tlsMinimum,
  wafFor,
} from '../design/security';
import type { ComplianceRequirement, EnvironmentDesign } from '../design/types';
import {
  publicIngressSensitiveData,
  wafDisabledPciDss,
} from '../design/warnings';
import { environmentDesigns } from './environments';
import { Defaults, StepResult, stepLog } from './record';
import type { Reliability } from './reliability';
import type { EnvironmentTopology } from './topology';
import type { Workloads } from './workloads';

export interface Security {
  environments: EnvironmentDesign[];
  compliance: ComplianceReport;
  requirements: ComplianceRequirement[];
}

export function planSecurity(
  answers: Answers,
  earlier: {
    workloads: Workloads;
    topology: readonly EnvironmentTopology[];
    reliability: Reliability;
  },
  defaults: Defaults,
): StepResult<Security> {
  const log = stepLog(5, defaults);
  const { security, workload, topology } = answers;
  const frameworks = answers.constraints.complianceFrameworks;
  const auditLogRetentionDays = log.decide(
    'security.auditLogRetention',
    'Audit log retention (days)',
    auditLogRetentionFor(frameworks, security.auditLogRetentionDays),
  );
  const tlsMinVersion = log.decide(
    'security.tlsMinVersion',
    'Minimum TLS version',
    tlsMinimum(
      security.tlsMinVersion,
      log.originOf('security.tlsMinVersion') === 'default',
    ),
  );
  const encryptionAtRest = log.decide(
    'security.encryptionAtRest',
    'Encryption at rest',
    encryptionAtRestFor(frameworks),
  );
  log.warn(
    publicIngressSensitiveData(
      topology.publicIngress,
      isSensitive(workload.dataClassification, workload.dataKinds),
      workload.dataClassification,
    ),
  );
  const waf = answers.environments.map(env => {
    const value = log.decide(
      `${env.name}.waf`,
      `${env.name}: web application firewall`,
      wafFor({
        stage: env.stage,
        publicIngress: topology.publicIngress,
        frameworks,
        answered: security.waf,
      }),
    );
    log.warn(
      wafDisabledPciDss({
        environment: env.name,
        waf: value,
        publicProduction: topology.publicIngress && env.stage === 'production',
        frameworks,
      }),
    );
    return value;
  });
  const environments = environmentDesigns(
    answers,
    earlier.workloads,
    earlier.topology,
    earlier.reliability,
    { auditLogRetentionDays, tlsMinVersion, encryptionAtRest, waf },
  );
  const compliance = evaluateCompliance(
    frameworks,
    environments.map(e => ({
      name: e.name,
      stage: e.stage,
      controls: e.controls,
    })),
  );
  const requirements: ComplianceRequirement[] = frameworks.flatMap(f =>
    FRAMEWORKS[f].requirements.map(req => ({
      framework: f,
      requirementIds: req.requirementIds,
      controlId: req.control.id,
      title: req.control.title,
      howMet: howMet(req.control.field, environments),
    })),
  );
  return log.result({ environments, compliance, requirements });
}
