/*
 * The Design's shape, written once: the zod schema below is what `infra:repository:render`
 * checks a design against, and the TypeScript types in `types.ts` are inferred from it.
 * Every field any renderer reads is here, with the bounds that make it safe to put in a
 * file path, an HCL identifier, a YAML key or a PromQL label. Adding a field is one line
 * in the object it belongs to; the type follows.
 *
 * Free text (titles, reasons, descriptions) is bounded but otherwise open: the renderers
 * only ever write it through a serialiser. Everything that becomes part of a name, path or
 * expression is a pattern.
 *
 * Over 500 lines on purpose: the design's shape is one schema, so it is written once.
 */
import { z } from 'zod';
import {
  CLOUDS,
  DR_PATTERNS,
  FRAMEWORK_IDS,
  RESIDENCIES,
  STAGES,
  TLS_VERSIONS,
} from '../catalog/types';
import {
  ALERT_ROUTES,
  CI_PROVIDERS,
  COMPUTE_KINDS,
  DATA_CLASSIFICATIONS,
  DATA_KINDS,
  IAC_TOOLS,
  REVIEW_CADENCES,
  TRAFFIC_PATTERNS,
  WORKLOAD_TYPES,
} from '../answers/schema';
import { MONITORING_SYSTEMS } from '../answers/monitoringByCloud';
import { controlsSchema } from '../catalog/environment';
import { parseCidr } from './cidr';
import { MAX_ERROR_RATIO_THRESHOLD } from '../slo/burnRate';
import { opensAdminPortsToTheWorld } from './adminAccess';
import {
  ENTITY_REF_PATTERN,
  ENVIRONMENT_NAME_PATTERN,
  SERVICE_NAME_MESSAGE,
  SERVICE_NAME_PATTERN,
  SYSTEM_NAME_PATTERN,
} from './names';

/**
 * Bumped when a field changes meaning; renderers refuse versions they do not know.
 *
 * @public
 */
export const DESIGN_VERSION = 1;

export const SUBNET_TIERS = ['public', 'private', 'data'] as const;
export const SIZE_CLASSES = ['small', 'medium', 'large', 'xlarge'] as const;
export const COST_FAMILIES = [
  'compute',
  'kubernetes',
  'database',
  'cache',
  'network',
  'storage',
  'security',
  'observability',
] as const;

// ---------------------------------------------------------------- building blocks

const pattern = (re: RegExp, message: string) => z.string().regex(re, message);
/** A lower-case id of at most `max` characters: safe in paths, labels and names. */
const id = (max: number) =>
  pattern(
    new RegExp(`^[a-z][a-z0-9-]{0,${max - 1}}$`),
    `must be a lower-case id of at most ${max} characters`,
  );
/** Free text, written only through serialisers; bounded so nothing echoes megabytes. */
const text = (max = 2000) =>
  z.string().max(max, `must be at most ${max} characters`);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as [T[number], ...T[number][]], {
    errorMap: () => ({ message: `must be one of ${values.join(', ')}` }),
  });
const int = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const amount = (max = 1e9) =>
  z.number().finite().min(0, 'must not be negative').max(max);
const list = <T extends z.ZodTypeAny>(item: T, max = 100) =>
  z.array(item).max(max, `must have at most ${max} entries`);

const cidr = z
  .string()
  .max(18)
  .superRefine((value, ctx) => {
    const parsed = parseCidr(value);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: 'must be an IPv4 CIDR block' });
    }
  });
