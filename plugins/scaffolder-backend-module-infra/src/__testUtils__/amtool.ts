import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { amtoolCommand } from '@plinth/test-support';

export { hasAmtool } from '@plinth/test-support';

const execFileAsync = promisify(execFile);

/** Runs amtool and returns its output; a non-zero exit rejects with that output. */
export async function amtool(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(amtoolCommand(), args, {
      cwd,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `amtool ${args.join(' ')} failed:\n${e.stdout ?? ''}${
        e.stderr ?? e.message
      }`,
    );
  }
}
