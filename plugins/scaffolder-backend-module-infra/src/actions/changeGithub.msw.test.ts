/*
 * The GitHub change flow (issue 16, acceptance 4): infra:change:prepare, then Backstage's
 * real publish:github:pull-request, against a GitHub API mocked with msw. Asserts the
 * branch, the commit (git data API: blobs, tree, commit, ref) and the pull request calls,
 * and that a re-run updates the same pull request instead of opening another.
 */
import fs from 'node:fs';
import { ConfigReader } from '@backstage/config';
import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { changeAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createInfraChangePrepareAction } from './changePrepare';
import { generated, readerOf } from '../__testUtils__/changeRepository';

const API = 'https://api.github.com';
const REPO = `${API}/repos/acme/payments-api-infra`;

const { before, after } = changeAnswers;

interface Call {
  method: string;
  path: string;
  body?: any;
}

describe('the GitHub change flow against a mocked GitHub API', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const config = new ConfigReader({
    integrations: { github: [{ host: 'github.com', token: 'test-token' }] },
  });
  const integrations = ScmIntegrations.fromConfig(config);
  const pullRequest = createPublishGithubPullRequestAction({
    integrations,
    githubCredentialsProvider:
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    config,
  });

  const previous = generated(before);
  const conflicting = previous['catalog-info.yaml'].replace(
    /99\.9\b/g,
    '99.99',
  );
  const repository = { ...previous, 'catalog-info.yaml': conflicting };

  let calls: Call[];
  let blobs: Map<string, string>;
  let openPullRequest: { number: number; branch: string } | undefined;

  beforeEach(() => {
    calls = [];
    blobs = new Map();
    openPullRequest = undefined;
    const record = async (method: string, request: Request) => {
      const body =
        method === 'GET' || method === 'HEAD'
          ? undefined
          : await request.clone().json();
      // Octokit escapes the slashes of a ref in the path.
      calls.push({
        method,
        path: decodeURIComponent(new URL(request.url).pathname),
        body,
      });
      return body;
    };
    server.use(
      http.get(REPO, async ({ request }) => {
        await record('GET', request);
        return HttpResponse.json({
          default_branch: 'main',
          permissions: { push: true, pull: true, admin: false },
        });
      }),
      http.get(`${REPO}/commits`, async ({ request }) => {
        await record('GET', request);
        return HttpResponse.json([
          { sha: 'base-commit', commit: { tree: { sha: 'base-tree' } } },
        ]);
      }),
      http.post(`${REPO}/git/blobs`, async ({ request }) => {
        const body = await record('POST', request);
        const sha = `blob-${blobs.size}`;
        blobs.set(
          sha,
          Buffer.from(
            body.content,
            body.encoding === 'base64' ? 'base64' : 'utf8',
          ).toString('utf8'),
        );
        return HttpResponse.json({ sha }, { status: 201 });
      }),
      http.post(`${REPO}/git/trees`, async ({ request }) => {
        await record('POST', request);
        return HttpResponse.json({ sha: 'new-tree' }, { status: 201 });
      }),
      http.post(`${REPO}/git/commits`, async ({ request }) => {
        await record('POST', request);
        return HttpResponse.json({ sha: 'new-commit' }, { status: 201 });
      }),
      // The plugin's branch query is anonymous, which graphql.query cannot match by name.
      http.post(`${API}/graphql`, async ({ request }) => {
        const { variables } = (await request.json()) as any;
        calls.push({ method: 'GRAPHQL', path: '/graphql', body: variables });
        const open =
          openPullRequest && openPullRequest.branch === variables.head;
        return HttpResponse.json({
          data: {
            repository: {
              ref: open
                ? {
                    associatedPullRequests: {
                      edges: [
                        {
                          node: {
                            id: 'PR_1',
                            number: openPullRequest!.number,
                            url: 'https://github.com/acme/payments-api-infra/pull/7',
                          },
                        },
                      ],
                    },
                  }
                : null,
            },
          },
        });
      }),
      http.post(`${REPO}/git/refs`, async ({ request }) => {
        await record('POST', request);
        return HttpResponse.json({}, { status: 201 });
      }),
      http.patch(`${REPO}/git/refs/*`, async ({ request }) => {
        await record('PATCH', request);
        return HttpResponse.json({});
      }),
      http.post(`${REPO}/pulls`, async ({ request }) => {
        const body = await record('POST', request);
        openPullRequest = { number: 7, branch: body.head.split(':')[1] };
        return HttpResponse.json(
          {
            number: 7,
            html_url: 'https://github.com/acme/payments-api-infra/pull/7',
            base: { ref: 'main' },
          },
          { status: 201 },
        );
      }),
      http.patch(`${REPO}/pulls/:number`, async ({ request }) => {
        await record('PATCH', request);
        return HttpResponse.json({
          number: 7,
          html_url: 'https://github.com/acme/payments-api-infra/pull/7',
          base: { ref: 'main' },
        });
      }),
      http.head(`${REPO}/contents/*`, async ({ request }) => {
        await record('HEAD', request);
        return new HttpResponse(null, { status: 200 });
      }),
    );
  });

  /** The template's change steps after render: prepare, then the pull request. */
  async function runChange() {
    fs.rmSync(mockDir.path, { recursive: true, force: true });
    mockDir.setContent({ workspace: generated(after) });
    const prepareCtx = createMockActionContext({
      input: {
        sourceUrl: 'https://github.com/acme/payments-api-infra/tree/main',
      },
      workspacePath,
    });
    await createInfraChangePrepareAction({
      reader: readerOf(repository),
    }).handler(prepareCtx);
    const prepared = Object.fromEntries(
      (prepareCtx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    const prCtx = createMockActionContext({
      input: {
        repoUrl: 'github.com?owner=acme&repo=payments-api-infra',
        branchName: prepared.branchName,
        title: prepared.title,
        description: prepared.description,
        filesToDelete: prepared.removed,
        update: true,
      },
      workspacePath,
    });
    await pullRequest.handler(prCtx as any);
    return { prepared, prCtx };
  }

  it('opens one pull request on the change branch with one commit of the merged files', async () => {
    const { prepared, prCtx } = await runChange();
    const branch = prepared.branchName as string;
    expect(branch).toMatch(/^plinth\/change-[0-9a-f]{12}$/);

    // One tree on the base tree, one commit on the base commit, a new branch ref to it.
    const trees = calls.filter(c => c.path.endsWith('/git/trees'));
    expect(trees).toHaveLength(1);
    expect(trees[0].body.base_tree).toBe('base-tree');
    const commits = calls.filter(
      c => c.path.endsWith('/git/commits') && c.method === 'POST',
    );
    expect(commits).toHaveLength(1);
    expect(commits[0].body).toMatchObject({
      tree: 'new-tree',
      parents: ['base-commit'],
    });
    expect(calls.filter(c => c.path.endsWith('/git/refs'))).toEqual([
      expect.objectContaining({
        method: 'POST',
        body: expect.objectContaining({
          ref: `refs/heads/${branch}`,
          sha: 'new-commit',
        }),
      }),
    ]);
    // The tree carries the merge: the staging root is new, the conflict keeps the repository's text.
    const tree = new Map<string, string>(
      trees[0].body.tree.map((e: any) => [
        e.path,
        blobs.get(e.sha) ?? e.content,
      ]),
    );
    expect(tree.get('terraform/envs/staging/main.tf')).toBeDefined();
    expect(tree.get('catalog-info.yaml')).toBe(conflicting);

    // One pull request from the branch to main, its description listing the conflict.
    const pulls = calls.filter(c => c.path.endsWith('/pulls'));
    expect(pulls).toHaveLength(1);
    expect(pulls[0].body).toMatchObject({
      head: `acme:${branch}`,
      base: 'main',
      title: 'Change the infrastructure of payments-api',
    });
    expect(pulls[0].body.body).toContain('- `catalog-info.yaml`');
    expect(prCtx.output).toHaveBeenCalledWith('pullRequestNumber', 7);
  });

  it('a re-run updates the same pull request and branch instead of opening another', async () => {
    const first = await runChange();
    calls = [];
    const second = await runChange();
    expect(second.prepared.branchName).toBe(first.prepared.branchName);
    const branch = second.prepared.branchName as string;
    expect(
      calls.filter(c => c.path.endsWith('/pulls') && c.method === 'POST'),
    ).toEqual([]);
    expect(calls.filter(c => c.path.endsWith('/git/refs'))).toEqual([]);
    expect(calls).toContainEqual(
      expect.objectContaining({
        method: 'PATCH',
        path: `/repos/acme/payments-api-infra/git/refs/heads/${branch}`,
      }),
    );
    expect(calls).toContainEqual(
      expect.objectContaining({
        method: 'PATCH',
        path: '/repos/acme/payments-api-infra/pulls/7',
      }),
    );
    expect(second.prCtx.output).toHaveBeenCalledWith('pullRequestNumber', 7);
  });
});
