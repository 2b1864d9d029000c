import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { InfraEntitiesProcessor } from './InfraEntitiesProcessor';
import { MissingServices } from './missingServices';
import {
  service,
  slo as sharedSlo,
} from '@plinth/backstage-plugin-infra-common/testUtils';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const slo = sharedSlo('payments-api', 'availability', 0.9995, '28d', {
  annotations: { 'plinth.dev/owner': 'group:default/payments' },
});

async function run(entity: Entity) {
  const processor = new InfraEntitiesProcessor({
    logger: mockServices.logger.mock(),
  });
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.postProcessEntity(entity, location, r =>
    emitted.push(r),
  );
  const relations = emitted.flatMap(r =>
    r.type === 'relation'
      ? [
          `${r.relation.source.kind}:${r.relation.source.name} ${r.relation.type} ${r.relation.target.kind}:${r.relation.target.name}`,
        ]
      : [],
  );
  return { result, relations, emitted };
}

describe('InfraEntitiesProcessor', () => {
  it('accepts the OpenSLO SLO kind and no other', async () => {
    const processor = new InfraEntitiesProcessor();
    await expect(processor.validateEntityKind(slo)).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({ ...slo, apiVersion: 'openslo/v2alpha' }),
    ).resolves.toBe(false);
    await expect(
      processor.validateEntityKind({
        ...slo,
        kind: 'Component',
        apiVersion: 'backstage.io/v1alpha1',
      }),
    ).resolves.toBe(false);
  });

  it('relates an SLO to its service and owner in both directions', async () => {
    const { result, relations } = await run(slo);
    expect(relations).toEqual([
      'SLO:payments-api-availability sloOf component:payments-api',
      'component:payments-api hasSlo SLO:payments-api-availability',
      'SLO:payments-api-availability ownedBy group:payments',
      'group:payments ownerOf SLO:payments-api-availability',
    ]);
    expect(result).toBe(slo);
  });

  it('records a broken SLO field as a processing error on the entity, never throwing', async () => {
    const broken = structuredClone(slo);
    (broken.spec as any).objectives[0].target = 1.5;
    const { result, relations, emitted } = await run(broken);
    expect((result as any).status.items).toEqual([
      {
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message:
          'InputError: spec.objectives[0].target: must be below 1: a fraction, 0.999 means 99.9%',
        error: expect.objectContaining({ name: 'InputError' }),
      },
    ]);
    expect(relations).toContain(
      'SLO:payments-api-availability sloOf component:payments-api',
    );
    expect(emitted.filter(r => r.type === 'error')).toEqual([]);
  });

  it('relates an environment to its service in both directions', async () => {
    const { relations } = await run({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'payments-api-prod' },
      spec: {
        type: 'environment',
        owner: 'payments',
        dependencyOf: ['component:payments-api'],
        environment: {
          name: 'prod',
          stage: 'production',
          cloud: 'aws',
          regions: ['eu-west-1'],
        },
      },
    });
    expect(relations).toEqual([
      'Resource:payments-api-prod dependencyOf component:payments-api',
      'component:payments-api dependsOn Resource:payments-api-prod',
    ]);
  });

  it('leaves Components with known frameworks untouched', async () => {
    const component = service('payments-api', { frameworks: 'pci-dss, soc2' });
    const { result } = await run(component);
    expect(result).toBe(component);
  });

  it('records an SLO whose service is not in the catalog as a processing error, after the grace period', async () => {
    let now = 0;
    const processor = new InfraEntitiesProcessor({
      logger: mockServices.logger.mock(),
      missingServices: new MissingServices({
        existing: async () => new Set(),
        now: () => now,
      }),
    });
    const process = () => processor.postProcessEntity(slo, location, () => {});
    await expect(process()).resolves.toBe(slo);
    now += 60_000;
    expect(((await process()) as any).status.items).toEqual([
      expect.objectContaining({
        level: 'error',
        message:
          'InputError: spec.service: names component:default/payments-api, which is not in the catalog',
      }),
    ]);
  });
});
