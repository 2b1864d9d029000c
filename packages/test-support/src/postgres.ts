/*
 * Starts a throw-away PostgreSQL server for integration tests: a new cluster in a temporary
 * directory, on a free loopback port, stopped and deleted by `stop()`. It uses the machine's
 * PostgreSQL binaries (Debian's `postgresql` package); no Docker.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RunningPostgres {
  connection: {
    host: string;
    port: number;
    user: string;
    password: string;
    database: string;
  };
  /** A `postgres://` URL for the same connection. */
  url: string;
  stop(): Promise<void>;
}

/** The newest PostgreSQL server binaries on this machine, or undefined. */
export function findPostgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter(v => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a server, or returns undefined when PostgreSQL is not installed. PostgreSQL refuses
 * to run as root, so under root (as in CI) the cluster belongs to the `postgres` user.
 */
export async function startPostgres(): Promise<RunningPostgres | undefined> {
  const bin = findPostgresBinDir();
  if (!bin) return undefined;

  const dir = await mkdtemp(join(tmpdir(), 'plinth-pg-'));
  const asRoot = process.getuid?.() === 0;
  const exec = async (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    return run(file, argv, { cwd: dir });
  };
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }

  const user = 'plinth';
  const data = join(dir, 'data');
  await exec('initdb', [
    '-D',
    data,
    '-U',
    user,
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  await exec('pg_ctl', [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);

  const connection = {
    host: '127.0.0.1',
    port,
    user,
    password: 'plinth',
    database: 'postgres',
  };
  return {
    connection,
    url: `postgres://${user}:plinth@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
        () => {},
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For suites that need PostgreSQL: under CI=true its absence is a failure, elsewhere the
 * suite is skipped with a visible message.
 */
export function postgresUnavailable(suite: string): boolean {
  if (findPostgresBinDir()) return false;
  const message = `${suite}: PostgreSQL server binaries not found (apt-get install postgresql)`;
  if (process.env.CI === 'true') throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED ${message}`);
  return true;
}
