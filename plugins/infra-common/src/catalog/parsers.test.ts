import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { parseEnvironment, isEnvironmentEntity } from './environment';
import {
  environmentQueryForService,
  sloQueryForService,
  toQueryString,
} from './queries';
import { parseService } from './service';
import { isSloEntity, parseSlo } from './slo';

const examplesDir = path.resolve(__dirname, '../../../../examples/infra');

function loadExamples(file: string): Entity[] {
  return parseAllDocuments(
    fs.readFileSync(path.join(examplesDir, file), 'utf8'),
  ).map(d => d.toJS() as Entity);
}

const find = (entities: Entity[], name: string) =>
  entities.find(e => e.metadata.name === name)!;

describe('parseService', () => {
  const payments = loadExamples('payments.yaml');

  it('reads the frameworks, owner and system of a service', () => {
    const result = parseService(find(payments, 'payments-api'));
    expect(result).toEqual({
      ok: true,
      issues: [],
      value: expect.objectContaining({
        ref: 'component:default/payments-api',
        frameworks: ['pci-dss', 'soc2'],
        owner: 'group:default/payments',
        system: 'system:default/payments',
        infraSource: 'url:https://github.com/acme/payments-api-infra',
      }),
    });
  });

  it('reports an unknown framework id and keeps the known ones', () => {
    const result = parseService(
      find(loadExamples('broken.yaml'), 'legacy-billing'),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.frameworks).toEqual(['soc2']);
    expect(result.issues).toEqual([
      {
        path: 'metadata.annotations["plinth.dev/compliance-frameworks"]',
        message: expect.stringContaining("unknown framework id 'fedramp'"),
      },
    ]);
  });

  it('never echoes a long annotation: a 60,000-character framework id gets a short error', () => {
    const huge = 'x'.repeat(60_000);
    const service = (annotations: Record<string, string>): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc', annotations },
      spec: { type: 'service', owner: 'group:default/team' },
    });
    for (const value of [huge, `soc2,${'y'.repeat(900)}`]) {
      const result = parseService(
        service({ 'plinth.dev/compliance-frameworks': value }),
      );
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0].message.length).toBeLessThan(300);
    }
    const source = parseService(service({ 'plinth.dev/infra-source': huge }));
    expect(source.ok && source.value.infraSource).toBeUndefined();
    expect(source.issues[0].message).toBe(
      'is 60000 characters long; at most 1000 are read',
    );
  });

  it('does not read an over-long annotation of an environment', () => {
    const env = find(payments, 'payments-api-prod');
    const result = parseEnvironment({
      ...env,
      metadata: {
        ...env.metadata,
        annotations: {
          ...env.metadata.annotations,
          'plinth.dev/iac-path': 'a/'.repeat(30_000),
        },
      },
    });
    expect(result.ok && result.value.iacPath).toBeUndefined();
    expect(result.issues).toEqual([
      {
        path: 'metadata.annotations["plinth.dev/iac-path"]',
        message: 'is 60000 characters long; at most 1000 are read',
      },
    ]);
  });

  it('collects environment refs from spec.dependsOn and relations', () => {
    const result = parseService({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'a', namespace: 'ops' },
      spec: { dependsOn: ['resource:a-dev', 'component:b'] },
      relations: [{ type: 'dependsOn', targetRef: 'resource:ops/a-prod' }],
    });
    expect(result.ok && result.value.environmentRefs).toEqual([
      'resource:ops/a-dev',
      'resource:ops/a-prod',
    ]);
  });

  it('refuses other kinds without throwing', () => {
    expect(parseService({ kind: 'API' } as Entity)).toEqual({
      ok: false,
      issues: [{ path: 'kind', message: 'expected Component' }],
    });
  });
});

