/*
 * The parsers' fast paths must give the answers of the slow ones: the hand-written
 * environment check the zod schema's, and tryParseRef the catalog model's ref parser.
 */
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import fc from 'fast-check';
import { controlArbitraries } from '../__testUtils__/controls';
import {
  environmentSchema,
  parseEnvironment,
  parseEnvironmentDataFast,
} from './environment';
import { issuesFromZod } from './issues';
import { tryParseRef } from './refs';
import { CLOUDS, DR_PATTERNS, STAGES } from './types';

const numRuns = process.env.CI === 'true' ? 1000 : 100;

const CONTROL_VALUES = controlArbitraries({
  auditLogRetentionDays: fc.nat(5000),
  backupRetentionDays: fc.nat(400),
});
const CONTROL_NAMES = Object.keys(CONTROL_VALUES);

const validControls = fc.record(CONTROL_VALUES, { requiredKeys: [] });

const validEnvironment = fc.record(
  {
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,19}$/),
    stage: fc.constantFrom(...STAGES),
    cloud: fc.constantFrom(...CLOUDS),
    regions: fc.array(
      fc.constantFrom('eu-west-1', 'us-east-1', 'europe-west4'),
      { minLength: 1, maxLength: 3 },
    ),
    multiAz: fc.boolean(),
    multiRegion: fc.boolean(),
    drPattern: fc.constantFrom(...DR_PATTERNS),
    controls: validControls,
  },
  { requiredKeys: ['name', 'stage', 'cloud', 'regions'] },
);

/** Values that sit next to the valid ones: wrong types, empty, out of range, near-miss enums. */
const oddValue = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  'prod',
  'Prod',
  'production',
  'aws',
  'eu-west-1',
  'managed-key',
  'none',
  '1.1',
  '1.3',
  'eu',
  'yes',
  0,
  -1,
  1.5,
  365,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  [''],
  ['eu-west-1', 3],
  {},
  { waf: true },
);

type Mutation = (env: Record<string, any>) => void;
const ENV_KEYS = [
  'name',
  'stage',
  'cloud',
  'regions',
  'multiAz',
  'multiRegion',
  'drPattern',
  'controls',
  'extra',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // set or delete a field of the environment (unknown ones included)
  fc.tuple(fc.constantFrom(...ENV_KEYS), oddValue).map(
    ([key, value]): Mutation =>
      env => {
        env[key] = structuredClone(value);
      },
  ),
  fc.constantFrom(...ENV_KEYS).map(
    (key): Mutation =>
      env => {
        delete env[key];
      },
  ),
  // set a control (known, misspelt or unknown) to an odd value
  fc
    .tuple(
      fc.constantFrom(
        ...CONTROL_NAMES,
        'encryptionAtrest',
        'constructor',
        '__proto__',
      ),
      oddValue,
    )
    .map(
      ([key, value]): Mutation =>
        env => {
          if (env.controls && typeof env.controls === 'object') {
            Object.defineProperty(env.controls, key, {
              value: structuredClone(value),
              enumerable: true,
              configurable: true,
              writable: true,
            });
          }
        },
    ),
  // the same controls in another order (the schema's order is the fast case)
  fc.constant<Mutation>(env => {
    if (env.controls && typeof env.controls === 'object') {
      env.controls = Object.fromEntries(Object.entries(env.controls).reverse());
    }
  }),
);

/** Deep equality that also compares key order, as JSON readers would see it. */
function sameJsonShape(a: unknown, b: unknown) {
  expect(a).toStrictEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  const keysOf = (v: any) =>
    v && typeof v === 'object' && v.controls ? Object.keys(v.controls) : [];
  expect(keysOf(a)).toEqual(keysOf(b));
}

function entityWith(environment: unknown): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'payments-api-prod', namespace: 'default' },
    spec: {
      type: 'environment',
      owner: 'group:payments',
      dependencyOf: ['component:payments-api'],
      environment,
    } as any,
  };
}

