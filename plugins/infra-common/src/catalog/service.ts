import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  annotationPath,
  entityRefOf,
  namespaceOf,
  relationTargets,
  tryParseRef,
} from './refs';
import {
  ANNOTATION_COMPLIANCE_FRAMEWORKS,
  ANNOTATION_INFRA_SOURCE,
  ContractIssue,
  FRAMEWORK_IDS,
  FrameworkId,
  ParseResult,
  ServiceView,
} from './types';

function isFrameworkId(value: string): value is FrameworkId {
  return (FRAMEWORK_IDS as readonly string[]).includes(value);
}

/**
 * Reads `plinth.dev/compliance-frameworks`. Unknown ids are reported and
 * dropped, so the known ones are still evaluated.
 */
export function parseFrameworks(entity: Entity): {
  frameworks: FrameworkId[];
  issues: ContractIssue[];
} {
  const value = entity.metadata.annotations?.[ANNOTATION_COMPLIANCE_FRAMEWORKS];
  if (value === undefined) {
    return { frameworks: [], issues: [] };
  }
  const ids = String(value)
    .split(',')
    .map(id => id.trim())
    .filter(Boolean);
  const frameworks = [...new Set(ids.filter(isFrameworkId))];
  const unknown = ids.filter(id => !isFrameworkId(id));
  const issues = unknown.length
    ? [
        {
          path: annotationPath(ANNOTATION_COMPLIANCE_FRAMEWORKS),
          message: `unknown framework id ${unknown
            .map(id => `'${id}'`)
            .join(
              ', ',
            )}; expected a comma separated list of ${FRAMEWORK_IDS.join(', ')}`,
        },
      ]
    : [];
  return { frameworks, issues };
}

/** Reads a service (a `Component`) as the contract describes it. Never throws. */
export function parseService(entity: Entity): ParseResult<ServiceView> {
  if (entity?.kind?.toLocaleLowerCase('en-US') !== 'component') {
    return {
      ok: false,
      issues: [{ path: 'kind', message: 'expected Component' }],
    };
  }
  if (!entity.metadata?.name) {
    return {
      ok: false,
      issues: [{ path: 'metadata.name', message: 'is required' }],
    };
  }
  const namespace = namespaceOf(entity);
  const { frameworks, issues } = parseFrameworks(entity);
  const spec = (entity.spec ?? {}) as Record<string, unknown>;

  const declared = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
  const environmentRefs = new Set<string>(
    declared
      .map(ref => tryParseRef(ref, { defaultNamespace: namespace }))
      .filter((ref): ref is string => ref?.startsWith('resource:') ?? false),
  );
  for (const ref of relationTargets(entity, RELATION_DEPENDS_ON, 'resource')) {
    environmentRefs.add(ref);
  }

  const infraSource =
    entity.metadata.annotations?.[ANNOTATION_INFRA_SOURCE] || undefined;

  return {
    ok: true,
    issues,
    value: {
      ref: entityRefOf(entity),
      name: entity.metadata.name,
      namespace,
      title: entity.metadata.title,
      owner: tryParseRef(spec.owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
      system: tryParseRef(spec.system, {
        defaultKind: 'system',
        defaultNamespace: namespace,
      }),
      frameworks,
      infraSource,
      environmentRefs: [...environmentRefs],
    },
  };
}
