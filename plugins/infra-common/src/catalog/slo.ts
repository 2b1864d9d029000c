import { boundedAnnotation } from './limits';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { formatPath, rejected } from './issues';
import { OpenSloSloSpec, validateOpenSloSlo } from './openslo';
import { acceptedView, annotationPath, namespaceOf, ownerRefOf } from './refs';
import {
  ANNOTATION_SLO_OWNER,
  ANNOTATION_SLO_RUNBOOK,
  ANNOTATION_SLO_SOURCE,
  ContractIssue,
  OPENSLO_API_VERSION,
  ParseResult,
  SLO_KIND,
  SloView,
} from './types';

/**
 * True for an OpenSLO v1 `SLO` entity.
 *
 * @public
 */
export function isSloEntity(entity: Entity): boolean {
  return entity?.kind === SLO_KIND && entity.apiVersion === OPENSLO_API_VERSION;
}

// Days per unit of an OpenSLO duration shorthand (M = month, m = minute).
const DAYS_PER_UNIT: Record<string, number> = {
  m: 1 / 1440,
  h: 1 / 24,
  d: 1,
  w: 7,
  M: 30,
  Q: 90,
  Y: 365,
};

/** `28d` -> 28, `4w` -> 28, `1M` -> 30. Undefined for anything else. */
export function durationToDays(duration: string): number | undefined {
  const match = /^([1-9][0-9]*)([mhdwMQY])$/.exec(duration);
  return match ? Number(match[1]) * DAYS_PER_UNIT[match[2]] : undefined;
}

// Backstage's own entity name rule: the service must be a Component's name.
const ENTITY_NAME = /^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

type MetricSourceHolder = { metricSource?: { spec?: Record<string, unknown> } };

function queryOf(holder: MetricSourceHolder | undefined): string | undefined {
  const query = holder?.metricSource?.spec?.query;
  return typeof query === 'string' ? query : undefined;
}

function indicatorOf(spec: OpenSloSloSpec): SloView['indicator'] {
  const sli = spec.indicator?.spec;
  if (sli?.ratioMetric) {
    const ratio = sli.ratioMetric;
    const queries: SloView['indicator']['queries'] = {};
    for (const role of ['good', 'bad', 'total', 'raw'] as const) {
      const query = queryOf(ratio[role] as MetricSourceHolder | undefined);
      if (query !== undefined) queries[role] = query;
    }
    return { kind: 'ratio', queries };
  }
  if (sli?.thresholdMetric) {
    const query = queryOf(sli.thresholdMetric as MetricSourceHolder);
    const first = spec.objectives[0];
    return {
      kind: 'threshold',
      queries: query === undefined ? {} : { raw: query },
      threshold:
        first.op !== undefined && first.value !== undefined
          ? { op: first.op, value: first.value }
          : undefined,
    };
  }
  return { kind: 'reference', queries: {} };
}

/**
 * Reads an OpenSLO v1 SLO entity: validates it against the OpenSLO
 * specification, then against Plinth's annotations. Never throws.
 *
 * @public
 */
export function parseSlo(entity: Entity): ParseResult<SloView> {
  if (!isSloEntity(entity)) {
    return rejected(
      'kind',
      `expected kind ${SLO_KIND} with apiVersion ${OPENSLO_API_VERSION}`,
    );
  }
  const specIssues = validateOpenSloSlo(entity);
  if (specIssues.length) {
    return { ok: false, issues: specIssues };
  }
  const spec = entity.spec as unknown as OpenSloSloSpec;
  const namespace = namespaceOf(entity);
  const annotations = entity.metadata.annotations ?? {};
  const issues: ContractIssue[] = [];

  if (!ENTITY_NAME.test(spec.service)) {
    return rejected(
      'spec.service',
      'expected the name of a Backstage Component in the same namespace',
    );
  }

  const ownerAnnotation = boundedAnnotation(
    annotations,
    ANNOTATION_SLO_OWNER,
    issues,
    annotationPath,
  );
  const owner = ownerRefOf(ownerAnnotation, namespace);
  if (ownerAnnotation !== undefined && !owner) {
    issues.push({
      path: annotationPath(ANNOTATION_SLO_OWNER),
      message: 'expected an entity ref such as group:default/payments',
    });
  }

  const [window] = spec.timeWindow;
  const windowDays = durationToDays(window.duration);
  if (windowDays === undefined) {
    // The spec validator accepts only shorthands we can convert; keep the guard honest.
    return rejected(
      formatPath(['spec', 'timeWindow', 0, 'duration']),
      'unreadable duration',
    );
  }
  const first = spec.objectives[0];
  const target = first.target ?? (first.targetPercent as number) / 100;

  return acceptedView<SloView>(entity, issues, {
    displayName: (entity.metadata as { displayName?: string }).displayName,
    description: spec.description,
    serviceRef: stringifyEntityRef({
      kind: 'component',
      namespace,
      name: spec.service,
    }),
    target,
    windowDays,
    rolling: window.isRolling === true,
    budgetingMethod: spec.budgetingMethod,
    objectives: spec.objectives.map(o => ({
      displayName: o.displayName,
      target: o.target ?? (o.targetPercent as number) / 100,
      op: o.op,
      value: o.value,
      timeSliceTarget: o.timeSliceTarget,
      timeSliceWindow:
        o.timeSliceWindow === undefined ? undefined : String(o.timeSliceWindow),
    })),
    indicator: indicatorOf(spec),
    indicatorRef: spec.indicatorRef,
    owner,
    runbook:
      boundedAnnotation(
        annotations,
        ANNOTATION_SLO_RUNBOOK,
        issues,
        annotationPath,
      ) || undefined,
    source:
      boundedAnnotation(
        annotations,
        ANNOTATION_SLO_SOURCE,
        issues,
        annotationPath,
      ) || undefined,
  });
}
