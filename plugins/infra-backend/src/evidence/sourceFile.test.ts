/*
 * GET /source serves one Terraform file of an environment's local repository, and
 * refuses everything else: a path leaving the repository (`..`, absolute, a symlink), a
 * file that is not Terraform, an entity the caller may not read, a URL-sourced one.
 */
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import express from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createRouter } from '../router';
import type { StoredEvidence } from './EvidenceCollector';

const READER = 'user:default/reader';
const OUTSIDER = 'user:default/outsider';
const LOCAL = 'resource:default/shop-prod';
const REMOTE = 'resource:default/remote-prod';

const environment = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'environment' },
});

describe('GET /source', () => {
  let dir: string;
  let repo: string;
  let app: express.Express;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plinth-source-'));
    repo = path.join(dir, 'shop');
    fs.mkdirSync(path.join(repo, 'terraform/envs/prod'), { recursive: true });
    fs.writeFileSync(
      path.join(repo, 'terraform/envs/prod/main.tf'),
      'module "data" {\n  source = "../../modules/data"\n}\n',
    );
    fs.writeFileSync(path.join(repo, 'terraform/envs/prod/secrets.env'), 'x');
    // Next to the repository, as another team's repository would be.
    fs.writeFileSync(path.join(dir, 'other.tf'), 'resource "x" "y" {}\n');
    fs.symlinkSync(path.join(dir, 'other.tf'), path.join(repo, 'escape.tf'));

    const stored = (ref: string, location: string): StoredEvidence => ({
      entityRef: ref,
      iacPath: 'terraform/envs/prod',
      source: { location, revision: 'r1', readAt: '2026-01-01T00:00:00Z' },
      findings: { fields: {}, errors: [] } as any,
    });
    const evidence = new Map([
      [LOCAL, stored(LOCAL, `file:${repo}`)],
      [REMOTE, stored(REMOTE, 'url:https://github.com/acme/shop/tree/main')],
    ]);
    const entities = [environment('shop-prod'), environment('remote-prod')];
    // The catalog answers with the caller's permissions: the outsider reads nothing.
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async (ref: any, opts: any) =>
        opts.credentials.principal.userEntityRef === READER
          ? entities.find(e => `resource:default/${e.metadata.name}` === ref)
          : undefined,
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      catalog,
      summaries: { get: jest.fn() },
      evidence: { get: ref => evidence.get(ref) },
    });
    app = express();
    app.use(router);
    app.use(mockErrorHandler());
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const get = (entityRef: string, file: string, user = READER) =>
    request(app)
      .get('/source')
      .query({ entityRef, path: file })
      .set('authorization', mockCredentials.user.header(user));

  it('serves a Terraform file of the repository to a caller who may read the environment', async () => {
    const res = await get(LOCAL, 'terraform/envs/prod/main.tf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(
      'module "data" {\n  source = "../../modules/data"\n}\n',
    );
  });

  it.each([
    ['a parent-folder path', '../other.tf'],
    ['a deeper parent-folder path', 'terraform/../../other.tf'],
    ['an absolute path', path.join(os.tmpdir(), 'other.tf')],
    ['a symlink out of the repository', 'escape.tf'],
  ])('refuses %s with 403', async (_what, file) => {
    const res = await get(LOCAL, file);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('resource "x"');
  });

  it('refuses a file that is not Terraform', async () => {
    const res = await get(LOCAL, 'terraform/envs/prod/secrets.env');
    expect(res.status).toBe(400);
  });

  it('answers 404 to a caller who may not read the environment, as for a missing one', async () => {
    const res = await get(LOCAL, 'terraform/envs/prod/main.tf', OUTSIDER);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('module "data"');
  });

  it('refuses a caller without credentials', async () => {
    const res = await request(app)
      .get('/source')
      .query({ entityRef: LOCAL, path: 'terraform/envs/prod/main.tf' })
      .set('authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('never fetches a URL-sourced repository: its files are linked to their host', async () => {
    const res = await get(REMOTE, 'terraform/envs/prod/main.tf');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('https://github.com/acme/shop');
  });

  it('answers 404 for a missing file', async () => {
    const res = await get(LOCAL, 'terraform/envs/prod/nothing.tf');
    expect(res.status).toBe(404);
  });
});
