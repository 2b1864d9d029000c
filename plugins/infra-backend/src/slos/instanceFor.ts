import { Entity } from '@backstage/catalog-model';
import { parseEnvironment } from '@plinth/backstage-plugin-infra-common';
import {
  ANNOTATION_PROMETHEUS,
  DEFAULT_INSTANCE,
  isInstanceName,
} from '../prometheus/config';

export type InstanceChoice =
  | { ok: true; name: string }
  | { ok: false; message: string };

function annotationOf(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_PROMETHEUS];
  return value ? value.trim() : undefined;
}

/** The instances the production environments of a service name (SLOs are measured in production). */
export function productionInstances(environments: Entity[]): Set<string> {
  const named = new Set<string>();
  for (const env of environments) {
    const parsed = parseEnvironment(env);
    const value = annotationOf(env);
    if (parsed.ok && parsed.value.stage === 'production' && value) {
      named.add(value);
    }
  }
  return named;
}

/**
 * The instance an SLO's annotations name, if any: the SLO's own `plinth.dev/prometheus`
 * annotation, else the one its service's production environments name when they agree.
 */
export function annotatedInstance(
  slo: Entity,
  production: ReadonlySet<string>,
): { name: string; where: string } | undefined {
  const own = annotationOf(slo);
  if (own !== undefined) {
    return {
      name: own,
      where: `the annotation ${ANNOTATION_PROMETHEUS} of ${slo.metadata.name}`,
    };
  }
  if (production.size === 1) {
    return {
      name: [...production][0],
      where: `the annotation ${ANNOTATION_PROMETHEUS} of the production environment`,
    };
  }
  return undefined;
}

/** Which configured Prometheus measures an SLO: the annotated one, else the default. */
export function instanceFor(
  slo: Entity,
  environments: Entity[],
  configured: ReadonlySet<string>,
): InstanceChoice {
  const annotated = annotatedInstance(slo, productionInstances(environments));
  if (annotated === undefined) {
    return configured.has(DEFAULT_INSTANCE)
      ? { ok: true, name: DEFAULT_INSTANCE }
      : {
          ok: false,
          message:
            'No Prometheus is configured. Set plinth.prometheus.baseUrl in app-config.yaml to the Prometheus that evaluates the generated recording rules.',
        };
  }
  const { name, where } = annotated;
  if (!isInstanceName(name) || !configured.has(name)) {
    return {
      ok: false,
      message: `${where} names the Prometheus '${name.slice(
        0,
        64,
      )}', which is not configured. Add it under plinth.prometheus.instances, or correct the annotation.`,
    };
  }
  return { ok: true, name };
}
