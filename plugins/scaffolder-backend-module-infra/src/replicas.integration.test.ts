/*
 * Two portal backends on one PostgreSQL and one Redis, as two replicas behind one URL:
 * - tasks submitted to replica A complete once each (one task run, one repository, one
 *   commit), whichever replica's worker claimed them;
 * - both replicas serve the same overview (the same snapshot, by its generatedAt) within
 *   the cache TTL, because the snapshot lives in Backstage's cache service (Redis here);
 * - after A is SIGKILLed while publishing, B recovers A's tasks (scaffolder.taskRecovery)
 *   and they complete; nothing partial reaches the folder or the catalog.
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import {
  postgresUnavailable,
  redisUnavailable,
  RunningBackend,
  RunningPostgres,
  RunningRedis,
  startBackendOnPostgres,
  startPostgres,
  startRedis,
} from '@plinth/test-support';
import {
  entitiesFromLocalRepositories,
  eventually,
  killAt,
  repositoryProblems,
  settledTask,
  submitTask,
  taskFolders,
  visibleRepositories,
  waitForTemplate,
} from './__testUtils__/portalTasks';

// Two backend starts: 256 s on a shared two-core machine under heavy load.
jest.setTimeout(900_000);

const TTL_SECONDS = 5;

// Each fails under CI=true when missing; elsewhere the suite says it skipped.
const missing =
  postgresUnavailable('replicas on PostgreSQL and Redis') ||
  redisUnavailable('replicas on PostgreSQL and Redis');
const describeReplicas = missing ? describe.skip : describe;

const started = Date.now();
const progress = (what: string) =>
  process.stderr.write(
    `[replicas ${Math.round((Date.now() - started) / 1000)} s] ${what}\n`,
  );

describeReplicas('two replicas on one PostgreSQL and one Redis', () => {
  // The replicas share the scaffolder's working directory, as a shared volume would;
  // without one (or a workspace provider) a recovered task fails cleanly instead.
  const folders = taskFolders('plinth-replicas-');
  const { localDirectory } = folders;
  let postgres: RunningPostgres | undefined;
  let redis: RunningRedis | undefined;
  let a: RunningBackend | undefined;
  let b: RunningBackend | undefined;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const base = folders.config;
    const config = {
      ...base,
      backend: {
        ...base.backend,
        cache: { store: 'redis', connection: redis.url },
      },
      infra: { overview: { cacheTtlSeconds: TTL_SECONDS } },
    };
    const start = () => startBackendOnPostgres(postgres!, { config });
    // One after the other, as a rolling deployment does: the first runs the migrations.
    a = await start();
    b = await start();
    await Promise.all([waitForTemplate(a), waitForTemplate(b)]);
    progress('both replicas up');
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([postgres?.stop(), redis?.stop()]);
    folders.remove();
  });

  async function expectCompletedOnce(ids: string[], services: string[]) {
    for (const [i, id] of ids.entries()) {
      const outcome = await settledTask(b!, id);
      expect({ service: services[i], status: outcome.status }).toEqual({
        service: services[i],
        status: 'completed',
      });
      expect(outcome.events.filter(e => e.type === 'completion')).toHaveLength(
        1,
      );
      const repo = path.join(localDirectory, `${services[i]}-infra`);
      expect(await repositoryProblems(repo)).toEqual([]);
      expect(await git.log({ fs, dir: repo })).toHaveLength(1);
    }
  }

  it('runs tasks submitted to one replica once each', async () => {
    const services = ['replica-one', 'replica-two'];
    const ids = [];
    for (const service of services) ids.push(await submitTask(a!, service));
    await expectCompletedOnce(ids, services);
    progress('first tasks completed');
  });

  it('serves the same overview from both replicas within the cache TTL', async () => {
    const overview = async (replica: RunningBackend) =>
      (await replica.request('/api/infra/overview?pageSize=100')).json();
    // Within the TTL of the refresh that first sees the new services, both replicas
    // serve that one snapshot: the same generatedAt, the same rows.
    const deadline = Date.now() + 3 * TTL_SECONDS * 1000 + 60_000;
    const [fromA, fromB] = await eventually(
      async () => {
        const pair = [await overview(a!), await overview(b!)];
        const names = pair.map(p => p.items.map((s: any) => s.name));
        const complete = names.every(
          n => n.includes('replica-one') && n.includes('replica-two'),
        );
        return complete && pair[0].generatedAt === pair[1].generatedAt
          ? pair
          : undefined;
      },
      'the same overview on both replicas',
      deadline - Date.now(),
    );
    expect(fromB).toEqual(fromA);
    progress('overviews agree');
  });

  it('recovers on replica B the tasks of replica A after A is killed mid-publish', async () => {
    const services = ['replica-three', 'replica-four'];
    const ids = [];
    for (const service of services) ids.push(await submitTask(a!, service));
    const seen = await killAt(
      a!,
      localDirectory,
      `${services[0]}-infra`,
      'copying',
    );
    progress(`replica A killed (${services[0]} ${seen})`);
    for (const repo of visibleRepositories(localDirectory)) {
      expect(await repositoryProblems(repo)).toEqual([]);
    }

    await expectCompletedOnce(ids, services);
    // At least one of them was A's and had to be recovered by B.
    const recovered = [];
    for (const id of ids) {
      const { events } = await settledTask(b!, id);
      if (events.some(e => e.type === 'recovered')) recovered.push(id);
    }
    expect(recovered.length).toBeGreaterThan(0);
    progress(`recovered on B: ${recovered.length} of ${ids.length}`);

    // The catalog holds entities only from whole repositories, one per task.
    const all = ['replica-one', 'replica-two', 'replica-three', 'replica-four'];
    const byRepo = await eventually(async () => {
      const found = await entitiesFromLocalRepositories(b!, localDirectory);
      return all.every(s =>
        found
          .get(path.join(localDirectory, `${s}-infra`))
          ?.includes(`Component:${s}`),
      )
        ? found
        : undefined;
    }, 'every published service in the catalog');
    for (const repo of byRepo.keys()) {
      expect(await repositoryProblems(repo)).toEqual([]);
    }
    expect(visibleRepositories(localDirectory).sort()).toEqual(
      all.map(s => path.join(localDirectory, `${s}-infra`)).sort(),
    );
  });
});
