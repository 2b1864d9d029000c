/*
 * The answers model (docs/answers.md) as a zod schema: what the /infra wizard collects
 * and what `infra:design:plan` accepts. Field names are a contract; do not rename them.
 * Over 500 lines on purpose: one schema for the whole model, one section per workflow step.
 */
import { z } from 'zod';
import {
  CLOUDS,
  FRAMEWORK_IDS,
  RESIDENCIES,
  STAGES,
  TLS_VERSIONS,
} from '../catalog';
import { isRegionAllowed, findRegion, regionsFor } from './regions';
import { parseCidr, privateRangeOf } from '../design/cidr';
import { MONITORING_SYSTEMS, monitoringProblem } from './monitoringByCloud';
import {
  DEFAULT_LATENCY_BUCKETS_MS,
  DEFAULT_PROMETHEUS_MAJOR,
} from '../slo/buckets';
import { latencyThresholdProblem } from '../slo/latencyThreshold';
import {
  ENTITY_REF_PATTERN,
  ENVIRONMENT_NAME_PATTERN,
  SERVICE_NAME_MESSAGE,
  SERVICE_NAME_PATTERN,
  SYSTEM_NAME_PATTERN,
} from '../design/names';

export const WORKLOAD_TYPES = [
  'http-api',
  'web-frontend',
  'worker',
  'batch',
  'stream-processor',
] as const;
export const TRAFFIC_PATTERNS = [
  'steady',
  'diurnal',
  'spiky',
  'batch',
] as const;
export const DATA_CLASSIFICATIONS = [
  'public',
  'internal',
  'confidential',
  'restricted',
] as const;
export const DATA_KINDS = ['pii', 'phi', 'cardholder'] as const;
export const TEAM_SKILLS = [
  'terraform',
  'opentofu',
  'pulumi',
  'kubernetes',
  'serverless',
] as const;
/** @public */
export const COMPUTE_KINDS = [
  'kubernetes',
  'containers',
  'vms',
  'serverless',
] as const;
export const DATABASE_ENGINES = ['none', 'postgres', 'mysql'] as const;
export const CACHE_ENGINES = ['none', 'redis'] as const;
/** What Plinth generates; Pulumi waits until it writes Pulumi programs (ADR 1000). */
export const IAC_TOOLS = ['terraform', 'opentofu'] as const;
export const CI_PROVIDERS = ['github-actions', 'gitlab-ci'] as const;
export const ALERT_ROUTES = [
  'pagerduty',
  'opsgenie',
  'slack',
  'email',
] as const;
export const REVIEW_CADENCES = ['monthly', 'quarterly'] as const;
export const SLO_WINDOWS = ['28d', '30d'] as const;

const SERVICE_NAME = SERVICE_NAME_PATTERN;
const ENVIRONMENT_NAME = ENVIRONMENT_NAME_PATTERN;
const SYSTEM_NAME = SYSTEM_NAME_PATTERN;
const ENTITY_REF = ENTITY_REF_PATTERN;
const HTTP_PATH = /^\/[A-Za-z0-9._~/-]{0,100}$/;

const percent = (what: string) =>
  z
    .number({
      invalid_type_error: `${what} must be a number (99.95 means 99.95%)`,
    })
    .finite()
    .min(90, `${what} must be at least 90 (percent)`)
    .lt(
      100,
      `${what} must be below 100 (percent); 100% leaves no error budget`,
    );

const replicas = z.number().int().min(1).max(1000);

/** YAML turns an unquoted 1.2 into a number; accept it as the string it meant. */
const tlsVersion = z.preprocess(
  v => (typeof v === 'number' ? v.toFixed(1) : v),
  z.enum(TLS_VERSIONS),
);

