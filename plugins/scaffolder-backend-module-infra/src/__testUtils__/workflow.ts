import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * Parses a GitHub Actions workflow with @actions/workflow-parser (in a child
 * process, see validateWorkflow.mjs) and resolves to its errors; [] when valid.
 */
export function validateWorkflow(content: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(__dirname, 'validateWorkflow.mjs')],
      { cwd: __dirname },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(`workflow parser failed: ${stderr || error.message}`),
          );
          return;
        }
        resolve(JSON.parse(stdout));
      },
    );
    child.stdin!.end(content);
  });
}
