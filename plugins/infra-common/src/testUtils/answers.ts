import type { AnswersInput } from '../answers/schema';

/**
 * The example of docs/answers.md, field for field (schema.test.ts checks they agree).
 *
 * @public
 */
export const exampleAnswers: AnswersInput = {
  service: {
    name: 'payments-api',
    owner: 'group:default/payments',
    system: 'payments',
    description: 'Card payment API',
  },
  workload: {
    type: 'http-api',
    trafficPattern: 'diurnal',
    peakRps: 1200,
    dataClassification: 'restricted',
    dataKinds: ['pii', 'cardholder'],
    storageGb: 200,
    stateful: true,
  },
  slos: {
    availability: 99.95,
    latencyP99Ms: 250,
    latencyBucketsMs: [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
    latencyTarget: 99,
    window: '28d',
  },
  constraints: {
    monthlyBudgetUsd: 8000,
    complianceFrameworks: ['pci-dss', 'soc2'],
    dataResidency: 'eu',
    teamSkills: ['terraform', 'kubernetes'],
  },
  environments: [
    { name: 'dev', stage: 'development' },
    { name: 'staging', stage: 'staging' },
    { name: 'prod', stage: 'production' },
  ],
  topology: {
    cloud: 'aws',
    primaryRegion: 'eu-west-1',
    secondaryRegions: [],
    vpcCidr: '10.20.0.0/16',
    publicIngress: true,
    compute: 'kubernetes',
    database: 'postgres',
    cache: 'none',
  },
  iac: { tool: 'terraform', ciProvider: 'github-actions', prodApproval: true },
  reliability: {
    rtoMinutes: 30,
    rpoMinutes: 5,
    autoscaling: { min: 3, max: 12 },
    healthCheckPath: '/healthz',
    backupRetentionDays: 35,
  },
  security: { tlsMinVersion: '1.2', auditLogRetentionDays: 365, waf: true },
  operations: {
    monitoring: 'prometheus',
    alertRouting: 'pagerduty',
    prometheusMajor: 3,
    onCall: 'group:default/payments-oncall',
  },
  improvement: {
    costReviewCadence: 'monthly',
    sloReviewCadence: 'quarterly',
    budgetAlertPercents: [50, 80, 100],
  },
};

type Sections = typeof exampleAnswers;

/**
 * The example answers with some sections changed: each given section is merged over the
 * example's (a section given as an array, like `environments`, replaces it).
 *
 * @public
 */
export function withAnswers(changes: {
  [K in keyof Sections]?: Partial<NonNullable<Sections[K]>>;
}): AnswersInput {
  const copy = structuredClone(exampleAnswers) as Record<string, unknown>;
  for (const [section, value] of Object.entries(changes)) {
    copy[section] = Array.isArray(value)
      ? value
      : { ...(copy[section] as object), ...(value as object) };
  }
  return copy as AnswersInput;
}

/**
 * A change of issue 16's acceptance: availability raised from 99.9 to 99.95 and a
 * staging environment added, as the answers before and after.
 *
 * @public
 */
export const changeAnswers: { before: AnswersInput; after: AnswersInput } = {
  before: withAnswers({
    slos: { availability: 99.9 },
    environments: [
      { name: 'dev', stage: 'development' },
      { name: 'prod', stage: 'production' },
    ],
  }),
  after: withAnswers({
    slos: { availability: 99.95 },
    environments: [
      { name: 'dev', stage: 'development' },
      { name: 'staging', stage: 'staging' },
      { name: 'prod', stage: 'production' },
    ],
  }),
};