const uniqueList = <T extends [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine(
      list => new Set(list).size === list.length,
      'must not repeat a value',
    );

const serviceSchema = z
  .object({
    name: z.string().regex(SERVICE_NAME, SERVICE_NAME_MESSAGE),
    owner: z
      .string()
      .regex(
        ENTITY_REF,
        'must be an entity reference such as group:default/payments',
      ),
    system: z
      .string()
      .regex(SYSTEM_NAME, 'must be lower-case letters, digits and dashes')
      .optional(),
    description: z
      .string()
      .max(500, 'must be at most 500 characters')
      .optional(),
  })
  .strict();

const workloadSchema = z
  .object({
    type: z.enum(WORKLOAD_TYPES).default('http-api'),
    trafficPattern: z.enum(TRAFFIC_PATTERNS).default('steady'),
    peakRps: z.number().finite().min(0).max(10_000_000).default(100),
    dataClassification: z.enum(DATA_CLASSIFICATIONS).default('internal'),
    dataKinds: uniqueList([...DATA_KINDS] as [string, ...string[]])
      .default([])
      .transform(list => list as Array<(typeof DATA_KINDS)[number]>),
    storageGb: z.number().finite().min(0).max(1_000_000).default(20),
    stateful: z.boolean().default(false),
  })
  .strict();

const slosSchema = z
  .object({
    availability: percent('availability').default(99.9),
    latencyP99Ms: z.number().int().min(1).max(600_000).optional(),
    /** The service's latency histogram buckets in ms; the threshold must be one of them. */
    latencyBucketsMs: z
      .array(z.number().finite().min(0.001).max(600_000))
      .min(1)
      .max(50)
      .refine(
        list => list.every((v, i) => i === 0 || v > list[i - 1]),
        'must list each bucket once, in increasing order',
      )
      .default([...DEFAULT_LATENCY_BUCKETS_MS]),
    latencyTarget: percent('latencyTarget').optional(),
    window: z.enum(SLO_WINDOWS).default('30d'),
  })
  .strict();

const constraintsSchema = z
  .object({
    monthlyBudgetUsd: z.number().finite().min(0).max(100_000_000).optional(),
    complianceFrameworks: uniqueList([...FRAMEWORK_IDS] as [
      string,
      ...string[],
    ])
      .default([])
      .transform(list => list as Array<(typeof FRAMEWORK_IDS)[number]>),
    dataResidency: z.enum(RESIDENCIES).default('any'),
    teamSkills: uniqueList([...TEAM_SKILLS] as [string, ...string[]])
      .transform(list => list as Array<(typeof TEAM_SKILLS)[number]>)
      .optional(),
  })
  .strict();

const environmentSchema = z
  .object({
    name: z
      .string()
      .regex(
        ENVIRONMENT_NAME,
        'must be 1-20 characters of lower-case letters, digits and dashes, starting with a letter',
      ),
    stage: z.enum(STAGES),
  })
  .strict();

const DEFAULT_ENVIRONMENTS = [
  { name: 'dev', stage: 'development' as const },
  { name: 'staging', stage: 'staging' as const },
  { name: 'prod', stage: 'production' as const },
];

const topologySchema = z
  .object({
    cloud: z.enum(CLOUDS).default('aws'),
    primaryRegion: z.string().max(40).optional(),
    secondaryRegions: z.array(z.string().max(40)).max(2).optional(),
    /** Added to answers.md: false keeps production in one region even when the SLO or RTO asks for two (with a warning). */
    multiRegion: z.boolean().optional(),
    vpcCidr: z.string().max(18).optional(),
    publicIngress: z.boolean().default(true),
    compute: z.enum(COMPUTE_KINDS).default('kubernetes'),
    database: z.enum(DATABASE_ENGINES).default('none'),
    cache: z.enum(CACHE_ENGINES).default('none'),
  })
  .strict();

const iacSchema = z
  .object({
    tool: z.enum(IAC_TOOLS).default('terraform'),
    ciProvider: z.enum(CI_PROVIDERS).default('github-actions'),
    prodApproval: z.boolean().default(true),
  })
  .strict();

const reliabilitySchema = z
  .object({
    rtoMinutes: z.number().int().min(1).max(10_080).optional(),
    rpoMinutes: z.number().int().min(0).max(10_080).optional(),
    autoscaling: z.object({ min: replicas, max: replicas }).strict().optional(),
    healthCheckPath: z
      .string()
      .regex(HTTP_PATH, 'must be a URL path such as /healthz')
      .optional(),
    backupRetentionDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

const securitySchema = z
  .object({
    tlsMinVersion: tlsVersion.default('1.2'),
    auditLogRetentionDays: z.number().int().min(1).max(3650).optional(),
    waf: z.boolean().optional(),
  })
  .strict();

const operationsSchema = z
  .object({
    monitoring: z.enum(MONITORING_SYSTEMS).default('prometheus'),
    alertRouting: z.enum(ALERT_ROUTES).default('email'),
    /** The Prometheus major the rules target: it decides how `le` values are written. */
    prometheusMajor: z
      .union([z.literal(2), z.literal(3)], {
        errorMap: () => ({ message: 'must be 2 or 3' }),
      })
      .default(DEFAULT_PROMETHEUS_MAJOR),
    onCall: z
      .string()
      .regex(
        ENTITY_REF,
        'must be an entity reference such as group:default/payments-oncall',
      )
      .optional(),
  })
  .strict();

const improvementSchema = z
  .object({
    costReviewCadence: z.enum(REVIEW_CADENCES).default('monthly'),
    sloReviewCadence: z.enum(REVIEW_CADENCES).default('quarterly'),
    budgetAlertPercents: z
      .array(z.number().int().min(1).max(500))
      .max(10)
      .refine(
        list => new Set(list).size === list.length,
        'must not repeat a value',
      )
      .default([50, 80, 100]),
  })
  .strict();

/** The answers model, without the cross-field rules (see {@link answersSchema}). */
export const answersObjectSchema = z
  .object({
    service: serviceSchema,
    workload: workloadSchema.default({}),
    slos: slosSchema.default({}),
    constraints: constraintsSchema.default({}),
    environments: z
      .array(environmentSchema)
      .min(1, 'needs at least one environment')
      .max(10, 'at most 10 environments')
      .default(DEFAULT_ENVIRONMENTS),
    topology: topologySchema.default({}),
    iac: iacSchema.default({}),
    reliability: reliabilitySchema.default({}),
    security: securitySchema.default({}),
    operations: operationsSchema.default({}),
    improvement: improvementSchema.default({}),
  })
  .strict();

/**
 * The answers model with its cross-field rules.
 *
 * @public
 */
// Annotated so the API report names the type instead of expanding it (see designSchema).
export const answersSchema: z.ZodType<
  z.output<typeof answersObjectSchema>,
  z.ZodTypeDef,
  z.input<typeof answersObjectSchema>
> = answersObjectSchema.superRefine((a, ctx) => {
  const issue = (path: string, message: string) =>
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: path.split('.'),
      message,
    });

  const { cloud } = a.topology;
  const residency = a.constraints.dataResidency;
  const checkRegion = (path: string, region: string) => {
    if (!findRegion(cloud, region)) {
      issue(
        path,
        `${cloud} has no region '${region}' that Plinth offers; choose one of ${regionsFor(
          cloud,
          residency,
        ).join(', ')}`,
      );
    } else if (!isRegionAllowed(cloud, residency, region)) {
      issue(
        path,
        `${residency} residency allows ${regionsFor(cloud, residency).join(
          ', ',
        )}`,
      );
    }
  };
  if (a.topology.primaryRegion !== undefined) {
    checkRegion('topology.primaryRegion', a.topology.primaryRegion);
  }
  const seenRegions = new Set(
    a.topology.primaryRegion ? [a.topology.primaryRegion] : [],
  );
  if (
    a.topology.multiRegion === false &&
    (a.topology.secondaryRegions ?? []).length > 0
  ) {
    issue(
      'topology.multiRegion',
      'is false but topology.secondaryRegions lists regions; remove one of them',
    );
  }
  (a.topology.secondaryRegions ?? []).forEach((region, i) => {
    const path = `topology.secondaryRegions.${i}`;
    if (seenRegions.has(region)) {
      issue(
        path,
        `'${region}' is already used as the primary or another secondary region`,
      );
    } else {
      checkRegion(path, region);
    }
    seenRegions.add(region);
  });

  const seenEnvironments = new Set<string>();
  a.environments.forEach((env, i) => {
    if (seenEnvironments.has(env.name)) {
      issue(
        `environments.${i}.name`,
        `'${env.name}' is used by another environment; names must be unique`,
      );
    }
    seenEnvironments.add(env.name);
  });

  if (a.slos.latencyTarget !== undefined && a.slos.latencyP99Ms === undefined) {
    issue(
      'slos.latencyP99Ms',
      'is required when a share of requests under the threshold is set (the latency threshold in ms)',
    );
  }

  if (a.slos.latencyP99Ms !== undefined) {
    const problem = latencyThresholdProblem(
      a.slos.latencyP99Ms,
      a.slos.latencyBucketsMs,
    );
    if (problem) issue('slos.latencyP99Ms', problem);
  }

  if (a.topology.vpcCidr !== undefined) {
    const cidr = parseCidr(a.topology.vpcCidr);
    if ('error' in cidr) {
      issue('topology.vpcCidr', cidr.error);
    } else if (!privateRangeOf(cidr)) {
      issue(
        'topology.vpcCidr',
        'must be inside a private range: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16',
      );
    } else if (cidr.prefix < 16 || cidr.prefix > 24) {
      issue(
        'topology.vpcCidr',
        `must be between /16 and /24 (got /${cidr.prefix})`,
      );
    }
  }

  const scaling = a.reliability.autoscaling;
  if (scaling && scaling.min > scaling.max) {
    issue(
      'reliability.autoscaling.min',
      `must not exceed the maximum replicas (${scaling.max})`,
    );
  }

  const monitoring = monitoringProblem(cloud, a.operations.monitoring);
  if (monitoring) {
    issue('operations.monitoring', monitoring);
  }
});

/**
 * The answers after validation, with every static default filled in.
 *
 * @public
 */
export type Answers = z.output<typeof answersObjectSchema> & {
  topology: { primaryRegion: string };
};
/**
 * The answers as a caller may send them: optional fields may be left out.
 *
 * @public
 */
export type AnswersInput = z.input<typeof answersObjectSchema>;

/**
 * A default the validator filled in, and why.
 *
 * @public
 */
export interface AnswerDefault {
  path: string;
  value: unknown;
  reason: string;
}

/**
 * A rejected value: its dotted path and what is wrong, for a person to read.
 *
 * @public
 */
export interface AnswerIssue {
  path: string;
  message: string;
}

/** @public */
export type ParseAnswersResult =
  | { ok: true; answers: Answers; defaults: AnswerDefault[] }
  | { ok: false; issues: AnswerIssue[] };

/** The static defaults and why each was chosen; reported when the answer was absent. */
const DEFAULT_REASONS: Record<string, string> = {
  'workload.type': 'most services Plinth provisions are HTTP APIs',
  'workload.trafficPattern': 'no pattern given: sized for steady traffic',
  'workload.peakRps':
    'no peak given: sized for a small service (100 requests per second)',
  'workload.dataClassification':
    'no classification given: treated as internal data',
  'workload.dataKinds': 'no personal, health or cardholder data declared',
  'workload.storageGb':
    'no storage given: 20 GB, the smallest practical database volume',
  'workload.stateful': 'not declared stateful',
  'slos.availability':
    '99.9% is the usual starting objective for a production service',
  'slos.window': 'a rolling 30-day window matches monthly reporting',
  'slos.latencyBucketsMs':
    "no buckets given: the Prometheus client libraries' default buckets (5 ms to 10 s)",
  'constraints.complianceFrameworks': 'no framework declared',
  'constraints.dataResidency':
    'no residency constraint declared: any region is allowed',
  environments: 'the usual three stages: dev, staging and prod',
  'topology.cloud': 'no cloud chosen: AWS, the default of the platform team',
  'topology.publicIngress':
    'services are reachable from the internet unless said otherwise',
  'topology.compute': 'Kubernetes is the platform default',
  'topology.database': 'no database asked for',
  'topology.cache': 'no cache asked for',
  'iac.tool': 'Terraform is the platform default',
  'iac.ciProvider': 'GitHub Actions is the platform default',
  'iac.prodApproval':
    'production applies are approved by a person unless said otherwise',
  'security.tlsMinVersion':
    'TLS 1.2 is the oldest version still considered secure',
  'operations.monitoring': 'Prometheus is the platform default',
  'operations.alertRouting': 'no paging tool chosen: alerts go by email',
  'operations.prometheusMajor':
    'Prometheus 3 is the current release line: bucket labels are written as it stores them (le="1.0")',
  'improvement.costReviewCadence': 'costs are reviewed monthly, with the bill',
  'improvement.sloReviewCadence': 'SLOs are reviewed quarterly',
  'improvement.budgetAlertPercents':
    'alerts at 50%, 80% and 100% of the budget',
};

function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  return path.length ? path.join('.') : '(answers)';
}

