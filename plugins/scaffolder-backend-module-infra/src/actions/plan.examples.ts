import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Answers for a small internal API: every optional field gets its default. */
export const minimalAnswers = {
  service: { name: 'orders-api', owner: 'group:default/orders' },
  topology: { cloud: 'aws' },
};

/** Answers for a regulated, highly available API in the EU. */
export const regulatedAnswers = {
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
    latencyP99Ms: 300,
    latencyTarget: 99,
    window: '28d',
  },
  constraints: {
    monthlyBudgetUsd: 8000,
    complianceFrameworks: ['pci-dss', 'soc2'],
    dataResidency: 'eu',
  },
  environments: [
    { name: 'dev', stage: 'development' },
    { name: 'staging', stage: 'staging' },
    { name: 'prod', stage: 'production' },
  ],
  topology: {
    cloud: 'aws',
    primaryRegion: 'eu-west-1',
    publicIngress: true,
    compute: 'kubernetes',
    database: 'postgres',
  },
  iac: { tool: 'terraform', ciProvider: 'github-actions', prodApproval: true },
  operations: { monitoring: 'prometheus', alertRouting: 'pagerduty' },
};

export const examples: TemplateExample[] = [
  {
    description:
      'Plan a design from a few answers; everything else gets a default and the plan says why',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          name: 'Plan the infrastructure',
          action: 'infra:design:plan',
          input: { answers: minimalAnswers },
        },
      ],
    }),
  },
  {
    description:
      'Plan a PCI DSS and SOC 2 design in the EU with latency and availability SLOs',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          name: 'Plan the infrastructure',
          action: 'infra:design:plan',
          input: { answers: regulatedAnswers },
        },
      ],
    }),
  },
  {
    description:
      'Plan from the answers the /infra wizard collected as parameters',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          name: 'Plan the infrastructure',
          action: 'infra:design:plan',
          input: { answers: '${{ parameters.answers }}' },
        },
      ],
    }),
  },
];
