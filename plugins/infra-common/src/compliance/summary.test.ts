/*
 * summarizeCompliance against the full path (parse, group, evaluateCompliance) on hand-made
 * and generated catalogs. Over 500 lines on purpose: one case per rule of summary.ts.
 */
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import fc from 'fast-check';
import {
  CLOUDS,
  DeclaredControls,
  EnvironmentView,
  parseEnvironment,
  parseService,
  STAGES,
} from '../catalog';
import { controlArbitraries } from '../__testUtils__/controls';
import { goodControls, service as sharedService } from '../testUtils';
import { evaluateCompliance } from './evaluate';
import { ComplianceSummary, summarizeCompliance } from './summary';

const numRuns = process.env.CI === 'true' ? 1000 : 150;

/**
 * The full path, as the overview backend computes it: every entity parsed into its view,
 * environments grouped by the services they name (a broken one by the refs it declares),
 * then the full report per service; problems are the parsers' issues.
 */
function fullPath(
  services: Entity[],
  environments: Entity[],
): Map<string, ComplianceSummary> {
  const envsByService = new Map<string, EnvironmentView[]>();
  const issuesByService = new Map<string, number>();
  const ownersOfBroken = (entity: Entity) => {
    const refs = new Set<string>();
    for (const r of entity.relations ?? []) {
      if (
        r.type === RELATION_DEPENDENCY_OF &&
        r.targetRef.startsWith('component:')
      )
        refs.add(r.targetRef);
    }
    const declared = (entity.spec ?? {}).dependencyOf;
    for (const value of Array.isArray(declared) ? declared : []) {
      if (typeof value !== 'string' || !value) continue;
      try {
        const ref = stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind: 'component',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        );
        if (ref.startsWith('component:')) refs.add(ref);
      } catch {
        // not a ref: names no service
      }
    }
    return [...refs];
  };
  for (const entity of environments) {
    const parsed = parseEnvironment(entity);
    for (const ref of parsed.ok
      ? parsed.value.serviceRefs
      : ownersOfBroken(entity)) {
      if (parsed.ok)
        envsByService.set(ref, [
          ...(envsByService.get(ref) ?? []),
          parsed.value,
        ]);
      issuesByService.set(
        ref,
        (issuesByService.get(ref) ?? 0) + parsed.issues.length,
      );
    }
  }
  const result = new Map<string, ComplianceSummary>();
  for (const entity of services) {
    const parsed = parseService(entity);
    const ref = stringifyEntityRef(entity);
    const envs = envsByService.get(ref) ?? [];
    const report = evaluateCompliance(
      parsed.ok ? parsed.value.frameworks : [],
      envs,
    );
    result.set(ref, {
      frameworks: Object.fromEntries(
        report.frameworks.map(f => [f.framework, f.status]),
      ),
      environments: envs.length,
      problems: parsed.issues.length + (issuesByService.get(ref) ?? 0),
    });
  }
  return result;
}

/** Comparable form: key order of the statuses included. */
const entriesOf = (summaries: Map<string, ComplianceSummary>) =>
  [...summaries].map(([ref, s]) => [
    ref,
    Object.entries(s.frameworks),
    s.environments,
    s.problems,
  ]);

// --- Hand-written catalogs ---------------------------------------------------------

/** Every control declared and met; audit logs kept six years, HIPAA's recommendation. */
const allGood: DeclaredControls = {
  ...goodControls,
  auditLogRetentionDays: 2190,
} as DeclaredControls;

/** A service with its frameworks annotation, from the shared test entities. */
const service = (name: string, frameworks?: string) =>
  sharedService(name, { frameworks });

function environment(
  name: string,
  of: string[],
  stage: string,
  controls: unknown,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'environment',
      owner: 'group:default/team',
      dependencyOf: of.map(s => `component:default/${s}`),
      environment: {
        name: stage.slice(0, 4),
        stage,
        cloud: 'aws',
        regions: ['eu-west-1'],
        controls,
      } as any,
    },
  };
}

