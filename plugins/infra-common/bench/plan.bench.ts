/*
 * Planning a 3-environment design with 4 SLOs (availability and latency on two production
 * environments), validation included. Target: < 5 ms median.
 */
import { planFromInput } from '../src/plan';
import { withAnswers } from '../src/testUtils';
import { fmt, measure } from '@plinth/test-support';

/** The shared example answers with GDPR, Redis and two production environments. */
const answers = withAnswers({
  constraints: { complianceFrameworks: ['pci-dss', 'soc2', 'gdpr'] },
  environments: [
    { name: 'staging', stage: 'staging' },
    { name: 'prod-eu', stage: 'production' },
    { name: 'prod-dr', stage: 'production' },
  ],
  topology: { cache: 'redis' },
  reliability: { rtoMinutes: 15, rpoMinutes: 5 },
});

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