const region = pattern(/^[a-z][a-z0-9-]{1,39}$/, 'must be a region id');
// AWS `eu-west-1a`, GCP `europe-west1-b`, Azure `1`.
const zone = pattern(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a zone id');
const machineType = pattern(
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/,
  'must be a machine type such as m7g.large',
);
const httpPath = pattern(
  /^\/[A-Za-z0-9._~/-]{0,100}$/,
  'must be an HTTP path such as /healthz',
);
const port = int(1, 65535);
const duration = pattern(
  /^[1-9][0-9]{0,3}[mhd]$/,
  'must be a duration such as 5m, 1h or 3d',
);
const entityRef = pattern(
  ENTITY_REF_PATTERN,
  'must be an entity reference such as group:default/payments',
);

// ---------------------------------------------------------------- the design

export const decisionSchema = z
  .object({
    /** Stable id, e.g. `prod.redundancy.multiAz` or `slo.availability.budget`. */
    id: pattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be a dotted id'),
    /** Which of the seven workflow steps a decision belongs to. */
    step: z.union([
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(5),
      z.literal(6),
      z.literal(7),
    ]),
    title: text(200),
    value: z.union([text(), z.number().finite(), z.boolean(), list(text(200))]),
    reason: text(),
    /** answered: the user's answer; derived: computed from answers; default: nothing was given. */
    origin: oneOf(['answered', 'derived', 'default'] as const),
  })
  .strict();

export const designWarningSchema = z
  .object({
    /** Stable code, e.g. `budget-exceeded`, `single-region-high-availability`. */
    code: id(80),
    message: text(),
    /** The answer (dotted path) the warning is about, when there is one. */
    path: pattern(
      /^[A-Za-z0-9._-]{1,200}$/,
      'must be a dotted path',
    ).optional(),
  })
  .strict();

export const serviceInfoSchema = z
  .object({
    name: pattern(SERVICE_NAME_PATTERN, SERVICE_NAME_MESSAGE),
    owner: entityRef,
    system: pattern(
      SYSTEM_NAME_PATTERN,
      'must be lower-case letters, digits and dashes',
    ).optional(),
    description: text(500).optional(),
    workloadType: oneOf(WORKLOAD_TYPES),
    trafficPattern: oneOf(TRAFFIC_PATTERNS),
    peakRps: amount(1e7),
    dataClassification: oneOf(DATA_CLASSIFICATIONS),
    dataKinds: list(oneOf(DATA_KINDS), DATA_KINDS.length),
    storageGb: amount(1e7),
    stateful: z.boolean(),
    dataResidency: oneOf(RESIDENCIES),
    frameworks: list(oneOf(FRAMEWORK_IDS), FRAMEWORK_IDS.length),
  })
  .strict();

export const subnetSchema = z
  .object({
    /** Unique within the network: `<tier>-<zone index>` or `<tier>` for regional subnets. */
    name: id(40),
    tier: oneOf(SUBNET_TIERS),
    /** The zone; absent for regional subnets (GCP and Azure subnets span the region). */
    zone: zone.optional(),
    cidr,
  })
  .strict();

/** Where traffic may come from: the internet, a CIDR block, or another tier. */
export const ruleSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('internet') }).strict(),
  z.object({ kind: z.literal('cidr'), cidr }).strict(),
  z.object({ kind: z.literal('tier'), tier: oneOf(SUBNET_TIERS) }).strict(),
]);

export const firewallRuleSchema = z
  .object({
    name: id(60),
    /** The tier the rule protects. */
    tier: oneOf(SUBNET_TIERS),
    direction: oneOf(['ingress', 'egress'] as const),
    protocol: oneOf(['tcp', 'udp', 'all'] as const),
    fromPort: int(0, 65535),
    toPort: int(0, 65535),
    /** For ingress the source, for egress the destination. */
    peer: ruleSourceSchema,
    description: text(255),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.fromPort > rule.toPort) {
      ctx.addIssue({
        code: 'custom',
        path: ['toPort'],
        message: 'must not be below fromPort',
      });
    }
    if (opensAdminPortsToTheWorld(rule)) {
      ctx.addIssue({
        code: 'custom',
        path: ['peer'],
        message:
          'opens SSH or RDP to addresses outside the private ranges; Plinth never generates that',
      });
    }
  });

