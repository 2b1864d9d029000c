import { boundedAnnotation } from './limits';
import { Entity, RELATION_DEPENDENCY_OF } from '@backstage/catalog-model';
import { z } from 'zod';
import { CONTROL_CHECKS, isDays, isFlag, isOneOf } from './controlChecks';
import { issuesFromZod, rejected } from './issues';
import {
  acceptedView,
  annotationPath,
  collectRefs,
  namespaceOf,
  ownerRefOf,
} from './refs';
import {
  ANNOTATION_IAC_PATH,
  CLOUDS,
  ContractIssue,
  DR_PATTERNS,
  DeclaredControls,
  ENCRYPTION_AT_REST,
  ENVIRONMENT_RESOURCE_TYPE,
  EnvironmentView,
  ParseResult,
  RESIDENCIES,
  STAGES,
  TLS_VERSIONS,
} from './types';

/**
 * True for a `Resource` whose `spec.type` is `environment`.
 *
 * @public
 */
export function isEnvironmentEntity(entity: Entity): boolean {
  const kind = entity?.kind;
  // The exact spelling first: the locale-aware lower-casing is the slow path.
  return (
    (kind === 'Resource' || kind?.toLocaleLowerCase('en-US') === 'resource') &&
    entity.spec?.type === ENVIRONMENT_RESOURCE_TYPE
  );
}

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    errorMap: () => ({ message: `expected one of ${values.join(', ')}` }),
  });
}

const flag = z.boolean({ invalid_type_error: 'expected true or false' });
const days = z
  .number({ invalid_type_error: 'expected a number of days' })
  .int('expected a whole number of days')
  .min(0, 'must not be negative');

// Strict: a misspelt control would otherwise read as "no data" and hide a gap.
/** The declared controls, as the catalog and the design carry them. */
export const controlsSchema = z
  .object({
    encryptionAtRest: oneOf(ENCRYPTION_AT_REST),
    encryptionInTransit: flag,
    tlsMinVersion: oneOf(TLS_VERSIONS),
    auditLogging: flag,
    auditLogRetentionDays: days,
    backups: flag,
    backupRetentionDays: days,
    pointInTimeRecovery: flag,
    multiAz: flag,
    flowLogs: flag,
    privateDataTier: flag,
    networkSegmentation: flag,
    deletionProtection: flag,
    waf: flag,
    leastPrivilegeRoles: flag,
    secretsManagement: flag,
    dataResidency: oneOf(RESIDENCIES),
    restoreTested: flag,
  } satisfies { [K in keyof Required<DeclaredControls>]: z.ZodTypeAny })
  .partial()
  .strict();

export const environmentSchema = z.object({
  name: z
    .string({
      required_error: 'is required',
      invalid_type_error: 'expected a string',
    })
    .regex(
      /^[a-z][a-z0-9-]{0,19}$/,
      'expected a short lower-case name such as prod',
    ),
  stage: oneOf(STAGES),
  cloud: oneOf(CLOUDS),
  regions: z
    .array(z.string().min(1, 'must not be empty'), {
      required_error: 'is required',
      invalid_type_error: 'expected a list of regions',
    })
    .min(1, 'expected at least one region (the first is the primary)'),
  multiAz: flag.optional(),
  multiRegion: flag.optional(),
  drPattern: oneOf(DR_PATTERNS).optional(),
  controls: controlsSchema.optional(),
});

type EnvironmentData = z.infer<typeof environmentSchema>;

/*
 * The fast path. Bulk readers (the overview page reads every environment of the
 * catalog) parse entities that are almost always valid, and zod costs most of the
 * time of a parse. So a hand-written check runs first: it accepts only what the
 * schema above certainly accepts, and returns what the schema would return (a
 * copy with the schema's keys, in the schema's order, unknown keys of the
 * environment dropped). Anything it is unsure about returns undefined, and the
 * schema then decides and words the issues. environment.fastPath.test.ts checks
 * that both agree on valid and mutated entities.
 */

/** In the schema's order, so the copy has the keys in the order zod writes them. */
const CONTROL_KEYS = Object.keys(controlsSchema.shape) as Array<
  keyof DeclaredControls
