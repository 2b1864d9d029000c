import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  parseEnvironment,
  parseService,
  parseSlo,
  RELATION_SLO_OF,
  ServiceSummary,
  SloView,
  SummaryIssue,
  summarizeCompliance,
} from '@plinth/backstage-plugin-infra-common';
import { worstStatus } from './query';
import { annotatedInstance, productionInstances } from '../slos/instanceFor';
import {
  EvidenceLookup,
  environmentsWithEvidence,
} from '../evidence/applyEvidence';

export interface CatalogSnapshot {
  services: Entity[];
  environments: Entity[];
  slos: Entity[];
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

function tryRef(
  value: unknown,
  defaults: { defaultKind: string; defaultNamespace: string },
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(value, defaults));
  } catch {
    return undefined;
  }
}

/**
 * The services an entity belongs to, read without trusting the rest of it, so
 * that an environment or SLO that cannot be parsed still shows its problem on
 * its service's row.
 */
function ownersOfBrokenEntity(entity: Entity, relationType: string): string[] {
  const namespace = entity.metadata.namespace ?? 'default';
  const refs = new Set<string>();
  for (const r of entity.relations ?? []) {
    if (r.type === relationType && r.targetRef.startsWith('component:')) {
      refs.add(r.targetRef);
    }
  }
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  if (
    relationType === RELATION_DEPENDENCY_OF &&
    Array.isArray(spec.dependencyOf)
  ) {
    for (const value of spec.dependencyOf) {
      const ref = tryRef(value, {
        defaultKind: 'component',
        defaultNamespace: namespace,
      });
      if (ref?.startsWith('component:')) refs.add(ref);
    }
  }
  if (relationType === RELATION_SLO_OF && typeof spec.service === 'string') {
    const ref = tryRef(spec.service, {
      defaultKind: 'component',
      defaultNamespace: namespace,
    });
    if (ref) refs.add(ref);
  }
  return [...refs];
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One summary per service: its SLO targets, its environments, the compliance
 * status per framework from infra-common's evaluator, and every contract issue
 * found in the service, its environments and its SLOs.
 */
export function summarizeServices(
  snapshot: CatalogSnapshot,
  evidence?: EvidenceLookup,
): ServiceSummary[] {
  // Statuses only, straight from the entities: the status path of infra-common's
  // evaluator (the entity page's compliance card shows the full report with evidence).
  // Code evidence, collected beforehand by the EvidenceCollector, replaces declared values.
  const compliance = summarizeCompliance(
    snapshot.services,
    evidence
      ? environmentsWithEvidence(snapshot.environments, evidence)
      : snapshot.environments,
  );
  const codeEnvironments = new Map<string, number>();
  const readAt = new Map<string, string>();
  const environmentCounts = new Map<string, number>();
  const slosByService = new Map<string, SloView[]>();
  const issuesByService = new Map<string, SummaryIssue[]>();
  const environmentsByService = new Map<string, Entity[]>();
  const sloInstances = new Map<string, string | undefined>();

  for (const entity of snapshot.environments) {
    const parsed = parseEnvironment(entity);
    const serviceRefs = parsed.ok
      ? parsed.value.serviceRefs
      : ownersOfBrokenEntity(entity, RELATION_DEPENDENCY_OF);
    for (const serviceRef of serviceRefs) {
      if (parsed.ok) {
        push(environmentsByService, serviceRef, entity);
        const stored = evidence?.get(parsed.value.ref);
        if (stored) {
          codeEnvironments.set(
            serviceRef,
            (codeEnvironments.get(serviceRef) ?? 0) + 1,
          );
          const last = readAt.get(serviceRef);
          if (!last || stored.source.readAt < last)
            readAt.set(serviceRef, stored.source.readAt);
        }
        environmentCounts.set(
          serviceRef,
          (environmentCounts.get(serviceRef) ?? 0) + 1,
        );
      }
      for (const issue of parsed.issues) {
        push(issuesByService, serviceRef, {
          entityRef: refOf(entity),
          ...issue,
        });
      }
    }
  }
  for (const entity of snapshot.slos) {
    const parsed = parseSlo(entity);
    const serviceRefs = parsed.ok
      ? [parsed.value.serviceRef]
      : ownersOfBrokenEntity(entity, RELATION_SLO_OF);
    for (const serviceRef of serviceRefs) {
      if (parsed.ok) {
        push(slosByService, serviceRef, parsed.value);
        const production = productionInstances(
          environmentsByService.get(serviceRef) ?? [],
        );
        sloInstances.set(
          parsed.value.ref,
          annotatedInstance(entity, production)?.name,
        );
      }
      for (const issue of parsed.issues) {
        push(issuesByService, serviceRef, {
          entityRef: refOf(entity),
          ...issue,
        });
      }
    }
  }

  const rows: ServiceSummary[] = [];
  for (const entity of snapshot.services) {
    const parsed = parseService(entity);
    const ref = refOf(entity);
    const issues: SummaryIssue[] = parsed.issues.map(issue => ({
      entityRef: ref,
      ...issue,
    }));
    issues.push(...(issuesByService.get(ref) ?? []));
    const slos = slosByService.get(ref) ?? [];
    const summary = compliance.get(ref);
    const statuses = summary?.frameworks ?? {};
    const envCount = environmentCounts.get(ref) ?? 0;
    const fromCode = codeEnvironments.get(ref) ?? 0;
    const frameworks = Object.entries(statuses).map(([id, status]) => ({
      id: id as keyof typeof statuses,
      status: status!,
    }));
    rows.push({
      ref,
      name: entity.metadata.name,
      namespace: entity.metadata.namespace ?? 'default',
      title: entity.metadata.title,
      owner: parsed.ok ? parsed.value.owner : undefined,
      system: parsed.ok ? parsed.value.system : undefined,
      slos: slos
        .map(s => ({
          ref: s.ref,
          name: s.name,
          displayName: s.displayName,
          target: s.target,
          windowDays: s.windowDays,
          ...(sloInstances.get(s.ref)
            ? { prometheus: sloInstances.get(s.ref) }
            : {}),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      environmentCount: envCount,
      frameworks,
      ...(summary?.reason ? { complianceReason: summary.reason } : {}),
      evidence: {
        code: fromCode,
        declaredOnly: envCount - fromCode,
        ...(readAt.get(ref) ? { readAt: readAt.get(ref) } : {}),
      },
      status: worstStatus(frameworks.map(f => f.status)),
      issues,
    });
  }
  return rows;
}
