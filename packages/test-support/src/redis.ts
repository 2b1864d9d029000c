/*
 * Starts a throw-away Redis server for integration tests (Debian's `redis-server`): on a
 * free loopback port, no persistence, stopped by `stop()`. Backstage's cache service uses
 * it with `backend.cache: { store: redis, connection: <url> }`.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './backend';
import { requireOrSkip } from './reference';

export interface RunningRedis {
  /** A `redis://` URL for the server. */
  url: string;
  stop(): Promise<void>;
}

function redisServerRuns(): boolean {
  return (
    spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

/**
 * For suites that need Redis: true when it is missing and the suite should skip (with
 * a visible message); under CI=true its absence is a failure instead.
 */
export function redisUnavailable(suite: string): boolean {
  return !requireOrSkip(
    `${suite}: redis-server (Debian package redis-server)`,
    redisServerRuns(),
  );
}

export async function startRedis(): Promise<RunningRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'plinth-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      30_000,
    );
    child.stdout?.on('data', chunk => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise(done => child.on('exit', done));
        child.kill('SIGKILL');
        await gone;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
