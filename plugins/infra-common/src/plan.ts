/*
 * The planner: answers in, a complete and explained design out. Each rule lives in its
 * own file under design/; this file runs them in the order of the seven workflow steps
 * and records every decision with its reason.
 */
import type { DeclaredControls, FrameworkId } from './catalog';
import {
  AnswerDefault,
  AnswerIssue,
  Answers,
  parseAnswers,
} from './answers/schema';
import { evaluateCompliance, ComplianceReport } from './compliance/evaluate';
import { FRAMEWORKS } from './compliance/frameworks';
import { estimateCost } from './design/cost';
import { drPatternFor, deriveRpo, deriveRto } from './design/disasterRecovery';
import { iacFor } from './design/iac';
import {
  DATABASE_PORTS,
  REDIS_PORT,
  environmentCidr,
  firewallRules,
  planSubnets,
  secondaryRegionCidr,
} from './design/network';
import {
  alertRoutes,
  canPage,
  onCallFor,
  runbooksFor,
} from './design/operations';
import type { Reasoned } from './design/reasoned';
import { decideMultiAz, decideRegions, zoneCounts } from './design/redundancy';
import {
  auditLogRetentionFor,
  backupRetentionFor,
  encryptionAtRestFor,
  isSensitive,
  tlsMinimum,
  wafFor,
} from './design/security';
import {
  autoscalingFor,
  cacheFor,
  computeFor,
  databaseStorageGb,
  DATABASE_INSTANCES,
  headroomFor,
  MACHINES,
  sizeClassFor,
} from './design/sizing';
import { measuredEnvironments, slosFor } from './design/slos';
import { zonesOf } from './answers/regions';
import { windowDays } from './slo/errorBudget';
import {
  CostEstimate,
  Decision,
  Design,
  DESIGN_VERSION,
  DesignWarning,
  EnvironmentDesign,
  RegionNetwork,
  WorkflowStep,
  ComplianceRequirement,
} from './design/types';

/** @public */
export interface PlanResult {
  design: Design;
  warnings: DesignWarning[];
  compliance: ComplianceReport;
  cost: CostEstimate;
}

/** @public */
export type PlanFromInputResult =
  | ({ ok: true; defaults: AnswerDefault[] } & PlanResult)
  | { ok: false; issues: AnswerIssue[] };

/** @public */
export interface PlanOptions {
  /** The defaults `parseAnswers` filled in, so decisions based on them say so. */
  defaults?: readonly AnswerDefault[];
}

const ENGINE_VERSIONS = { postgres: '16', mysql: '8.0' } as const;
const DEFAULT_HEALTH_CHECK_PATH = '/healthz';
const DEFAULT_LATENCY_TARGET = 99;
const KEY_ROTATION_DAYS = 365;

/**
 * Turns answers into a design. The answers must come from {@link parseAnswers}.
 *
 * @public
 */
