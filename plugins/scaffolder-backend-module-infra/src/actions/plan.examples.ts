import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Answers for a small internal API: every optional field gets its default. */
export const minimalAnswers = {
  service: { name: 'orders-api', owner: 'group:default/orders' },
  topology: { cloud: 'aws' },
};

/** Answers for a health-records API on Azure in the EU: HIPAA and GDPR. */
export const regulatedAnswers = {
  service: {
    name: 'patient-records',
    owner: 'group:default/clinical',
    description: 'Patient records API',
  },
  workload: {
    dataClassification: 'restricted',
    dataKinds: ['pii', 'phi'],
    storageGb: 500,
    stateful: true,
  },
  slos: { availability: 99.95, latencyP99Ms: 250 },
  constraints: {
    complianceFrameworks: ['hipaa', 'gdpr'],
    dataResidency: 'eu',
  },
  topology: {
    cloud: 'azure',
    primaryRegion: 'westeurope',
    database: 'postgres',
  },
  operations: { alertRouting: 'pagerduty' },
};

/** The plan step of a template, planning `answers` (an object or a template expression). */
export function planStep(answers: unknown) {
  return {
    id: 'plan',
    name: 'Plan the infrastructure',
    action: 'infra:design:plan',
    input: { answers },
  };
}

export const examples: TemplateExample[] = [
  {
    description:
      'Plan a design from a few answers; everything else gets a default and the plan says why',
    example: yaml.stringify({
      steps: [planStep(minimalAnswers)],
    }),
  },
  {
    description:
      'Plan a HIPAA and GDPR design on Azure in the EU with availability and latency SLOs',
    example: yaml.stringify({
      steps: [planStep(regulatedAnswers)],
    }),
  },
  {
    description:
      'Plan from the answers the /infra wizard collected as parameters',
    example: yaml.stringify({
      steps: [planStep('${{ parameters.answers }}')],
    }),
  },
];