export const regionNetworkSchema = z
  .object({
    region,
    role: oneOf(['primary', 'secondary'] as const),
    cidr,
    zones: list(zone, 6).min(1, 'must list at least one zone'),
    subnets: list(subnetSchema, 60).min(1, 'must list at least one subnet'),
    /** One NAT gateway per zone in production, one in total elsewhere. */
    natGateways: int(0, 6),
  })
  .strict();

export const loadBalancerSchema = z
  .object({
    scheme: oneOf(['public', 'internal'] as const),
    tlsMinVersion: oneOf(TLS_VERSIONS),
    httpToHttpsRedirect: z.boolean(),
    waf: z.boolean(),
    healthCheckPath: httpPath,
    /** The port the workload listens on behind the load balancer. */
    targetPort: port,
  })
  .strict();

export const computeSchema = z
  .object({
    kind: oneOf(COMPUTE_KINDS),
    sizeClass: oneOf(SIZE_CLASSES),
    /** The cloud's machine type for nodes or instances, or the serverless memory size. */
    instanceType: machineType,
    vcpu: amount(1024),
    memoryGb: amount(4096),
    autoscaling: z
      .object({ min: int(0, 100_000), max: int(1, 100_000) })
      .strict()
      .refine(a => a.min <= a.max, {
        message: 'min must not exceed max',
        path: ['min'],
      }),
    /** Replicas spread across this many zones. */
    zoneSpread: int(1, 6),
    healthCheckPath: httpPath,
    /** Capacity reserved above the measured peak, as a factor (1.5 = 50% headroom). */
    headroom: amount(100),
  })
  .strict();

export const databaseSchema = z
  .object({
    engine: oneOf(['postgres', 'mysql'] as const),
    engineVersion: pattern(
      /^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/,
      'must be a version such as 16 or 8.0',
    ),
    sizeClass: oneOf(SIZE_CLASSES),
    instanceType: machineType,
    storageGb: int(1, 65536),
    multiAz: z.boolean(),
    backupRetentionDays: int(0, 36500),
    pointInTimeRecovery: z.boolean(),
    deletionProtection: z.boolean(),
    /** Always true: databases get no public address. */
    private: z.literal(true),
    port,
    /** Read replicas in the secondary regions (multi-region designs). */
    crossRegionReplicas: list(region, 10),
  })
  .strict();

export const cacheSchema = z
  .object({
    engine: z.literal('redis'),
    instanceType: machineType,
    memoryGb: amount(4096),
    multiAz: z.boolean(),
    port,
  })
  .strict();

export const encryptionSchema = z
  .object({
    atRest: oneOf(['managed-key', 'provider-managed'] as const),
    /** A customer-managed key (KMS, Cloud KMS, Key Vault) with yearly automatic rotation. */
    keyRotation: z.boolean(),
    keyRotationDays: int(1, 3650),
    inTransit: z.literal(true),
    tlsMinVersion: oneOf(TLS_VERSIONS),
  })
  .strict();

export const environmentDesignSchema = z
  .object({
    name: pattern(
      ENVIRONMENT_NAME_PATTERN,
      'must be a short lower-case name such as prod',
    ),
    stage: oneOf(STAGES),
    cloud: oneOf(CLOUDS),
    regions: z
      .object({ primary: region, secondary: list(region, 10) })
      .strict(),
    multiAz: z.boolean(),
    multiRegion: z.boolean(),
    /** The primary region's zones used by the workload. */
    zones: list(zone, 6).min(1, 'must list at least one zone'),
    /** The primary region's VPC/VNet block. */
    cidr,
    /** Networks per region, the primary first. */
    networks: list(regionNetworkSchema, 11).min(
      1,
      'must have the primary network',
    ),
    /** Security-group / firewall rules by tier; the same in every region. */
    firewallRules: list(firewallRuleSchema, 200),
    loadBalancer: loadBalancerSchema,
    compute: computeSchema,
    database: databaseSchema.optional(),
    cache: cacheSchema.optional(),
    encryption: encryptionSchema,
    auditLog: z
      .object({ enabled: z.literal(true), retentionDays: int(1, 36500) })
      .strict(),
    flowLogs: z
      .object({ enabled: z.boolean(), retentionDays: int(0, 36500) })
      .strict(),
    drPattern: oneOf(DR_PATTERNS),
    rtoMinutes: amount(1e6),
    rpoMinutes: amount(1e6),
    /** What the environment will declare in the catalog (`spec.environment.controls`). */
    controls: controlsSchema,
  })
  .strict();