export function planDesign(
  answers: Answers,
  options: PlanOptions = {},
): PlanResult {
  const defaulted = new Set((options.defaults ?? []).map(d => d.path));
  const answeredOrDefault = (path: string): Decision['origin'] =>
    defaulted.has(path) ? 'default' : 'answered';
  const decisions: Decision[] = [];
  const warnings: DesignWarning[] = [];
  const decide = <T extends Decision['value']>(
    id: string,
    step: WorkflowStep,
    title: string,
    r: Reasoned<T>,
  ): T => {
    decisions.push({
      id,
      step,
      title,
      value: r.value,
      reason: r.reason,
      origin: r.origin,
    });
    return r.value;
  };
  const answered = <T extends Decision['value']>(
    id: string,
    step: WorkflowStep,
    title: string,
    path: string,
    value: T,
    reason = 'answered',
  ): T => {
    const origin = answeredOrDefault(path);
    const why =
      origin === 'default'
        ? options.defaults?.find(d => d.path === path)?.reason ?? reason
        : reason;
    decisions.push({ id, step, title, value, reason: why, origin });
    return value;
  };
  const warn = (code: string, message: string, path?: string) =>
    warnings.push(path ? { code, message, path } : { code, message });

  const {
    service,
    workload,
    slos,
    constraints,
    topology,
    reliability,
    security,
  } = answers;
  const frameworks: FrameworkId[] = constraints.complianceFrameworks;
  const cloud = topology.cloud;
  const residency = constraints.dataResidency;
  const availability = slos.availability;
  const sensitive = isSensitive(
    workload.dataClassification,
    workload.dataKinds,
  );

  // Step 1: workloads, SLOs, constraints.
  answered(
    'workload.compute',
    1,
    'Compute platform',
    'topology.compute',
    topology.compute,
  );
  const headroom = decide(
    'workload.headroom',
    1,
    'Capacity headroom over the peak',
    headroomFor(workload.trafficPattern),
  );
  answered(
    'slos.availability',
    1,
    'Availability objective (%)',
    'slos.availability',
    availability,
  );
  const days = windowDays(slos.window);
  answered('slos.window', 1, 'SLO window (days)', 'slos.window', days);
  if (frameworks.length) {
    decisions.push({
      id: 'constraints.frameworks',
      step: 1,
      title: 'Compliance frameworks',
      value: frameworks,
      reason: 'answered',
      origin: 'answered',
    });
  }
  if (workload.dataKinds.includes('phi') && !frameworks.includes('hipaa')) {
    warn(
      'phi-without-hipaa',
      'health data (phi) is declared but HIPAA is not among the frameworks',
      'constraints.complianceFrameworks',
    );
  }
  if (
    workload.dataKinds.includes('cardholder') &&
    !frameworks.includes('pci-dss')
  ) {
    warn(
      'cardholder-without-pci-dss',
      'cardholder data is declared but PCI DSS is not among the frameworks',
      'constraints.complianceFrameworks',
    );
  }
  if (frameworks.includes('gdpr') && residency !== 'eu') {
    warn(
      'gdpr-outside-eu',
      `GDPR applies but residency is '${residency}': regions outside the EU need transfer safeguards (Chapter V)`,
      'constraints.dataResidency',
    );
  }
  if (
    workload.stateful &&
    topology.database === 'none' &&
    topology.cache === 'none'
  ) {
    warn(
      'stateful-without-store',
      'the workload is stateful but no database or cache is asked for; its state has no backups',
      'topology.database',
    );
  }

  // Step 4 inputs that shape step 2: recovery objectives.
  const rto = decide(
    'reliability.rto',
    4,
    'Recovery time objective (min)',
    deriveRto(availability, reliability.rtoMinutes),
  );
  const rpo = decide(
    'reliability.rpo',
    4,
    'Recovery point objective (min)',
    deriveRpo(availability, workload.stateful, reliability.rpoMinutes),
  );
  const auditDays = decide(
    'security.auditLogRetention',
    5,
    'Audit log retention (days)',
    auditLogRetentionFor(frameworks, security.auditLogRetentionDays),
  );
  const tls = decide(
    'security.tlsMinVersion',
    5,
    'Minimum TLS version',
    tlsMinimum(security.tlsMinVersion, defaulted.has('security.tlsMinVersion')),
  );
  const atRest = decide(
    'security.encryptionAtRest',
    5,
    'Encryption at rest',
    encryptionAtRestFor(frameworks),
  );
  const healthCheckPath = reliability.healthCheckPath
    ? answered(
        'reliability.healthCheckPath',
        4,
        'Health check path',
        'reliability.healthCheckPath',
        reliability.healthCheckPath,
      )
    : decide('reliability.healthCheckPath', 4, 'Health check path', {
        value: DEFAULT_HEALTH_CHECK_PATH,
        reason: 'no path given: the Kubernetes convention',
        origin: 'default',
      });

  if (topology.publicIngress && sensitive) {
    warn(
      'public-ingress-sensitive-data',
      `the service is internet-facing and holds ${workload.dataClassification} data: only the load balancer is public, the data tier stays private; review the exposure`,
      'topology.publicIngress',
    );
  }
  if (!environmentsHaveProduction(answers)) {
    warn(
      'no-production-environment',
      'no production environment: the SLOs are measured on the highest stage',
      'environments',
    );
  }

  // Step 2 and 4: environments, topology, reliability.
  const environments: EnvironmentDesign[] = answers.environments.map(
    (env, index) => {
      const id = (what: string) => `${env.name}.${what}`;
      const multiAz = decide(
        id('multiAz'),
        4,
        `${env.name}: multi-AZ`,
        decideMultiAz(env.stage, availability),
      );
      const zones = zoneCounts(multiAz);
      let drPattern = decide(
        id('drPattern'),
        4,
        `${env.name}: disaster recovery pattern`,
        drPatternFor(env.stage, rto, rpo, availability),
      );
      const regionPlan = decideRegions({
        stage: env.stage,
        availability,
        drPattern,
        answered: topology.secondaryRegions,
        multiRegionAnswer: topology.multiRegion,
        cloud,
        residency,
        primary: topology.primaryRegion,
      });
      if (regionPlan.shortfall) {
        const cause =
          regionPlan.shortfall === 'user-declined'
            ? 'a single region was chosen'
            : `${residency} residency offers no second ${cloud} region`;
        if (availability >= 99.99) {
          warn(
            'single-region-high-availability',
            `${env.name}: ${availability}% needs a second region but ${cause}; a region outage would breach the SLO`,
            'topology.secondaryRegions',
          );
        }
        if (drPattern !== 'backup-restore') {
          warn(
            'dr-pattern-needs-second-region',
            `${env.name}: the RTO/RPO need ${drPattern} but ${cause}; falling back to backup-restore, which cannot meet an RTO of ${rto} min`,
            'reliability.rtoMinutes',
          );
          drPattern = 'backup-restore';
          decide(
            id('drPattern'),
            4,
            `${env.name}: disaster recovery pattern (fallback)`,
            {
              value: drPattern,
              reason: `${cause}: restores from backups copied to another location`,
              origin: 'derived',
            },
          );
        }
      }
      const multiRegion = decide(
        id('multiRegion'),
        2,
        `${env.name}: multi-region`,
        regionPlan.multiRegion,
      );
      const secondary = regionPlan.secondary;
      decisions.push({
        id: id('regions'),
        step: 2,
        title: `${env.name}: regions`,
        value: [topology.primaryRegion, ...secondary],
        reason: `inside ${residency} residency; the primary region ${topology.primaryRegion} first`,
        origin:
          secondary.length && regionPlan.multiRegion.origin === 'derived'
            ? 'derived'
            : answeredOrDefault('topology.primaryRegion'),
      });

      const cidr = decide(
        id('cidr'),
        2,
        `${env.name}: network block`,
        environmentCidr(topology.vpcCidr, index),
      );
      const primaryZones = zonesOf(
        cloud,
        topology.primaryRegion,
        zones.network,
      );
      const networks: RegionNetwork[] = [
        topology.primaryRegion,
        ...secondary,
      ].map((region, r) => {
        const block = r === 0 ? cidr : secondaryRegionCidr(cidr, r - 1);
        const regionZones =
          r === 0 ? primaryZones : zonesOf(cloud, region, zones.network);
        return {
          region,
          role: r === 0 ? 'primary' : 'secondary',
          cidr: block,
          zones: regionZones,
          subnets: planSubnets(cloud, block, regionZones),
          natGateways: env.stage === 'production' ? regionZones.length : 1,
        };
      });
      decisions.push({
        id: id('subnets'),
        step: 2,
        title: `${env.name}: subnets`,
        value: networks[0].subnets.map(s => `${s.name} ${s.cidr}`),
        reason:
          'public, private and data tiers across the zones, carved from the block without overlaps; data is never on a public subnet',
        origin: 'derived',
      });

      const database =
        topology.database === 'none' ? undefined : topology.database;
      const rules = firewallRules({
        publicIngress: topology.publicIngress,
        vpcCidr: cidr,
        databasePort: database ? DATABASE_PORTS[database] : undefined,
        cachePort: topology.cache === 'redis' ? REDIS_PORT : undefined,
      });
      const waf = decide(
        id('waf'),
        5,
        `${env.name}: web application firewall`,
        wafFor({
          stage: env.stage,
          publicIngress: topology.publicIngress,
          frameworks,
          answered: security.waf,
        }),
      );
      if (
        !waf &&
        topology.publicIngress &&
        env.stage === 'production' &&
        frameworks.includes('pci-dss')
      ) {
        warn(
          'waf-disabled-pci-dss',
          `${env.name}: PCI DSS 6.4.2 expects a WAF in front of public web applications`,
          'security.waf',
        );
      }

      const sizeClass = decide(
        id('size'),
        1,
        `${env.name}: size`,
        sizeClassFor(env.stage, workload.peakRps),
      );
      const machine = MACHINES[cloud][sizeClass];
      const autoscalingDecision = autoscalingFor({
        stage: env.stage,
        workloadType: workload.type,
        peakRps: workload.peakRps,
        headroom,
        vcpu: machine.vcpu,
        zoneSpread: zones.workload,
        answered: reliability.autoscaling,
      });
      if (
        env.stage === 'production' &&
        reliability.autoscaling &&
        autoscalingDecision.origin === 'derived'
      ) {
        warn(
          'autoscaling-raised',
          `${env.name}: ${autoscalingDecision.reason}`,
          'reliability.autoscaling.min',
        );
      }
      const autoscaling = autoscalingDecision.value;
      decisions.push({
        id: id('autoscaling'),
        step: 4,
        title: `${env.name}: replicas (min-max)`,
        value: `${autoscaling.min}-${autoscaling.max}`,
        reason: autoscalingDecision.reason,
        origin: autoscalingDecision.origin,
      });

      const backupDays = decide(
        id('backupRetention'),
        4,
        `${env.name}: backup retention (days)`,
        backupRetentionFor(
          env.stage,
          frameworks,
          reliability.backupRetentionDays,
        ),
      );
      const isProduction = env.stage === 'production';
      const design: EnvironmentDesign = {
        name: env.name,
        stage: env.stage,
        cloud,
        regions: { primary: topology.primaryRegion, secondary },
        multiAz,
        multiRegion,
        zones: primaryZones.slice(0, zones.workload),
        cidr,
        networks,
        firewallRules: rules,
        loadBalancer: {
          scheme: topology.publicIngress ? 'public' : 'internal',
          tlsMinVersion: tls,
          httpToHttpsRedirect: true,
          waf,
          healthCheckPath,
          targetPort: 8080,
        },
        compute: computeFor({
          cloud,
          kind: topology.compute,
          sizeClass,
          autoscaling,
          zoneSpread: zones.workload,
          healthCheckPath,
          headroom,
        }),
        encryption: {
          atRest,
          keyRotation: true,
          keyRotationDays: KEY_ROTATION_DAYS,
          inTransit: true,
          tlsMinVersion: tls,
        },
        auditLog: { enabled: true, retentionDays: auditDays },
        flowLogs: {
          enabled: true,
          retentionDays: isProduction ? Math.min(auditDays, 365) : 30,
        },
        drPattern,
        rtoMinutes: isProduction ? rto : 1440,
        rpoMinutes: isProduction ? rpo : 1440,
        controls: {},
      };
      if (database) {
        const keepsReplicas =
          isProduction && multiRegion && drPattern !== 'backup-restore';
        design.database = {
          engine: database,
          engineVersion: ENGINE_VERSIONS[database],
          sizeClass,
          instanceType: DATABASE_INSTANCES[cloud][sizeClass],
          storageGb: databaseStorageGb(workload.storageGb, env.stage),
          multiAz,
          backupRetentionDays: backupDays,
          pointInTimeRecovery: env.stage !== 'development',
          deletionProtection: isProduction,
          private: true,
          port: DATABASE_PORTS[database],
          crossRegionReplicas: keepsReplicas ? secondary : [],
        };
      }
      if (topology.cache === 'redis')
        design.cache = cacheFor(cloud, sizeClass, multiAz);
      design.controls = declaredControlsOf(design, residency);
      return design;
    },
  );

  // SLOs (step 1 objectives, measured and alerted in step 6).
  const latencyTarget = slos.latencyTarget ?? DEFAULT_LATENCY_TARGET;
  if (slos.latencyP99Ms !== undefined) {
    decisions.push({
      id: 'slos.latency',
      step: 1,
      title: 'Latency objective',
      value: `${latencyTarget}% under ${slos.latencyP99Ms} ms`,
      reason:
        slos.latencyTarget === undefined
          ? 'a p99 threshold means 99% of requests under it'
          : 'answered',
      origin: slos.latencyTarget === undefined ? 'derived' : 'answered',
    });
  }
  const measured = measuredEnvironments(environments).map(e => e.name);
  const sloDesigns = slosFor({
    service: service.name,
    workloadType: workload.type,
    environments: measured,
    availability,
    latencyP99Ms: slos.latencyP99Ms,
    latencyTarget,
    windowDays: days,
  });
  for (const slo of sloDesigns) {
    decisions.push({
      id: `slo.${slo.name}.errorBudget`,
      step: 6,
      title: `${slo.displayName}: error budget (min per ${slo.windowDays} days)`,
      value: slo.errorBudget.minutes,
      reason: `${slo.objectivePercent}% leaves ${(100 - slo.objectivePercent)
        .toFixed(4)
        .replace(/0+$/, '')}% of ${slo.windowDays} days`,
      origin: 'derived',
    });
    decisions.push({
      id: `slo.${slo.name}.burnRates`,
      step: 6,
      title: `${slo.displayName}: burn-rate alerts`,
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
    });
  }

  // Step 3: infrastructure as code.
  answered('iac.tool', 3, 'IaC tool', 'iac.tool', answers.iac.tool);
  answered(
    'iac.ciProvider',
    3,
    'CI provider',
    'iac.ciProvider',
    answers.iac.ciProvider,
  );
  answered(
    'iac.prodApproval',
    3,
    'Production applies approved by a person',
    'iac.prodApproval',
    answers.iac.prodApproval,
  );
  if (answers.iac.tool === 'pulumi') {
    warn(
      'iac-tool-preview',
      'Pulumi is not generated yet: the repository is written in HCL for Terraform or OpenTofu',
      'iac.tool',
    );
  }
  if (
    constraints.teamSkills &&
    !constraints.teamSkills.includes(answers.iac.tool)
  ) {
    warn(
      'iac-tool-unfamiliar',
      `the team lists no ${answers.iac.tool} skills`,
      'iac.tool',
    );
  }
  if (
    constraints.teamSkills &&
    topology.compute === 'kubernetes' &&
    !constraints.teamSkills.includes('kubernetes')
  ) {
    warn(
      'compute-unfamiliar',
      'Kubernetes is chosen but the team lists no Kubernetes skills',
      'topology.compute',
    );
  }
  const iac = iacFor({
    tool: answers.iac.tool,
    ciProvider: answers.iac.ciProvider,
    prodApproval: answers.iac.prodApproval,
    cloud,
    service: service.name,
    primaryRegion: topology.primaryRegion,
    environments,
  });
  decisions.push({
    id: 'iac.stateBackend',
    step: 3,
    title: 'State backend',
    value: `${iac.stateBackend.kind}: ${iac.stateBackend.bucket}`,
    reason: `remote state in the ${cloud} primary region, encrypted and locked, one key per environment`,
    origin: 'derived',
  });
  if (!answers.iac.prodApproval) {
    warn(
      'ungated-production-apply',
      'production applies run without a person approving them',
      'iac.prodApproval',
    );
  }

  // Step 6: operations.
  answered(
    'operations.monitoring',
    6,
    'Monitoring',
    'operations.monitoring',
    answers.operations.monitoring,
  );
  answered(
    'operations.alertRouting',
    6,
    'Alert routing',
    'operations.alertRouting',
    answers.operations.alertRouting,
  );
  if (!canPage(answers.operations.alertRouting) && availability >= 99.9) {
    warn(
      'pages-without-pager',
      `${availability}% needs someone woken up on a fast burn, but pages go to ${answers.operations.alertRouting}`,
      'operations.alertRouting',
    );
  }
  const onCall = decide(
    'operations.onCall',
    6,
    'On call',
    onCallFor(answers.operations.onCall, service.owner),
  );
  const production = environments.filter(e => e.stage === 'production');
  const runbooks = runbooksFor({
    slos: sloDesigns,
    hasDatabase: topology.database !== 'none',
    multiRegion: production.some(e => e.multiRegion),
    autoscaling: true,
  });
  decisions.push({
    id: 'operations.runbooks',
    step: 6,
    title: 'Runbooks',
    value: runbooks.map(r => r.id),
    reason:
      'one per SLO alert and one per recovery operation the design allows',
    origin: 'derived',
  });

  // Step 7: continuous improvement and cost.
  answered(
    'improvement.costReviewCadence',
    7,
    'Cost review',
    'improvement.costReviewCadence',
    answers.improvement.costReviewCadence,
  );
  answered(
    'improvement.sloReviewCadence',
    7,
    'SLO review',
    'improvement.sloReviewCadence',
    answers.improvement.sloReviewCadence,
  );
  answered(
    'improvement.budgetAlertPercents',
    7,
    'Budget alerts (% of budget)',
    'improvement.budgetAlertPercents',
    answers.improvement.budgetAlertPercents.map(String),
  );
  const cost = estimateCost(
    environments,
    cloud,
    workload.peakRps,
    constraints.monthlyBudgetUsd,
  );
  decisions.push({
    id: 'cost.monthly',
    step: 7,
    title: 'Estimated monthly cost (USD)',
    value: cost.totalMonthlyUsd,
    reason: cost.environments
      .map(e => `${e.environment} ${e.monthlyUsd}`)
      .join(', '),
    origin: 'derived',
  });
  if (cost.withinBudget === false) {
    warn(
      'budget-exceeded',
      `the estimate of ${cost.totalMonthlyUsd} USD a month is above the budget of ${constraints.monthlyBudgetUsd} USD (driven by ${availability}% availability and the sizing)`,
      'constraints.monthlyBudgetUsd',
    );
  }

  // Step 5: the compliance preview, computed by the same evaluator the catalog uses.
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

  const design: Design = {
    version: DESIGN_VERSION,
    service: {
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
      dataResidency: residency,
      frameworks,
    },
    cloud,
    environments,
    iac,
    slos: sloDesigns,
    operations: {
      monitoring: answers.operations.monitoring,
      alertRouting: answers.operations.alertRouting,
      routes: alertRoutes(answers.operations.alertRouting),
      onCall,
      runbooks,
    },
    improvement: {
      costReviewCadence: answers.improvement.costReviewCadence,
      sloReviewCadence: answers.improvement.sloReviewCadence,
      budgetAlertPercents: answers.improvement.budgetAlertPercents,
      ...(constraints.monthlyBudgetUsd !== undefined && {
        monthlyBudgetUsd: constraints.monthlyBudgetUsd,
      }),
      feedbackChannel: `docs/feedback.md and the owner ${service.owner}`,
    },
    compliance: { frameworks, requirements },
    cost,
    decisions,
    warnings,
  };
  return { design, warnings, compliance, cost };
}

