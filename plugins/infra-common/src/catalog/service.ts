import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { rejected } from './issues';
import { echo, tooLong } from './limits';
import {
  acceptedView,
  annotationPath,
  collectRefs,
  namespaceOf,
  ownerRefOf,
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
  if (value === undefined || value === '') {
    return { frameworks: [], issues: [] };
  }
  const overLimit = tooLong(String(value));
  if (overLimit) {
    return {
      frameworks: [],
      issues: [
        {
          path: annotationPath(ANNOTATION_COMPLIANCE_FRAMEWORKS),
          message: overLimit,
        },
      ],
    };
  }
  // One pass, no intermediate arrays: known ids once each in first-seen order,
  // unknown ids as written (repeats included) for the message.
  const frameworks: FrameworkId[] = [];
  let unknown: string[] | undefined;
  for (const part of String(value).split(',')) {
    const id = part.trim();
    if (!id) continue;
    if (isFrameworkId(id)) {
      if (!frameworks.includes(id)) frameworks.push(id);
    } else {
      (unknown ??= []).push(id);
    }
  }
  if (!unknown) {
    return { frameworks, issues: [] };
  }
  return {
    frameworks,
    issues: [
      {
        path: annotationPath(ANNOTATION_COMPLIANCE_FRAMEWORKS),
        message: `unknown framework id ${unknown
          .slice(0, 5)
          .map(echo)
          .join(', ')}${
          unknown.length > 5 ? ', ...' : ''
        }; expected a comma separated list of ${FRAMEWORK_IDS.join(', ')}`,
      },
    ],
  };
}

/**
 * Reads a service (a `Component`) as the contract describes it. Never throws.
 *
 * @public
 */
export function parseService(entity: Entity): ParseResult<ServiceView> {
  const kind = entity?.kind;
  // The exact spelling first: the locale-aware lower-casing is the slow path.
  if (
    kind !== 'Component' &&
    kind?.toLocaleLowerCase('en-US') !== 'component'
  ) {
    return rejected('kind', 'expected Component');
  }
  if (!entity.metadata?.name) {
    return rejected('metadata.name', 'is required');
  }
  const namespace = namespaceOf(entity);
  const { frameworks, issues } = parseFrameworks(entity);
  const spec = (entity.spec ?? {}) as Record<string, unknown>;

  const environmentRefs = collectRefs(
    entity,
    spec.dependsOn,
    RELATION_DEPENDS_ON,
    'resource',
    namespace,
  );

  const source = entity.metadata.annotations?.[ANNOTATION_INFRA_SOURCE];
  const sourceTooLong = source ? tooLong(source) : undefined;
  if (sourceTooLong) {
    issues.push({
      path: annotationPath(ANNOTATION_INFRA_SOURCE),
      message: sourceTooLong,
    });
  }
  const infraSource = (!sourceTooLong && source) || undefined;

  return acceptedView<ServiceView>(entity, issues, {
    namespace,
    title: entity.metadata.title,
    owner: ownerRefOf(spec.owner, namespace),
    system: tryParseRef(spec.system, {
      defaultKind: 'system',
      defaultNamespace: namespace,
    }),
    frameworks,
    infraSource,
    environmentRefs,
  });
}