export const stateBackendSchema = z
  .object({
    kind: oneOf(['s3', 'gcs', 'azurerm'] as const),
    /** Bucket or storage account name, derived from the service name. */
    bucket: pattern(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name of lower-case letters, digits, dots and dashes',
    ),
    /** Key prefix; each environment's state is `<prefix>/<environment>.tfstate`. */
    keyPrefix: pattern(
      /^[a-z0-9][a-z0-9/-]{0,99}$/,
      'must be lower-case letters, digits, dashes and slashes',
    ),
    region,
    encrypted: z.literal(true),
    locking: oneOf(['native', 'dynamodb', 'blob-lease'] as const),
  })
  .strict();

export const iacSchema = z
  .object({
    tool: oneOf(IAC_TOOLS),
    /** The modules under `terraform/modules/`. */
    modules: list(id(40), 40),
    /** One root per environment: `terraform/envs/<environment>`. */
    environmentRoots: list(
      z
        .object({
          environment: pattern(
            ENVIRONMENT_NAME_PATTERN,
            'must be an environment name',
          ),
          path: pattern(
            /^terraform\/envs\/[a-z][a-z0-9-]{0,19}$/,
            'must be terraform/envs/<environment>',
          ),
        })
        .strict(),
      20,
    ),
    stateBackend: stateBackendSchema,
    ciProvider: oneOf(CI_PROVIDERS),
    /** Plan on every pull request; apply on merge. */
    planOnPullRequest: z.literal(true),
    prodApproval: z.boolean(),
    /** Environments whose apply waits for a person. */
    gatedEnvironments: list(
      pattern(ENVIRONMENT_NAME_PATTERN, 'must be an environment name'),
      20,
    ),
    policyChecks: list(id(40), 20),
  })
  .strict();

/** How urgent an alert is: a page wakes someone now, a ticket goes to the team's queue. */
export const SEVERITIES = ['page', 'ticket'] as const;

export const burnRateAlertTierSchema = z
  .object({
    /** `page-quick`, `page-slow`, `ticket-quick`, `ticket-slow`, as Sloth names them. */
    name: id(30),
    severity: oneOf(SEVERITIES),
    longWindow: duration,
    shortWindow: duration,
    longWindowMinutes: amount(1e6),
    shortWindowMinutes: amount(1e6),
    /** Share of the window's error budget spent when the alert fires, in percent. */
    budgetPercent: amount(100),
    /** Burn-rate factor: budget share x window hours / long-window hours. */
    factor: z.number().finite().positive('must be positive').max(1e6),
    /** The error-ratio threshold: factor x (1 - objective), capped (errorRatioThreshold). */
    errorRatioThreshold: amount(1e6).refine(
      v => v <= MAX_ERROR_RATIO_THRESHOLD,
      {
        message: `must be at most ${MAX_ERROR_RATIO_THRESHOLD}: an alert that fires only when nearly every request fails never fires`,
      },
    ),
  })
  .strict();

/** PromQL; written into YAML through the serialiser, never into HCL. */
const promql = text(4000);
export const sliQueriesSchema = z
  .object({
    /** PromQL selecting good events (a rate over `[$window]`, substituted per window). */
    good: promql,
    total: promql,
    /** The SLI as an error ratio over `$window`, the basis of the recording rules. */
    errorRatio: promql,
  })
  .strict();

