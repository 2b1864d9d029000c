import { Entity, RELATION_DEPENDENCY_OF } from '@backstage/catalog-model';
import { z } from 'zod';
import { issuesFromZod } from './issues';
import {
  annotationPath,
  entityRefOf,
  namespaceOf,
  relationTargets,
  tryParseRef,
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

/** True for a `Resource` whose `spec.type` is `environment`. */
export function isEnvironmentEntity(entity: Entity): boolean {
  return (
    entity?.kind?.toLocaleLowerCase('en-US') === 'resource' &&
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
const controlsSchema = z
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

const environmentSchema = z.object({
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

/**
 * Reads an environment (a `Resource` with `spec.type: environment`) as the
 * contract describes it. Never throws: problems come back with their field.
 */
export function parseEnvironment(entity: Entity): ParseResult<EnvironmentView> {
  if (!isEnvironmentEntity(entity)) {
    return {
      ok: false,
      issues: [
        {
          path: 'spec.type',
          message: 'expected a Resource of type environment',
        },
      ],
    };
  }
  const namespace = namespaceOf(entity);
  const spec = entity.spec as Record<string, unknown>;
  const parsed = environmentSchema.safeParse(spec.environment);
  if (!parsed.success) {
    const issues =
      spec.environment === undefined
        ? [{ path: 'spec.environment', message: 'is required' }]
        : issuesFromZod(parsed.error, ['spec', 'environment']);
    return { ok: false, issues };
  }

  const issues: ContractIssue[] = [];
  const declared = Array.isArray(spec.dependencyOf) ? spec.dependencyOf : [];
  const serviceRefs = new Set<string>(
    declared
      .map(ref => tryParseRef(ref, { defaultNamespace: namespace }))
      .filter((ref): ref is string => ref?.startsWith('component:') ?? false),
  );
  for (const ref of relationTargets(
    entity,
    RELATION_DEPENDENCY_OF,
    'component',
  )) {
    serviceRefs.add(ref);
  }
  if (serviceRefs.size === 0) {
    issues.push({
      path: 'spec.dependencyOf',
      message:
        'expected the service it belongs to, e.g. component:default/payments-api',
    });
  }
  const iacPath = entity.metadata.annotations?.[ANNOTATION_IAC_PATH];
  if (
    iacPath !== undefined &&
    (iacPath.startsWith('/') || iacPath.split('/').includes('..'))
  ) {
    issues.push({
      path: annotationPath(ANNOTATION_IAC_PATH),
      message:
        'expected a relative path inside the IaC repository, such as terraform/envs/prod',
    });
  }

  const environment = parsed.data;
  return {
    ok: true,
    issues,
    value: {
      ref: entityRefOf(entity),
      name: entity.metadata.name,
      environmentName: environment.name,
      stage: environment.stage,
      cloud: environment.cloud,
      regions: environment.regions,
      multiAz: environment.multiAz ?? false,
      multiRegion: environment.multiRegion ?? false,
      drPattern: environment.drPattern,
      controls: environment.controls ?? {},
      serviceRefs: [...serviceRefs],
      iacPath: issues.some(i => i.path.includes(ANNOTATION_IAC_PATH))
        ? undefined
        : iacPath,
      owner: tryParseRef(spec.owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    },
  };
}
