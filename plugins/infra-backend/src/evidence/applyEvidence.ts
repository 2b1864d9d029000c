/*
 * Code evidence applied to catalog entities and to the evaluator's environments: the
 * control fields the code shows replace the declared ones.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ComplianceEnvironment,
  parseEnvironment,
  withCodeEvidence,
} from '@plinth/backstage-plugin-infra-common';
import type { StoredEvidence } from './EvidenceCollector';

export interface EvidenceLookup {
  get(entityRef: string): StoredEvidence | undefined;
}

/**
 * The environments with their controls as the code shows them, for the overview's status
 * path (summarizeCompliance reads `spec.environment.controls`). Entities without
 * evidence are returned as they are.
 */
export function environmentsWithEvidence(
  environments: readonly Entity[],
  evidence: EvidenceLookup,
): Entity[] {
  return environments.map(entity => {
    const stored = evidence.get(stringifyEntityRef(entity));
    if (!stored) return entity;
    const spec = entity.spec as Record<string, any> | undefined;
    const env = spec?.environment;
    if (!env || typeof env !== 'object') return entity;
    const controls = { ...(env.controls ?? {}) };
    for (const [field, finding] of Object.entries(stored.findings.fields)) {
      if (finding && finding.value !== undefined)
        controls[field] = finding.value;
    }
    return {
      ...entity,
      spec: { ...spec, environment: { ...env, controls } },
    };
  });
}

/** The evaluator's environments of a service, with code evidence where there is some. */
export function complianceEnvironments(
  environments: readonly Entity[],
  evidence: EvidenceLookup,
): ComplianceEnvironment[] {
  const out: ComplianceEnvironment[] = [];
  for (const entity of environments) {
    const parsed = parseEnvironment(entity);
    if (!parsed.ok) continue;
    const env: ComplianceEnvironment = {
      name: parsed.value.name,
      environmentName: parsed.value.environmentName,
      stage: parsed.value.stage,
      controls: parsed.value.controls,
    };
    const stored = evidence.get(parsed.value.ref);
    out.push(
      stored
        ? withCodeEvidence(env, stored.findings, {
            location: stored.source.location,
            revision: stored.source.revision,
            readAt: stored.source.readAt,
          })
        : env,
    );
  }
  return out;
}