describe('summarizeCompliance', () => {
  it('gives the status of each framework of each service, in annotation order', () => {
    const services = [
      service('good', 'pci-dss, soc2'),
      service('weak-pci', 'soc2,pci-dss'),
      service('no-restore-test', 'soc2'),
      service('no-data', 'gdpr'),
    ];
    const environments = [
      environment('good-dev', ['good'], 'development', allGood),
      environment('good-prod', ['good'], 'production', allGood),
      // PCI DSS 10.5.1 requires 365 days of audit logs, so non-compliant; SOC 2 only
      // recommends it (CC7.2), so at risk.
      environment('weak-pci-prod', ['weak-pci'], 'production', {
        ...allGood,
        auditLogRetentionDays: 90,
      }),
      // A recommended SOC 2 control fails: at risk.
      environment('no-restore-test-prod', ['no-restore-test'], 'production', {
        ...allGood,
        restoreTested: false,
      }),
      environment('no-data-prod', ['no-data'], 'production', {}),
    ];
    const summaries = summarizeCompliance(services, environments);
    expect(entriesOf(summaries)).toEqual([
      [
        'component:default/good',
        [
          ['pci-dss', 'compliant'],
          ['soc2', 'compliant'],
        ],
        2,
        0,
      ],
      [
        'component:default/weak-pci',
        [
          ['soc2', 'at-risk'],
          ['pci-dss', 'non-compliant'],
        ],
        1,
        0,
      ],
      ['component:default/no-restore-test', [['soc2', 'at-risk']], 1, 0],
      ['component:default/no-data', [['gdpr', 'unknown']], 1, 0],
    ]);
    expect(entriesOf(summaries)).toEqual(
      entriesOf(fullPath(services, environments)),
    );
  });

  it('leaves out an environment the contract rejects, as the full report does, and counts its problems', () => {
    const services = [
      service('half-broken', 'soc2'),
      service('all-broken', 'soc2'),
    ];
    const environments = [
      environment('half-broken-prod', ['half-broken'], 'production', allGood),
      // A misspelt control: the whole environment cannot be read, so it gives no data.
      environment('half-broken-dev', ['half-broken'], 'development', {
        ...allGood,
        wafEnabled: true,
      }),
      environment('all-broken-prod', ['all-broken'], 'production', {
        ...allGood,
        auditLogRetentionDays: 'a year',
      }),
    ];
    const summaries = summarizeCompliance(services, environments);
    expect(summaries.get('component:default/half-broken')).toEqual({
      frameworks: { soc2: 'compliant' },
      environments: 1,
      problems: 1,
    });
    expect(summaries.get('component:default/all-broken')).toEqual({
      frameworks: { soc2: 'unknown' },
      environments: 0,
      problems: 1,
    });
    expect(entriesOf(summaries)).toEqual(
      entriesOf(fullPath(services, environments)),
    );
  });

  it('counts an environment for every service it names, and an unknown framework id as a problem', () => {
    const services = [service('a', 'hipaa, sox'), service('b', 'hipaa')];
    const shared = environment('shared-prod', ['a', 'b', 'a'], 'production', {
      ...allGood,
      backups: false,
    });
    const summaries = summarizeCompliance(services, [shared]);
    expect(summaries.get('component:default/a')).toEqual({
      frameworks: { hipaa: 'non-compliant' },
      environments: 1,
      problems: 1,
    });
    expect(summaries.get('component:default/b')).toEqual({
      frameworks: { hipaa: 'non-compliant' },
      environments: 1,
      problems: 0,
    });
  });

  it('is unknown for a service without environments, and empty without frameworks', () => {
    const summaries = summarizeCompliance(
      [service('lonely', 'iso27001'), service('plain')],
      [],
    );
    expect(summaries.get('component:default/lonely')).toEqual({
      frameworks: { iso27001: 'unknown' },
      environments: 0,
      problems: 0,
    });
    expect(summaries.get('component:default/plain')).toEqual({
      frameworks: {},
      environments: 0,
      problems: 0,
    });
  });
});