describe('parseEnvironment', () => {
  const payments = loadExamples('payments.yaml');

  it('reads an environment with its controls and service', () => {
    const entity = find(payments, 'payments-api-prod');
    expect(isEnvironmentEntity(entity)).toBe(true);
    const result = parseEnvironment(entity);
    expect(result).toEqual({
      ok: true,
      issues: [],
      value: expect.objectContaining({
        ref: 'resource:default/payments-api-prod',
        environmentName: 'prod',
        stage: 'production',
        cloud: 'aws',
        regions: ['eu-west-1', 'eu-central-1'],
        multiAz: true,
        drPattern: 'warm-standby',
        serviceRefs: ['component:default/payments-api'],
        iacPath: 'terraform/envs/prod',
      }),
    });
    expect(result.ok && result.value.controls.auditLogRetentionDays).toBe(365);
  });

  it('names the field of an unknown stage', () => {
    const result = parseEnvironment(
      find(loadExamples('broken.yaml'), 'legacy-billing-qa'),
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'spec.environment.stage',
          message: 'expected one of development, staging, production',
        },
      ],
    });
  });

  it('names misspelt controls and wrong types', () => {
    const entity = structuredClone(find(payments, 'payments-api-prod'));
    const environment = entity.spec!.environment as any;
    environment.controls = { encryptionAtrest: 'none', backups: 'yes' };
    expect(
      parseEnvironment(entity)
        .issues.map(i => i.path)
        .sort(),
    ).toEqual([
      'spec.environment.controls.backups',
      'spec.environment.controls.encryptionAtrest',
    ]);
  });

  it('asks for the service when none is declared', () => {
    const entity = structuredClone(find(payments, 'payments-api-dev'));
    delete entity.spec!.dependencyOf;
    expect(parseEnvironment(entity).issues).toEqual([
      {
        path: 'spec.dependencyOf',
        message: expect.stringContaining('service'),
      },
    ]);
  });
});

describe('parseSlo', () => {
  it('reads a ratio SLO', () => {
    const entity = find(
      loadExamples('payments.yaml'),
      'payments-api-availability',
    );
    expect(isSloEntity(entity)).toBe(true);
    const result = parseSlo(entity);
    expect(result).toEqual({
      ok: true,
      issues: [],
      value: expect.objectContaining({
        ref: 'slo:default/payments-api-availability',
        serviceRef: 'component:default/payments-api',
        target: 0.9995,
        windowDays: 28,
        rolling: true,
        owner: 'group:default/payments',
        runbook: 'docs/runbooks/slo-payments-api-availability.md',
      }),
    });
    expect(result.ok && result.value.indicator.kind).toBe('ratio');
    expect(result.ok && Object.keys(result.value.indicator.queries)).toEqual([
      'good',
      'total',
    ]);
  });

  it('reads a threshold SLO with its op and value', () => {
    const result = parseSlo(
      find(loadExamples('payments.yaml'), 'payments-api-latency'),
    );
    expect(result.ok && result.value.indicator).toEqual({
      kind: 'threshold',
      queries: { raw: expect.stringContaining('histogram_quantile') },
      threshold: { op: 'lte', value: 300 },
    });
  });

  it('names the field of a bad target', () => {
    const result = parseSlo(
      find(loadExamples('broken.yaml'), 'legacy-billing-availability'),
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'spec.objectives[0].target',
          message: 'must be below 1: a fraction, 0.999 means 99.9%',
        },
      ],
    });
  });

  it('reports a malformed owner annotation', () => {
    const entity = structuredClone(
      find(loadExamples('payments.yaml'), 'payments-api-latency'),
    );
    entity.metadata.annotations!['plinth.dev/owner'] = 'group:';
    expect(parseSlo(entity).issues.map(i => i.path)).toEqual([
      'metadata.annotations["plinth.dev/owner"]',
    ]);
  });
});

describe('the example catalog', () => {
  // Components and SLOs have their own parsers; every other kind is an environment.
  const PARSERS: Record<
    string,
    (entity: Entity) => { ok: boolean; issues: unknown[] }
  > = {
    Component: parseService,
    SLO: parseSlo,
  };
  const parserFor = (kind: string) => PARSERS[kind] ?? parseEnvironment;

  const files = fs
    .readdirSync(examplesDir)
    .filter(f => f !== 'all.yaml' && f !== 'broken.yaml');

  it.each(files)('%s follows the contract', file => {
    for (const entity of loadExamples(file)) {
      const result = parserFor(entity.kind)(entity);
      expect({ name: entity.metadata.name, issues: result.issues }).toEqual({
        name: entity.metadata.name,
        issues: [],
      });
      expect(result.ok).toBe(true);
    }
  });
});

describe('catalog queries', () => {
  it('finds a service SLOs by relation, fields filtered', () => {
    const query = sloQueryForService('component:default/payments-api');
    expect(query.filter).toEqual({
      kind: 'SLO',
      'relations.sloOf': 'component:default/payments-api',
    });
    expect(decodeURIComponent(toQueryString(query))).toMatch(
      /^filter=kind=SLO,relations\.sloOf=component:default\/payments-api&fields=kind,apiVersion,/,
    );
  });

  it('finds a service environments by relation', () => {
    expect(
      environmentQueryForService('component:default/payments-api').filter,
    ).toEqual({
      kind: 'Resource',
      'spec.type': 'environment',
      'relations.dependencyOf': 'component:default/payments-api',
    });
  });
});
