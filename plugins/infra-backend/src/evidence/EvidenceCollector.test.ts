import { mockServices } from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prod, service } from '@plinth/backstage-plugin-infra-common/testUtils';
import { EVIDENCE_CACHE_KEY, EvidenceCollector } from './EvidenceCollector';

const MAIN = `module "data" {
  source    = "../../modules/data"
  encrypted = true
}
`;
const DATA = `resource "aws_db_instance" "main" {
  storage_encrypted   = var.encrypted
  kms_key_id          = "arn:aws:kms:eu-west-1:1:key/k"
  publicly_accessible = false
}
`;

function entities(
  location: string,
  infraSource?: string,
): { services: Entity[]; environments: Entity[] } {
  const annotations = infraSource
    ? { 'plinth.dev/infra-source': infraSource }
    : undefined;
  const environment = prod(
    'svc',
    { encryptionAtRest: 'managed-key' },
    { drPattern: 'backup-restore' },
    {
      annotations: {
        'backstage.io/managed-by-location': location,
        'plinth.dev/iac-path': 'terraform/envs/prod',
      },
    },
  );
  return {
    services: [service('svc', { annotations })],
    environments: [environment],
  };
}

/** A repository folder with the prod root and the data module it calls. */
function localRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plinth-collector-'));
  for (const [file, text] of [
    ['terraform/envs/prod/main.tf', MAIN],
    ['terraform/modules/data/main.tf', DATA],
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** The edit both tests make: the root passes encrypted = false to the data module. */
function turnEncryptionOff(dir: string) {
  fs.writeFileSync(
    path.join(dir, 'terraform/envs/prod/main.tf'),
    MAIN.replace('true', 'false'),
  );
}

function catalogOf(data: { services: Entity[]; environments: Entity[] }) {
  return {
    streamEntities: async function* stream(request: {
      filter: Record<string, string>;
    }) {
      yield request.filter.kind === 'Component'
        ? data.services
        : data.environments;
    },
  } as any;
}

describe('EvidenceCollector', () => {
  it('reads a local repository once, and again only when its files change', async () => {
    const dir = localRepository();
    const collector = new EvidenceCollector({
      catalog: catalogOf(
        entities(`file:${path.join(dir, 'catalog-info.yaml')}`),
      ),
      auth: mockServices.auth(),
      reader: mockServices.urlReader.mock(),
      logger: mockServices.logger.mock(),
    });
    await collector.refresh();
    const first = collector.get('resource:default/svc-prod')!;
    expect(first.source.location).toBe(`file:${dir}`);
    expect(first.findings.fields.encryptionAtRest!.value).toBe('managed-key');
    expect(collector.stats).toMatchObject({
      reads: 1,
      notModified: 0,
      evaluations: 1,
    });

    await collector.refresh();
    // Unchanged files: no read, no parse.
    expect(collector.stats).toMatchObject({
      reads: 1,
      notModified: 1,
      evaluations: 1,
    });
    expect(collector.get('resource:default/svc-prod')).toBe(first);

    turnEncryptionOff(dir);
    await collector.refresh();
    expect(collector.stats).toMatchObject({ reads: 2, evaluations: 2 });
    expect(
      collector.get('resource:default/svc-prod')!.findings.fields
        .encryptionAtRest,
    ).toMatchObject({
      value: 'none',
      locations: [{ file: 'terraform/envs/prod/main.tf', line: 3 }],
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a remote repository with readTree and the last ETag, and skips it when it has not changed', async () => {
    const reader = mockServices.urlReader.mock();
    const files = [
      {
        path: 'terraform/envs/prod/main.tf',
        content: async () => Buffer.from(MAIN),
      },
      {
        path: 'terraform/modules/data/main.tf',
        content: async () => Buffer.from(DATA),
      },
      { path: 'README.md', content: async () => Buffer.from('# not read') },
    ];
    reader.readTree.mockImplementation(
      async (_url: string, options?: { etag?: string }) => {
        if (options?.etag === 'e1') throw new NotModifiedError('unchanged');
        return { etag: 'e1', files: async () => files } as any;
      },
    );
    const collector = new EvidenceCollector({
      catalog: catalogOf(
        entities(
          'url:https://github.com/acme/svc-infra/blob/main/catalog-info.yaml',
          'url:https://github.com/acme/svc-infra/tree/main',
        ),
      ),
      auth: mockServices.auth(),
      reader,
      logger: mockServices.logger.mock(),
    });
    await collector.refresh();
    await collector.refresh();
    expect(reader.readTree).toHaveBeenNthCalledWith(
      1,
      'https://github.com/acme/svc-infra/tree/main',
      expect.objectContaining({ etag: undefined }),
    );
    expect(reader.readTree).toHaveBeenNthCalledWith(
      2,
      'https://github.com/acme/svc-infra/tree/main',
      expect.objectContaining({ etag: 'e1' }),
    );
    expect(collector.stats).toMatchObject({
      reads: 1,
      notModified: 1,
      evaluations: 1,
    });
    expect(collector.get('resource:default/svc-prod')!.source).toMatchObject({
      location: 'url:https://github.com/acme/svc-infra/tree/main',
      revision: 'e1',
    });
  });

  it('stores its results in the cache service: a second instance (or a restart) parses nothing until the code changes', async () => {
    const dir = localRepository();
    // One cache store shared by both instances, as Redis would be.
    const store = new Map<string, unknown>();
    const cache = {
      get: async (key: string) => store.get(key),
      set: async (key: string, value: unknown) => {
        store.set(key, JSON.parse(JSON.stringify(value)));
      },
      delete: async (key: string) => {
        store.delete(key);
      },
      withOptions: () => cache,
    } as any;
    const instance = () =>
      new EvidenceCollector({
        catalog: catalogOf(
          entities(`file:${path.join(dir, 'catalog-info.yaml')}`),
        ),
        auth: mockServices.auth(),
        reader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        cache,
      });
    const first = instance();
    await first.refresh();
    expect(first.stats).toMatchObject({ reads: 1, evaluations: 1 });
    expect(store.has(EVIDENCE_CACHE_KEY)).toBe(true);

    const second = instance();
    await second.restore();
    // Answers before its first run, from what the first instance stored.
    expect(second.get('resource:default/svc-prod')).toEqual(
      first.get('resource:default/svc-prod'),
    );
    await second.refresh();
    expect(second.stats).toMatchObject({
      reads: 0,
      notModified: 1,
      evaluations: 0,
    });

    turnEncryptionOff(dir);
    await second.refresh();
    expect(second.stats).toMatchObject({ reads: 1, evaluations: 1 });
    expect(
      second.get('resource:default/svc-prod')!.findings.fields.encryptionAtRest,
    ).toMatchObject({ value: 'none' });
    // The first instance takes the second's newer result instead of parsing again.
    await first.refresh();
    expect(first.stats).toMatchObject({ reads: 1, evaluations: 1 });
    expect(
      first.get('resource:default/svc-prod')!.findings.fields.encryptionAtRest,
    ).toMatchObject({ value: 'none' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
