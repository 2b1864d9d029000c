/* eslint-disable no-console */
/*
 * `yarn bench` in plugins/infra-common: prints the machine, the date and the medians that
 * docs/benchmarks.md records.
 */
import { describeMachine, loadAverage } from '@plinth/test-support';
import { benchPlan } from './plan.bench';
import { benchCompliance } from './compliance.bench';

async function main() {
  console.log(`date: ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}`);
  console.log(`load average (1, 5, 15 min) at start: ${loadAverage()}`);
  const plan = benchPlan();
  console.log(plan.line);
  const compliance = await benchCompliance();
  for (const line of compliance.lines) console.log(line);
  console.log(`load average at end: ${loadAverage()}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