/**
 * Validates the answers and fills their defaults. Never throws: a bad input gives every
 * problem with its dotted path (`environments.1.name`).
 *
 * @public
 */
export function parseAnswers(input: unknown): ParseAnswersResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      issues: [
        {
          path: '(answers)',
          message:
            'must be an object with a section per step (service, workload, ...)',
        },
      ],
    };
  }
  const result = answersSchema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map(i => ({
        path: formatIssuePath(i.path),
        message: i.message,
      })),
    };
  }
  const parsed = result.data;
  const defaults: AnswerDefault[] = [];
  for (const [path, reason] of Object.entries(DEFAULT_REASONS)) {
    if (valueAt(input, path) === undefined) {
      defaults.push({ path, value: valueAt(parsed, path), reason });
    }
  }
  let primaryRegion = parsed.topology.primaryRegion;
  if (primaryRegion === undefined) {
    const residency = parsed.constraints.dataResidency;
    primaryRegion = regionsFor(parsed.topology.cloud, residency)[0];
    defaults.push({
      path: 'topology.primaryRegion',
      value: primaryRegion,
      reason: `the first ${parsed.topology.cloud} region that ${residency} residency allows`,
    });
  }
  const answers: Answers = {
    ...parsed,
    topology: { ...parsed.topology, primaryRegion },
  };
  return { ok: true, answers, defaults };
}
