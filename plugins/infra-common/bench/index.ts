/* eslint-disable no-console */
/*
 * `yarn bench` in plugins/infra-common: prints the machine, the date and the medians that
 * docs/benchmarks.md records.
 */
import os from 'os';
import fs from 'fs';
import { benchPlan } from './plan.bench';
import { benchCompliance } from './compliance.bench';

function cpuModel(): string {
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find(l => l.startsWith('model name'));
    return line?.split(':')[1].trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

async function main() {
  console.log(`date: ${new Date().toISOString()}`);
  console.log(
    `machine: ${os.cpus().length} CPUs (nproc), ${cpuModel()}, ${(
      os.totalmem() /
      2 ** 30
    ).toFixed(1)} GiB memory, Node ${process.version}`,
  );
  console.log(
    `load average (1, 5, 15 min) at start: ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );
  const plan = benchPlan();
  console.log(plan.line);
  const compliance = await benchCompliance();
  for (const line of compliance.lines) console.log(line);
  console.log(
    `load average at end: ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
