/*
 * A real Prometheus (as in ./prometheus.ts: Debian's binary, history backfilled from
 * OpenMetrics, a free loopback port) whose recording rules also have a past:
 * `backfillRules` records them over a range
 * (`promtool tsdb create-blocks-from rules`), one dependency level per pass, because
 * promtool cannot backfill a rule from another rule's output in the same pass.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { freePort } from './backend';
import { hasPrometheus } from './prometheus';
import { moveBlocks, recordRules } from './ruleBackfill';

const run = promisify(execFile);

export interface RecordingPrometheus {
  baseUrl: string;
  /** Evaluates the recording rules over [start, end] into blocks, then restarts to load them. */
  backfillRules(range: {
    start: Date;
    end: Date;
    evalIntervalSeconds: number;
  }): Promise<void>;
  stop(): Promise<void>;
}

async function waitReady(
  baseUrl: string,
  child: ChildProcess,
  log: () => string,
) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited: ${log()}`);
    try {
      const res = await fetch(`${baseUrl}/-/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`prometheus did not become ready: ${log()}`);
}

/**
 * Starts Prometheus with `rules` (a rule file's YAML) and `openMetrics` history (an
 * OpenMetrics text ending in `# EOF`), or returns undefined when it is not installed.
 */
export async function startRecordingPrometheus(options: {
  rules: string;
  openMetrics?: string;
  evaluationInterval?: string;
}): Promise<RecordingPrometheus | undefined> {
  if (!hasPrometheus()) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'plinth-prom-'));
  const data = join(dir, 'data');
  await mkdir(data);
  if (options.openMetrics) {
    const input = join(dir, 'history.om');
    await writeFile(input, options.openMetrics);
    await run(
      'promtool',
      ['tsdb', 'create-blocks-from', 'openmetrics', input, data],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  }
  await writeFile(join(dir, 'rules.yaml'), options.rules);
  await writeFile(
    join(dir, 'prometheus.yml'),
    stringify({
      global: { evaluation_interval: options.evaluationInterval ?? '15s' },
      rule_files: ['rules.yaml'],
    }),
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let output = '';
  const start = async () => {
    output = '';
    child = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${data}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=400d',
        '--log.level=warn',
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', chunk => {
      output = (output + chunk).slice(-4000);
    });
    await waitReady(baseUrl, child, () => output);
  };
  const halt = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise(r => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    baseUrl,
    async backfillRules(range) {
      await recordRules({
        baseUrl,
        dir,
        rules: options.rules,
        ...range,
        // New blocks load at start-up; a restart keeps the test deterministic.
        load: async blocks => {
          await halt();
          await moveBlocks(blocks, data);
          await start();
        },
      });
    },
    async stop() {
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