export const sloDesignSchema = z
  .object({
    /** Entity-safe name: `<service>-<kind>`. */
    name: id(63),
    displayName: text(200),
    kind: oneOf(['availability', 'latency'] as const),
    description: text(500),
    /** Objective in percent: 99.95 */
    objectivePercent: z
      .number()
      .finite()
      .gt(0, 'must be above 0')
      .lt(100, 'must be below 100'),
    windowDays: int(1, 365),
    errorBudget: z.object({ ratio: amount(1), minutes: amount(1e6) }).strict(),
    /** For latency SLOs: requests faster than this count as good. */
    latencyThresholdMs: z
      .number()
      .finite()
      .positive('must be positive')
      .max(3_600_000)
      .optional(),
    /** For latency SLOs: the service's histogram buckets (ms); the threshold is one of them. */
    latencyBucketsMs: z
      .array(z.number().finite().positive().max(3_600_000))
      .max(50)
      .optional(),
    /** The Prometheus major the rules target (label formatting); 3 when absent. */
    prometheusMajor: z.union([z.literal(2), z.literal(3)]).optional(),
    workloadType: oneOf(WORKLOAD_TYPES),
    queries: sliQueriesSchema,
    alerts: list(burnRateAlertTierSchema, 8),
    /** Environment the SLO is measured on (the production one). */
    environment: pattern(
      ENVIRONMENT_NAME_PATTERN,
      'must be an environment name',
    ),
  })
  .strict();

export const runbookSchema = z
  .object({
    id: id(80),
    title: text(200),
    /** Path in the generated repository. */
    path: pattern(
      /^docs\/runbooks\/[a-z][a-z0-9-]{0,79}\.md$/,
      'must be docs/runbooks/<id>.md',
    ),
    why: text(500),
  })
  .strict();

/** The Alertmanager receivers the renderer writes: each tool, paging tools also at low urgency. */
const RECEIVERS = [
  'pagerduty',
  'pagerduty-low-urgency',
  'opsgenie',
  'opsgenie-low-urgency',
  'slack',
  'email',
] as const;

export const operationsSchema = z
  .object({
    monitoring: oneOf(MONITORING_SYSTEMS),
    alertRouting: oneOf(ALERT_ROUTES),
    /** Where page alerts go and where tickets go. */
    routes: list(
      z
        .object({ severity: oneOf(SEVERITIES), receiver: oneOf(RECEIVERS) })
        .strict(),
      10,
    ).min(1, 'needs at least one route'),
    onCall: entityRef.optional(),
    runbooks: list(runbookSchema, 60),
  })
  .strict();

export const improvementSchema = z
  .object({
    costReviewCadence: oneOf(REVIEW_CADENCES),
    sloReviewCadence: oneOf(REVIEW_CADENCES),
    budgetAlertPercents: list(int(1, 1000), 10),
    monthlyBudgetUsd: amount().optional(),
    feedbackChannel: text(300),
  })
  .strict();

export const complianceRequirementSchema = z
  .object({
    framework: oneOf(FRAMEWORK_IDS),
    /** The framework's own ids: `10.5.1`, `CC6.7`, `164.312(b)`, `A.8.15`, `Art. 32(1)(a)`. */
    requirementIds: list(
      pattern(/^[A-Za-z0-9.() ]{1,40}$/, 'must be a requirement id'),
      40,
    ),
    controlId: id(60),
    title: text(200),
    /** What the design does to meet it. */
    howMet: text(),
  })
  .strict();

export const environmentCostSchema = z
  .object({
    environment: pattern(
      ENVIRONMENT_NAME_PATTERN,
      'must be an environment name',
    ),
    monthlyUsd: amount(),
    byFamily: z
      .object(
        Object.fromEntries(COST_FAMILIES.map(f => [f, amount()])) as Record<
          (typeof COST_FAMILIES)[number],
          ReturnType<typeof amount>
        >,
      )
      .partial()
      .strict(),
  })
  .strict();

