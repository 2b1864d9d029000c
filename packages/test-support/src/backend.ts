/*
 * Starts the real portal backend (packages/backend) as a child process, the way `yarn start`
 * does, on a free port with an overlay configuration. Used by the backend integration tests
 * and the end-to-end harness.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { RunningPostgres } from './postgres';

// The repository root: this package lives in packages/test-support.
export const repoRoot = resolve(
  dirname(require.resolve('@plinth/test-support/package.json')),
  '../..',
);

export interface StartBackendOptions {
  /** Defaults to SQLite in memory, as app-config.yaml says. */
  database?: { client: 'pg'; connection: object };
  /** Configuration files read after app-config.yaml, relative to the repository root. */
  configFiles?: string[];
  /** Extra environment variables for the backend process. */
  env?: Record<string, string>;
  /** Fixed port; a free one by default. */
  port?: number;
  /** Extra configuration merged over app-config.yaml. */
  config?: Record<string, unknown>;
  /** How long to wait for the catalog to answer; 180 s by default. */
  timeoutMs?: number;
}

export interface RunningBackend {
  baseUrl: string;
  /** A guest user's token from the guest auth provider. */
  guestToken(): Promise<string>;
  /** GET/POST against the backend with the guest token. */
  request(path: string, init?: RequestInit): Promise<Response>;
  logs(): string;
  /** SIGKILL, as a crash: no shutdown hooks run. Resolves once the process is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function withoutKey(object: Record<string, unknown>, key: string) {
  return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.unref();
    server.on('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? res(address.port)
          : rej(new Error('no port')),
      );
    });
  });
}

export async function startBackend(
  options: StartBackendOptions = {},
): Promise<RunningBackend> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://localhost:${port}`;
  const dir = await mkdtemp(join(tmpdir(), 'plinth-backend-'));
  const overlay = {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { port },
      cors: { origin: baseUrl },
      ...(options.database ? { database: options.database } : {}),
      // Merged, not replaced: a test's backend settings keep the port and URLs above.
      ...(options.config?.backend as object | undefined),
    },
    ...withoutKey(options.config ?? {}, 'backend'),
  };
  // JSON is YAML: the overlay needs no serialiser of its own.
  const overlayPath = join(dir, 'app-config.test.yaml');
  await writeFile(overlayPath, JSON.stringify(overlay, null, 2));

  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [repoRoot],
      }),
      'src/index.ts',
      '--config',
      join(repoRoot, 'app-config.yaml'),
      ...(options.configFiles ?? []).flatMap(f => [
        '--config',
        join(repoRoot, f),
      ]),
      '--config',
      overlayPath,
    ],
    {
      cwd: join(repoRoot, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  child.on('exit', code => {
    exited = code;
  });

  let token: string | undefined;
  const guestToken = async () => {
    if (!token) {
      const res = await fetch(`${baseUrl}/api/auth/guest/refresh`);
      if (!res.ok) throw new Error(`guest sign-in failed: HTTP ${res.status}`);
      token = (await res.json()).backstageIdentity.token as string;
    }
    return token;
  };
  const request = async (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${await guestToken()}`,
        ...(init.headers ?? {}),
      },
    });

  const kill = async () => {
    if (exited === undefined) {
      const gone = new Promise<void>(done => child.on('exit', () => done()));
      child.kill('SIGKILL');
      await gone;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const stop = async () => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      await new Promise<void>(done => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          done();
        }, 10_000);
        child.on('exit', () => {
          clearTimeout(timer);
          done();
        });
      });
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(
        `backend exited with code ${exited}:\n${output.slice(-5000)}`,
      );
    }
    try {
      const res = await request('/api/catalog/entities?limit=1');
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `backend did not answer within the timeout:\n${output.slice(-5000)}`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return { baseUrl, guestToken, request, logs: () => output, kill, stop };
}

/** A backend on a running PostgreSQL: restarts and replicas share that one database. */
export function startBackendOnPostgres(
  postgres: RunningPostgres,
  options: Omit<StartBackendOptions, 'database'> = {},
): Promise<RunningBackend> {
  return startBackend({
    ...options,
    database: { client: 'pg', connection: postgres.connection },
  });
}
