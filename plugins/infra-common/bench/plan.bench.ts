/*
 * Planning a 3-environment design with 4 SLOs (availability and latency on two production
 * environments), validation included. Target: < 5 ms median.
 */
import { planFromInput } from '../src/plan';
import { fmt, measure } from './stats';

const answers = {
  service: {
    name: 'payments-api',
    owner: 'group:default/payments',
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
    complianceFrameworks: ['pci-dss', 'soc2', 'gdpr'],
    dataResidency: 'eu',
  },
  environments: [
    { name: 'staging', stage: 'staging' },
    { name: 'prod-eu', stage: 'production' },
    { name: 'prod-dr', stage: 'production' },
  ],
  topology: {
    cloud: 'aws',
    primaryRegion: 'eu-west-1',
    publicIngress: true,
    compute: 'kubernetes',
    database: 'postgres',
    cache: 'redis',
  },
  reliability: { rtoMinutes: 15, rpoMinutes: 5 },
  operations: { monitoring: 'prometheus', alertRouting: 'pagerduty' },
};

export function benchPlan() {
  const check = planFromInput(answers);
  if (
    !check.ok ||
    check.design.slos.length !== 4 ||
    check.design.environments.length !== 3
  ) {
    throw new Error('the benchmark input must plan 3 environments and 4 SLOs');
  }
  const result = measure(500, () => planFromInput(answers), 50);
  return {
    ...result,
    line: `planFromInput, 3 environments, 4 SLOs: median ${fmt(
      result.median,
    )} (min ${fmt(result.min)}, ${result.runs} runs)`,
  };
}