describe('the environment fast path', () => {
  it('accepts every valid environment, with what the schema returns', () => {
    fc.assert(
      fc.property(validEnvironment, environment => {
        const fast = parseEnvironmentDataFast(environment);
        const slow = environmentSchema.safeParse(environment);
        expect(slow.success).toBe(true);
        expect(fast).toBeDefined();
        sameJsonShape(fast, slow.success && slow.data);
      }),
      { numRuns },
    );
  });

  it('never accepts what the schema rejects, and returns the schema data when it accepts', () => {
    fc.assert(
      fc.property(
        validEnvironment,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (environment, mutations) => {
          const input: Record<string, any> = structuredClone(environment);
          for (const mutate of mutations) mutate(input);
          const fast = parseEnvironmentDataFast(input);
          const slow = environmentSchema.safeParse(input);
          // When the fast path answers, it is with the schema's data (key order included).
          let expected: unknown = undefined;
          if (fast !== undefined)
            expected = slow.success ? slow.data : 'rejected by the schema';
          expect(fast).toStrictEqual(expected);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(expected));
          // The parser's answer is the schema's, issues word for word.
          const parsed = parseEnvironment(entityWith(input));
          const viewOf = (v: {
            controls?: unknown;
            regions: unknown;
            stage: unknown;
          }) => ({
            controls: v.controls ?? {},
            regions: v.regions,
            stage: v.stage,
          });
          expect({
            ok: parsed.ok,
            issues: parsed.issues,
            view: parsed.ok ? viewOf(parsed.value) : undefined,
          }).toStrictEqual({
            ok: slow.success,
            issues: slow.success
              ? []
              : issuesFromZod(slow.error, ['spec', 'environment']),
            view: slow.success ? viewOf(slow.data) : undefined,
          });
        },
      ),
      { numRuns },
    );
  });

  it('agrees with the schema on any value of any one control', () => {
    const anyValue = fc.oneof(
      oddValue,
      fc.integer({ min: -3, max: 3 }),
      fc.double(),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        validEnvironment,
        fc.constantFrom(...CONTROL_NAMES),
        anyValue,
        (environment, key, value) => {
          const input = {
            ...environment,
            controls: { ...environment.controls, [key]: value },
          };
          const fast = parseEnvironmentDataFast(input);
          const slow = environmentSchema.safeParse(input);
          const expected = slow.success ? slow.data : undefined;
          expect(fast).toStrictEqual(expected);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns },
    );
  });

  it('copies, so changing the entity later does not change the view', () => {
    const environment = {
      name: 'prod',
      stage: 'production',
      cloud: 'aws',
      regions: ['eu-west-1'],
      controls: { waf: true },
    };
    const result = parseEnvironment(entityWith(environment));
    environment.controls.waf = false;
    environment.regions.push('eu-central-1');
    expect(result.ok && result.value.controls).toEqual({ waf: true });
    expect(result.ok && result.value.regions).toEqual(['eu-west-1']);
  });

  it('still names a misspelt control when the others are in the schema order', () => {
    const result = parseEnvironment(
      entityWith({
        name: 'prod',
        stage: 'production',
        cloud: 'aws',
        regions: ['eu-west-1'],
        controls: {
          encryptionAtRest: 'managed-key',
          waf: true,
          wafEnabled: true,
        },
      }),
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'spec.environment.controls.wafEnabled',
          message: 'unknown field',
        },
      ],
    });
  });
});

describe('tryParseRef', () => {
  const reference = (
    value: string,
    context: { defaultKind?: string; defaultNamespace: string },
  ) => {
    try {
      return stringifyEntityRef(parseEntityRef(value, context));
    } catch {
      return undefined;
    }
  };
  const part = fc.oneof(
    fc.constantFrom(
      '',
      'component',
      'Component',
      'resource',
      'default',
      'Ops',
      'payments-api',
      'ΑΣ',
      'straße',
      'İ',
    ),
    fc.string({ maxLength: 6 }),
  );
  const refLike = fc.oneof(
    fc
      .tuple(
        part,
        fc.constantFrom(':', '/', ''),
        part,
        fc.constantFrom(':', '/', ''),
        part,
      )
      .map(parts => parts.join('')),
    fc.string({ maxLength: 20 }),
  );
  const context = fc.record(
    {
      defaultKind: fc.constantFrom('group', 'Group', ''),
      defaultNamespace: fc.constantFrom('default', 'Ops', ''),
    },
    { requiredKeys: ['defaultNamespace'] },
  );

  it('gives the catalog model answer for any string and context', () => {
    fc.assert(
      fc.property(refLike, context, (value, ctx) => {
        expect(tryParseRef(value, ctx)).toBe(reference(value, ctx));
      }),
      { numRuns },
    );
  });

  it('reads full, shorthand and malformed refs', () => {
    expect(
      tryParseRef('component:default/payments-api', { defaultNamespace: 'x' }),
    ).toBe('component:default/payments-api');
    expect(
      tryParseRef('Component:Ops/Payments', { defaultNamespace: 'x' }),
    ).toBe('component:ops/payments');
    expect(
      tryParseRef('payments', {
        defaultKind: 'group',
        defaultNamespace: 'ops',
      }),
    ).toBe('group:ops/payments');
    expect(
      tryParseRef('payments', { defaultNamespace: 'ops' }),
    ).toBeUndefined();
    expect(tryParseRef('group:', { defaultNamespace: 'ops' })).toBeUndefined();
    expect(tryParseRef(42, { defaultNamespace: 'ops' })).toBeUndefined();
  });
});
