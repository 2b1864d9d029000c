import {
  sliMetrics,
  sliQueries,
  type Design,
  type SloDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { sloPath } from '../names';
import { GENERATED_HEADER, toYaml } from '../yaml';

/**
 * The SLI queries for an SLO, rebuilt from its validated fields rather than
 * taken from the design's query strings: a design may come from any caller,
 * and PromQL must never be text that a caller wrote.
 */
export function queriesFor(design: Design, slo: SloDesign, window?: string) {
  return sliQueries({
    workloadType: design.service.workloadType,
    kind: slo.kind,
    service: design.service.name,
    environment: slo.environment,
    latencyThresholdMs: slo.latencyThresholdMs,
    prometheusMajor: slo.prometheusMajor,
    window,
  });
}

/** The raw metrics an SLO's SLI reads: `total` is the series whose absence blinds it. */
export function sliMetricsFor(design: Design, slo: SloDesign) {
  const family = sliMetrics(design.service.workloadType);
  return {
    ...family,
    total: slo.kind === 'latency' ? `${family.histogram}_count` : family.total,
  };
}

/** What the SLO promises, in words built from numbers only. */
function describe(slo: SloDesign): string {
  return slo.kind === 'latency'
    ? `${slo.objectivePercent}% of requests complete within ${slo.latencyThresholdMs} ms`
    : `${slo.objectivePercent}% of requests succeed`;
}

/** The range of the OpenSLO queries: the SLI's base window, as in the recording rules. */
export const OPENSLO_QUERY_WINDOW = '5m';

/**
 * An OpenSLO v1 `SLO` document. Within what both the OpenSLO v1 specification
 * and its JSON schema accept: Occurrences budgeting, a rolling window and a
 * ratio metric whose queries are concrete PromQL (events per second over 5m).
 * `counter: false`: in OpenSLO `counter: true` means the query returns a raw,
 * ever-growing counter that the consumer turns into increases itself, which a
 * query that already wraps `rate()` is not.
 */
export function renderSloDocument(design: Design, slo: SloDesign) {
  const queries = queriesFor(design, slo, OPENSLO_QUERY_WINDOW);
  const source = (query: string) => ({
    metricSource: { type: 'Prometheus', spec: { query } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: slo.name,
      displayName: `${design.service.name} ${slo.kind}`,
    } as Record<string, unknown>,
    spec: {
      service: design.service.name,
      description: describe(slo),
      budgetingMethod: 'Occurrences',
      timeWindow: [{ duration: `${slo.windowDays}d`, isRolling: true }],
      objectives: [
        {
          displayName: slo.kind,
          target: Number((slo.objectivePercent / 100).toPrecision(12)),
        },
      ],
      indicator: {
        metadata: { name: `${slo.name}-sli` },
        spec: {
          ratioMetric: {
            counter: false,
            good: source(queries.good),
            total: source(queries.total),
          },
        },
      },
    },
  };
}

/** `slos/<slo-name>.yaml`: one OpenSLO document per SLO. */
export function renderSlos(design: Design): GeneratedFile[] {
  return design.slos.map(slo => ({
    path: sloPath(slo),
    content: toYaml(renderSloDocument(design, slo), GENERATED_HEADER),
  }));
}
