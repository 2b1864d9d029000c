import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { requireOrSkip } from './reference';

const execFileAsync = promisify(execFile);

/** True when Prometheus' `promtool` can run here (Debian package `prometheus`). */
export function hasPromtool(): boolean {
  const result = spawnSync('promtool', ['--version'], { stdio: 'ignore' });
  return requireOrSkip(
    'promtool (Debian package prometheus)',
    result.status === 0,
  );
}

/** Runs promtool and returns its output; a non-zero exit rejects with that output. */
export async function promtool(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync('promtool', args, { cwd });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `promtool ${args.join(' ')} failed:\n${e.stdout ?? ''}${
        e.stderr ?? e.message
      }`,
    );
  }
}