export const costEstimateSchema = z
  .object({
    currency: z.literal('USD'),
    environments: list(environmentCostSchema, 20),
    totalMonthlyUsd: amount(),
    monthlyBudgetUsd: amount().optional(),
    withinBudget: z.boolean().optional(),
    /** The price table used: its source and date, since this is an estimate. */
    priceSource: text(500),
  })
  .strict();

const designShape = z
  .object({
    version: z.literal(DESIGN_VERSION, {
      errorMap: () => ({
        message: `must be ${DESIGN_VERSION}; re-run infra:design:plan`,
      }),
    }),
    service: serviceInfoSchema,
    cloud: oneOf(CLOUDS),
    environments: list(environmentDesignSchema, 20).min(
      1,
      'must have at least one environment',
    ),
    iac: iacSchema,
    slos: list(sloDesignSchema, 20),
    operations: operationsSchema,
    improvement: improvementSchema,
    compliance: z
      .object({
        frameworks: list(oneOf(FRAMEWORK_IDS), FRAMEWORK_IDS.length),
        requirements: list(complianceRequirementSchema, 500),
      })
      .strict(),
    cost: costEstimateSchema,
    decisions: list(decisionSchema, 1000),
    warnings: list(designWarningSchema, 200),
  })
  .strict();

/**
 * The whole design, as `infra:repository:render` accepts it.
 *
 * @public
 */
// Annotated so the API report names the type instead of expanding the whole object, whose
// union members TypeScript prints in an order that differs between runs.
export const designSchema: z.ZodType<
  z.output<typeof designShape>,
  z.ZodTypeDef,
  z.input<typeof designShape>
> = designShape.superRefine(checkReferences);

/** What no single field can say: names unique, references pointing at something that exists. */
function checkReferences(
  design: z.infer<typeof designShape>,
  ctx: z.RefinementCtx,
) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const environments = new Set<string>();
  design.environments.forEach((env, index) => {
    if (environments.has(env.name)) {
      issue(['environments', index, 'name'], `repeats ${env.name}`);
    }
    environments.add(env.name);
    if (env.cloud !== design.cloud) {
      issue(['environments', index, 'cloud'], `must be ${design.cloud}`);
    }
    if (env.networks[0]?.role !== 'primary') {
      issue(['environments', index, 'networks', 0, 'role'], 'must be primary');
    }
    const rules = new Set<string>();
    env.firewallRules.forEach((rule, r) => {
      if (rules.has(rule.name)) {
        issue(
          ['environments', index, 'firewallRules', r, 'name'],
          `repeats ${rule.name}`,
        );
      }
      rules.add(rule.name);
    });
    env.networks.forEach((network, n) => {
      const subnets = new Set<string>();
      network.subnets.forEach((subnet, s) => {
        if (subnets.has(subnet.name)) {
          issue(
            ['environments', index, 'networks', n, 'subnets', s, 'name'],
            `repeats ${subnet.name}`,
          );
        }
        subnets.add(subnet.name);
      });
    });
  });
  const knownEnvironment = (name: string, path: (string | number)[]) => {
    if (!environments.has(name)) {
      issue(path, 'must name one of the design environments');
    }
  };
  design.slos.forEach((slo, index) =>
    knownEnvironment(slo.environment, ['slos', index, 'environment']),
  );
  design.iac.gatedEnvironments.forEach((name, index) =>
    knownEnvironment(name, ['iac', 'gatedEnvironments', index]),
  );
  design.iac.environmentRoots.forEach((root, index) =>
    knownEnvironment(root.environment, [
      'iac',
      'environmentRoots',
      index,
      'environment',
    ]),
  );
  const slos = new Set<string>();
  design.slos.forEach((slo, index) => {
    if (slos.has(slo.name))
      issue(['slos', index, 'name'], `repeats ${slo.name}`);
    slos.add(slo.name);
  });
}