// --- Generated catalogs --------------------------------------------------------------

const NAMES = ['pay', 'cart', 'Search', 'auth'];
/** Mostly the default namespace, so that generated environments often name a generated service. */
const NAMESPACES = ['default', 'default', 'default', 'ops'];

/** Retention counts on both sides of every framework's floor. */
const controlValue = controlArbitraries({
  auditLogRetentionDays: fc.constantFrom(
    0,
    7,
    90,
    364,
    365,
    366,
    2189,
    2190,
    5000,
  ),
  backupRetentionDays: fc.constantFrom(0, 6, 7, 29, 30, 35),
});
const CONTROL_NAMES = Object.keys(controlValue);

/** Values next to the valid ones: wrong types, out of range, near-miss enums. */
const oddValue = fc.constantFrom<unknown>(
  null,
  '',
  'true',
  'managed',
  'Managed-Key',
  '1.1',
  'EU',
  -1,
  1.5,
  365.5,
  '365',
  0,
  1,
  [],
  {},
  true,
  false,
);

const ABSENT = Symbol('absent');

/** Per control: mostly the passing value, sometimes any valid value, sometimes absent. */
const someControls = fc
  .record(
    Object.fromEntries(
      CONTROL_NAMES.map(key => [
        key,
        fc.oneof(
          {
            weight: 12,
            arbitrary: fc.constant(allGood[key as keyof DeclaredControls]),
          },
          { weight: 1, arbitrary: controlValue[key as keyof DeclaredControls] },
          { weight: 1, arbitrary: fc.constant(ABSENT) },
        ),
      ]),
    ),
  )
  .map(c =>
    Object.fromEntries(Object.entries(c).filter(([, v]) => v !== ABSENT)),
  );

/** Mostly valid controls, in the schema's order or not, sometimes with a bad or unknown field. */
const controls: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: someControls },
  { weight: 2, arbitrary: fc.record(controlValue, { requiredKeys: [] }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        someControls,
        fc.constantFrom(...CONTROL_NAMES, 'wafEnabled', 'constructor'),
        oddValue,
      )
      .map(([c, key, value]) => ({ ...c, [key]: value })),
  },
  {
    weight: 1,
    arbitrary: someControls.map(c =>
      Object.fromEntries(Object.entries(c).reverse()),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(undefined, null, 'all', [], {}),
  },
);

const environmentData: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 19,
    arbitrary: fc.record(
      {
        name: fc.oneof(
          {
            weight: 19,
            arbitrary: fc.constantFrom('dev', 'staging', 'prod', 'prod-eu'),
          },
          { weight: 1, arbitrary: fc.constantFrom('Prod', '') },
        ),
        stage: fc.oneof(
          { weight: 19, arbitrary: fc.constantFrom(...STAGES) },
          { weight: 1, arbitrary: oddValue },
        ),
        cloud: fc.oneof(
          { weight: 19, arbitrary: fc.constantFrom(...CLOUDS) },
          { weight: 1, arbitrary: fc.constant('aws-eu') },
        ),
        regions: fc.oneof(
          { weight: 19, arbitrary: fc.constant(['eu-west-1']) },
          {
            weight: 1,
            arbitrary: fc.constantFrom<unknown>([], [''], 'eu-west-1', [
              'eu-west-1',
              3,
            ]),
          },
        ),
        multiAz: fc.oneof(
          { weight: 19, arbitrary: fc.boolean() },
          { weight: 1, arbitrary: oddValue },
        ),
        drPattern: fc.oneof(
          {
            weight: 19,
            arbitrary: fc.constantFrom(
              'warm-standby',
              'pilot-light',
              'active-active',
              'backup-restore',
            ),
          },
          { weight: 1, arbitrary: fc.constant('hot') },
        ),
        controls,
      },
      { requiredKeys: ['name', 'stage', 'cloud', 'regions'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(undefined, null, 'prod', []),
  },
);

/** The many ways an environment names its service, some of them naming none. */
const serviceRef = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMESPACES))
  .chain(([name, ns]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(`component:${ns}/${name}`) },
      {
        weight: 4,
        arbitrary: fc.constantFrom<unknown>(
          `component:${name}`,
          `Component:${ns.toUpperCase()}/${name.toUpperCase()}`,
          name,
          `resource:${ns}/${name}`,
          `component:${ns}/`,
          42,
        ),
      },
    ),
  );

