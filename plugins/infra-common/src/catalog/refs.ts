import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { ContractIssue, ParseResult } from './types';

/** The entity's own ref, e.g. `component:default/payments-api`. */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

/**
 * What a parser returns for an entity it accepts: the view starts with the entity's ref
 * and name, then the fields of its kind.
 */
export function acceptedView<V extends { ref: string; name: string }>(
  entity: Entity,
  issues: ContractIssue[],
  fields: Omit<V, 'ref' | 'name'>,
): ParseResult<V> {
  const value = {
    ref: entityRefOf(entity),
    name: entity.metadata.name,
    ...fields,
  } as V;
  return { ok: true, issues, value };
}

/** An owner ref as the catalog reads `spec.owner`: a group unless it names its kind. */
export function ownerRefOf(
  value: unknown,
  namespace: string,
): string | undefined {
  return tryParseRef(value, {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
}

export function namespaceOf(entity: Entity): string {
  return entity.metadata.namespace ?? DEFAULT_NAMESPACE;
}

/**
 * Parses a (possibly shorthand) ref the way the catalog does for relation
 * fields: the namespace defaults to the entity's own. Undefined when malformed.
 *
 * The same answer as `stringifyEntityRef(parseEntityRef(value, context))` from
 * `@backstage/catalog-model` (same split on the first `:` and `/`, same errors
 * for empty parts, same lower-casing), written without throwing, because the
 * bulk readers call it for every ref of every entity (refs.test.ts checks the
 * two agree on arbitrary strings).
 */
export function tryParseRef(
  value: unknown,
  context: { defaultKind?: string; defaultNamespace: string },
): string | undefined {
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  let colon = value.indexOf(':');
  const slash = value.indexOf('/');
  if (slash !== -1 && slash < colon) {
    colon = -1;
  }
  if (colon > 0 && slash > colon + 1 && slash < value.length - 1) {
    // A full ref (`kind:namespace/name`) already in lower case is its own answer:
    // no slices, no concatenation. Only ASCII qualifies, so Unicode case rules
    // (which can depend on the neighbouring characters) stay with the general path.
    let canonical = true;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code > 127 || (code >= 65 && code <= 90)) {
        canonical = false;
        break;
      }
    }
    if (canonical) return value;
  }
  const kind = colon === -1 ? context.defaultKind : value.slice(0, colon);
  const namespace =
    slash === -1
      ? context.defaultNamespace || DEFAULT_NAMESPACE
      : value.slice(colon + 1, slash);
  const name = value.slice(Math.max(colon + 1, slash + 1));
  if (!kind || !namespace || !name) {
    return undefined;
  }
  return `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;
}

/** Targets of the entity's relations of one type whose target is of `kind`. */
export function relationTargets(
  entity: Entity,
  type: string,
  kind: string,
): string[] {
  const targets: string[] = [];
  const relations = entity.relations;
  if (!relations) return targets;
  const prefix = `${kind.toLocaleLowerCase('en-US')}:`;
  for (const r of relations) {
    if (r.type === type && r.targetRef.startsWith(prefix)) {
      targets.push(r.targetRef);
    }
  }
  return targets;
}

/**
 * The refs of one kind an entity names in a spec list (`spec.dependsOn`) and in
 * its relations of one type, without duplicates, in first-seen order (what a
 * `Set` filled from the list then the relations would give).
 */
export function collectRefs(
  entity: Entity,
  declared: unknown,
  relationType: string,
  kind: string,
  namespace: string,
): string[] {
  const refs: string[] = [];
  const prefix = `${kind}:`;
  if (Array.isArray(declared)) {
    const context = { defaultNamespace: namespace };
    for (const item of declared) {
      const ref = tryParseRef(item, context);
      if (ref !== undefined && ref.startsWith(prefix) && !refs.includes(ref)) {
        refs.push(ref);
      }
    }
  }
  const relations = entity.relations;
  if (relations) {
    for (const r of relations) {
      if (
        r.type === relationType &&
        r.targetRef.startsWith(prefix) &&
        !refs.includes(r.targetRef)
      ) {
        refs.push(r.targetRef);
      }
    }
  }
  return refs;
}

/** `metadata.annotations["plinth.dev/owner"]`: how errors name an annotation. */
export function annotationPath(annotation: string): string {
  return `metadata.annotations["${annotation}"]`;
}
