import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The entity's own ref, e.g. `component:default/payments-api`. */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

export function namespaceOf(entity: Entity): string {
  return entity.metadata.namespace ?? DEFAULT_NAMESPACE;
}

/**
 * Parses a (possibly shorthand) ref the way the catalog does for relation
 * fields: the namespace defaults to the entity's own. Undefined when malformed.
 */
export function tryParseRef(
  value: unknown,
  context: { defaultKind?: string; defaultNamespace: string },
): string | undefined {
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  try {
    return stringifyEntityRef(parseEntityRef(value, context));
  } catch {
    return undefined;
  }
}

/** Targets of the entity's relations of one type whose target is of `kind`. */
export function relationTargets(
  entity: Entity,
  type: string,
  kind: string,
): string[] {
  const prefix = `${kind.toLocaleLowerCase('en-US')}:`;
  return (entity.relations ?? [])
    .filter(r => r.type === type && r.targetRef.startsWith(prefix))
    .map(r => r.targetRef);
}

/** `metadata.annotations["plinth.dev/owner"]`: how errors name an annotation. */
export function annotationPath(annotation: string): string {
  return `metadata.annotations["${annotation}"]`;
}
