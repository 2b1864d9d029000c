/*
 * Helpers for the tests that run the infra-request template on the real portal backend
 * (child processes, PostgreSQL) and crash it: submit a task, wait for it, place a SIGKILL
 * at a moment of publishing, and check what the catalog and the local folder hold after.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import type { RunningBackend } from '@plinth/test-support';
import { withAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';
import { STAGING_FOLDER } from '../actions/localRepository';

export const TEMPLATE_REF = 'template:default/infra-request';
export const templatePath = path.resolve(
  __dirname,
  '../../templates/infra-request/template.yaml',
);

/**
 * A throw-away root holding the published repositories' folder and the scaffolder's
 * working directory (shared by replicas, as a shared volume would be), with the
 * configuration of a backend that publishes there with task recovery on.
 */
export function taskFolders(prefix: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const localDirectory = path.join(root, 'repositories');
  const workingDirectory = path.join(root, 'work');
  fs.mkdirSync(workingDirectory, { recursive: true });
  return {
    localDirectory,
    config: recoveryConfig({ localDirectory, workingDirectory }),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Configuration for a backend that publishes into `localDirectory` with task recovery on. */
function recoveryConfig(options: {
  localDirectory: string;
  workingDirectory: string;
}) {
  return {
    backend: { workingDirectory: options.workingDirectory },
    scaffolder: {
      // A task whose heartbeat (every second) stopped 5 s ago is recovered.
      taskRecovery: { enabled: true, staleTimeout: { seconds: 5 } },
    },
    plinth: { publish: { localDirectory: options.localDirectory } },
    catalog: {
      // Only what the test needs: the template and the published repositories.
      locations: [
        {
          type: 'file',
          target: templatePath,
          rules: [{ allow: ['Template'] }],
        },
        {
          type: 'file',
          target: path.join(options.localDirectory, '*', 'catalog-info.yaml'),
        },
      ],
    },
  };
}

export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

export async function waitForTemplate(backend: RunningBackend) {
  await eventually(async () => {
    const res = await backend.request(
      `/api/catalog/entities/by-name/template/default/infra-request`,
    );
    return res.ok ? true : undefined;
  }, 'the infra-request template');
}

/** Submits the template for a service of this name; resolves to the task id. */
export async function submitTask(
  backend: RunningBackend,
  service: string,
): Promise<string> {
  const values = {
    ...withAnswers({ service: { name: service } }),
    publish: { target: 'local' },
  };
  const res = await backend.request('/api/scaffolder/v2/tasks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ templateRef: TEMPLATE_REF, values }),
  });
  if (res.status !== 201) {
    throw new Error(`task not created: ${res.status} ${await res.text()}`);
  }
  return (await res.json()).id;
}

export interface TaskOutcome {
  status: string;
  events: Array<{ type: string; body: { message?: string; stepId?: string } }>;
}

export async function taskOutcome(
  backend: RunningBackend,
  id: string,
): Promise<TaskOutcome> {
  const task = await (
    await backend.request(`/api/scaffolder/v2/tasks/${id}`)
  ).json();
  const events = await (
    await backend.request(`/api/scaffolder/v2/tasks/${id}/events`)
  ).json();
  return { status: task.status, events };
}

/** Waits until the task completed, failed or was cancelled. */
export async function settledTask(
  backend: RunningBackend,
  id: string,
  timeoutMs = 90_000,
): Promise<TaskOutcome> {
  return eventually(
    async () => {
      const outcome = await taskOutcome(backend, id);
      return ['completed', 'failed', 'cancelled'].includes(outcome.status)
        ? outcome
        : undefined;
    },
    `task ${id}`,
    timeoutMs,
  );
}

/** Where a publish has got to, read from the folder alone. */
export function publishState(localDirectory: string, repoName: string) {
  const staging = path.join(localDirectory, STAGING_FOLDER);
  const staged = fs.existsSync(staging) ? fs.readdirSync(staging) : [];
  if (fs.existsSync(path.join(localDirectory, repoName))) return 'renamed';
  if (staged.some(t => fs.existsSync(path.join(staging, t, '.git')))) {
    return 'committing';
  }
  if (staged.length > 0) return 'copying';
  return 'not started';
}

export type KillPoint = 'copying' | 'committing' | 'renamed';
const ORDER = ['not started', 'copying', 'committing', 'renamed'];

/**
 * Polls the folder every millisecond and SIGKILLs the backend as soon as the publish of
 * `repoName` has reached `point`. Resolves to the state seen just after the kill: the
 * process may have got a little further than the point in the meantime.
 */
export async function killAt(
  backend: RunningBackend,
  localDirectory: string,
  repoName: string,
  point: KillPoint,
  timeoutMs = 90_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (
    ORDER.indexOf(publishState(localDirectory, repoName)) < ORDER.indexOf(point)
  ) {
    if (Date.now() > deadline) {
      throw new Error(`publish of ${repoName} never reached ${point}`);
    }
    await new Promise(r => setTimeout(r, 1));
  }
  await backend.kill();
  return publishState(localDirectory, repoName);
}

/** Problems with a published repository folder; [] when it is a whole, clean repository. */
export async function repositoryProblems(repo: string): Promise<string[]> {
  let head: string;
  try {
    head = await git.resolveRef({ fs, dir: repo, ref: 'HEAD' });
  } catch {
    return [`${repo}: no commit`];
  }
  const problems: string[] = [];
  const files = await git.listFiles({ fs, dir: repo, ref: head });
  if (!files.includes('catalog-info.yaml')) {
    problems.push(`${repo}: catalog-info.yaml not committed`);
  }
  for (const [file, h, w, s] of await git.statusMatrix({ fs, dir: repo })) {
    if (!(h === 1 && w === 1 && s === 1)) {
      problems.push(`${repo}: ${file} differs from the commit`);
    }
  }
  return problems;
}

/** Every entity the catalog holds from the local repositories folder, by repository. */
export async function entitiesFromLocalRepositories(
  backend: RunningBackend,
  localDirectory: string,
): Promise<Map<string, string[]>> {
  const res = await backend.request(
    '/api/catalog/entities?fields=kind,metadata.name,metadata.annotations',
  );
  const byRepo = new Map<string, string[]>();
  for (const entity of await res.json()) {
    const location: string =
      entity.metadata.annotations?.['backstage.io/managed-by-location'] ?? '';
    const file = location.replace(/^file:/, '');
    // `<localDirectory>/<repo>/catalog-info.yaml`; the glob's own Location entity has `*`.
    const repo = path.dirname(file);
    if (path.dirname(repo) !== localDirectory || path.basename(repo) === '*') {
      continue;
    }
    byRepo.set(repo, [
      ...(byRepo.get(repo) ?? []),
      `${entity.kind}:${entity.metadata.name}`,
    ]);
  }
  return byRepo;
}

/** The repository folders the catalog's glob can see (the staging folder is not one). */
export function visibleRepositories(localDirectory: string): string[] {
  if (!fs.existsSync(localDirectory)) return [];
  return fs
    .readdirSync(localDirectory)
    .filter(name => name !== STAGING_FOLDER)
    .map(name => path.join(localDirectory, name));
}
