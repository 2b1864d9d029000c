import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promtoolCommand } from '@plinth/test-support';

export { hasPromtool } from '@plinth/test-support';

const execFileAsync = promisify(execFile);

/** Runs promtool and returns its output; a non-zero exit rejects with that output. */
export async function promtool(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(promtoolCommand(), args, {
      cwd,
    });
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