const environmentEntity: fc.Arbitrary<Entity> = fc
  .record({
    index: fc.nat(),
    namespace: fc.constantFrom(...NAMESPACES),
    kind: fc.oneof(
      { weight: 18, arbitrary: fc.constant('Resource') },
      { weight: 2, arbitrary: fc.constantFrom('resource', 'Component') },
    ),
    type: fc.oneof(
      { weight: 19, arbitrary: fc.constant('environment') },
      { weight: 1, arbitrary: fc.constant('database') },
    ),
    dependencyOf: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.array(serviceRef, { minLength: 1, maxLength: 3 }),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(undefined, 'component:default/pay'),
      },
    ),
    relations: fc.array(
      fc.record({
        type: fc.constantFrom(RELATION_DEPENDENCY_OF, 'ownedBy'),
        targetRef: fc.constantFrom(
          ...NAMES.map(n => `component:default/${n.toLowerCase()}`),
          'group:default/team',
        ),
      }),
      { maxLength: 2 },
    ),
    iacPath: fc.constantFrom(
      undefined,
      'terraform/envs/prod',
      '/etc',
      'envs/../../x',
    ),
    environment: environmentData,
  })
  .map(
    ({
      index,
      namespace,
      kind,
      type,
      dependencyOf,
      relations,
      iacPath,
      environment: env,
    }) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name: `env-${index}`,
        namespace,
        ...(iacPath ? { annotations: { 'plinth.dev/iac-path': iacPath } } : {}),
      },
      spec: {
        type,
        owner: 'group:default/team',
        dependencyOf,
        environment: env,
      } as Entity['spec'],
      relations,
    }),
  );

const frameworkList = fc
  .array(
    fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom(
          'soc2',
          'iso27001',
          'hipaa',
          'pci-dss',
          'gdpr',
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom('sox', 'PCI-DSS', ' soc2 ', '') },
    ),
    { maxLength: 6 },
  )
  .chain(ids => fc.constantFrom(ids.join(','), ids.join(', ')));

const serviceEntity: fc.Arbitrary<Entity> = fc
  .record({
    name: fc.constantFrom(...NAMES),
    namespace: fc.constantFrom(...NAMESPACES),
    kind: fc.constantFrom(
      'Component',
      'Component',
      'Component',
      'component',
      'System',
    ),
    frameworks: fc.option(frameworkList, { nil: undefined }),
  })
  .map(({ name, namespace, kind, frameworks }) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace,
      ...(frameworks === undefined
        ? {}
        : { annotations: { 'plinth.dev/compliance-frameworks': frameworks } }),
    },
    spec: { type: 'service', owner: 'group:default/team' },
  }));

/*
 * Generated with these weights, 1,000 catalogs give roughly: services with 0 / 1 / 2 / 3+
 * environments 1,700 / 600 / 400 / 450; statuses unknown 2,200, non-compliant 860,
 * at-risk 740, compliant 330; services with problems about three in four.
 */
describe('summarizeCompliance against the full report', () => {
  it('gives every service the statuses, environment count and problems of the full path', () => {
    fc.assert(
      fc.property(
        fc.array(serviceEntity, { maxLength: 8 }),
        fc.array(environmentEntity, { maxLength: 20, size: 'medium' }),
        (services, environments) => {
          // As the catalog API returns them: JSON.
          const [s, e] = JSON.parse(JSON.stringify([services, environments]));
          expect(entriesOf(summarizeCompliance(s, e))).toEqual(
            entriesOf(fullPath(s, e)),
          );
        },
      ),
      { numRuns },
    );
  });
});