>;
const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,19}$/;
const isStage = (v: unknown) => isOneOf(v, STAGES);
const isCloud = (v: unknown) => isOneOf(v, CLOUDS);
const isDrPattern = (v: unknown) => isOneOf(v, DR_PATTERNS);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function fastControls(value: unknown): DeclaredControls | undefined {
  if (!isPlainObject(value)) return undefined;
  // Keys known and in the schema's order (Plinth writes them so): one pass of
  // identity comparisons, no lookups. Otherwise the general check below.
  let j = 0;
  // Inherited enumerable keys count too: zod's strict check reads them the same way.
  // eslint-disable-next-line guard-for-in
  for (const key in value) {
    while (j < CONTROL_KEYS.length && CONTROL_KEYS[j] !== key) j++;
    if (j === CONTROL_KEYS.length) return fastControlsAnyOrder(value);
    j++;
  }
  const c = value as DeclaredControls;
  if (
    isOneOf(c.encryptionAtRest, ENCRYPTION_AT_REST) &&
    isFlag(c.encryptionInTransit) &&
    isOneOf(c.tlsMinVersion, TLS_VERSIONS) &&
    isFlag(c.auditLogging) &&
    isDays(c.auditLogRetentionDays) &&
    isFlag(c.backups) &&
    isDays(c.backupRetentionDays) &&
    isFlag(c.pointInTimeRecovery) &&
    isFlag(c.multiAz) &&
    isFlag(c.flowLogs) &&
    isFlag(c.privateDataTier) &&
    isFlag(c.networkSegmentation) &&
    isFlag(c.deletionProtection) &&
    isFlag(c.waf) &&
    isFlag(c.leastPrivilegeRoles) &&
    isFlag(c.secretsManagement) &&
    isOneOf(c.dataResidency, RESIDENCIES) &&
    isFlag(c.restoreTested)
  ) {
    // A copy, as zod makes; with the keys in the schema's order it is zod's copy.
    return { ...c };
  }
  return undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

function fastControlsAnyOrder(
  value: Record<string, unknown>,
): DeclaredControls | undefined {
  // eslint-disable-next-line guard-for-in
  for (const key in value) {
    const check = CONTROL_CHECKS[key as keyof DeclaredControls];
    if (!hasOwn.call(CONTROL_CHECKS, key) || !check(value[key])) {
      return undefined;
    }
  }
  const controls: Record<string, unknown> = {};
  for (const key of CONTROL_KEYS) {
    if (key in value) controls[key] = value[key];
  }
  return controls as DeclaredControls;
}

/** What `environmentSchema` returns for `value`, or undefined when unsure. */
export function parseEnvironmentDataFast(
  value: unknown,
): EnvironmentData | undefined {
  if (!isPlainObject(value)) return undefined;
  const { name, stage, cloud, regions, multiAz, multiRegion, drPattern } =
    value;
  if (
    typeof name !== 'string' ||
    !ENVIRONMENT_NAME.test(name) ||
    stage === undefined ||
    !isStage(stage) ||
    cloud === undefined ||
    !isCloud(cloud) ||
    !Array.isArray(regions) ||
    regions.length === 0 ||
    !isFlag(multiAz) ||
    !isFlag(multiRegion) ||
    !isDrPattern(drPattern)
  ) {
    return undefined;
  }
  const regionsCopy: string[] = new Array(regions.length);
  for (let i = 0; i < regions.length; i++) {
    const region = regions[i];
    if (typeof region !== 'string' || region === '') return undefined;
    regionsCopy[i] = region;
  }
  const data: Record<string, unknown> = {
    name,
    stage,
    cloud,
    regions: regionsCopy,
  };
  // Optional keys: present (even when undefined) only when the input has them.
  if ('multiAz' in value) data.multiAz = multiAz;
  if ('multiRegion' in value) data.multiRegion = multiRegion;
  if ('drPattern' in value) data.drPattern = drPattern;
  if ('controls' in value) {
    if (value.controls === undefined) {
      data.controls = undefined;
    } else {
      const controls = fastControls(value.controls);
      if (!controls) return undefined;
      data.controls = controls;
    }
  }
  return data as EnvironmentData;
}

/**
 * Reads an environment (a `Resource` with `spec.type: environment`) as the
 * contract describes it. Never throws: problems come back with their field.
 *
 * @public
 */
export function parseEnvironment(entity: Entity): ParseResult<EnvironmentView> {
  if (!isEnvironmentEntity(entity)) {
    return rejected('spec.type', 'expected a Resource of type environment');
  }
  const namespace = namespaceOf(entity);
  const spec = entity.spec as Record<string, unknown>;
  let environment = parseEnvironmentDataFast(spec.environment);
  if (!environment) {
    const parsed = environmentSchema.safeParse(spec.environment);
    if (!parsed.success) {
      const issues =
        spec.environment === undefined
          ? [{ path: 'spec.environment', message: 'is required' }]
          : issuesFromZod(parsed.error, ['spec', 'environment']);
      return { ok: false, issues };
    }
    environment = parsed.data;
  }

  const issues: ContractIssue[] = [];
  const serviceRefs = collectRefs(
    entity,
    spec.dependencyOf,
    RELATION_DEPENDENCY_OF,
    'component',
    namespace,
  );
  if (serviceRefs.length === 0) {
    issues.push({
      path: 'spec.dependencyOf',
      message:
        'expected the service it belongs to, e.g. component:default/payments-api',
    });
  }
  let iacPath = boundedAnnotation(
    entity.metadata.annotations,
    ANNOTATION_IAC_PATH,
    issues,
    annotationPath,
  );
  if (
    iacPath !== undefined &&
    (iacPath.startsWith('/') || iacPath.split('/').includes('..'))
  ) {
    issues.push({
      path: annotationPath(ANNOTATION_IAC_PATH),
      message:
        'expected a relative path inside the IaC repository, such as terraform/envs/prod',
    });
    iacPath = undefined;
  }

  return acceptedView<EnvironmentView>(entity, issues, {
    environmentName: environment.name,
    stage: environment.stage,
    cloud: environment.cloud,
    regions: environment.regions,
    multiAz: environment.multiAz ?? false,
    multiRegion: environment.multiRegion ?? false,
    drPattern: environment.drPattern,
    controls: environment.controls ?? {},
    serviceRefs,
    iacPath,
    owner: ownerRefOf(spec.owner, namespace),
  });
}