function environmentsHaveProduction(answers: Answers): boolean {
  return answers.environments.some(e => e.stage === 'production');
}

/** What an environment will declare in the catalog: exactly what the design builds. */
export function declaredControlsOf(
  env: EnvironmentDesign,
  residency: DeclaredControls['dataResidency'],
): DeclaredControls {
  const db = env.database;
  return {
    encryptionAtRest: env.encryption.atRest,
    encryptionInTransit: true,
    tlsMinVersion: env.encryption.tlsMinVersion,
    auditLogging: true,
    auditLogRetentionDays: env.auditLog.retentionDays,
    // Stateless services have nothing to back up but their code, which lives in git.
    backups: true,
    backupRetentionDays:
      db?.backupRetentionDays ?? (env.stage === 'production' ? 35 : 7),
    pointInTimeRecovery: db
      ? db.pointInTimeRecovery
      : env.stage !== 'development',
    multiAz: env.multiAz,
    flowLogs: env.flowLogs.enabled,
    privateDataTier: true,
    networkSegmentation: true,
    deletionProtection: db ? db.deletionProtection : env.stage === 'production',
    waf: env.loadBalancer.waf,
    leastPrivilegeRoles: true,
    secretsManagement: true,
    dataResidency: residency,
    restoreTested: false,
  };
}

function howMet(
  field: keyof DeclaredControls,
  environments: readonly EnvironmentDesign[],
): string {
  return environments
    .map(
      e => `${e.name}: ${field} = ${JSON.stringify(e.controls[field] ?? null)}`,
    )
    .join('; ');
}

/**
 * Validates unknown input and plans it; bad input gives every issue by dotted path.
 *
 * @public
 */
export function planFromInput(input: unknown): PlanFromInputResult {
  const parsed = parseAnswers(input);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    defaults: parsed.defaults,
    ...planDesign(parsed.answers, { defaults: parsed.defaults }),
  };
}
