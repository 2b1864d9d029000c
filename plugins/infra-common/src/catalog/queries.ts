import { RELATION_DEPENDENCY_OF } from '@backstage/catalog-model';
import { ENVIRONMENT_RESOURCE_TYPE, RELATION_SLO_OF, SLO_KIND } from './types';

/**
 * A catalog query in the shape of the catalog client's `getEntities` request:
 * a filter (all keys must match) and the fields to return.
 *
 * @public
 */
export interface CatalogQuery {
  filter: Record<string, string>;
  fields: string[];
}

/** The fields of every entity the parsers read, around those of its kind. */
function entityFields(ownFields: string[]): string[] {
  return [
    'kind',
    'apiVersion',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.annotations',
    'spec.type',
    'spec.owner',
    ...ownFields,
    'relations',
    'status',
  ];
}

/**
 * The fields the parsers read from a service.
 *
 * @public
 */
export const SERVICE_FIELDS = entityFields(['spec.system', 'spec.dependsOn']);

/** The fields the parsers read from an environment. */
export const ENVIRONMENT_FIELDS = entityFields([
  'spec.dependencyOf',
  'spec.environment',
]);

/** The fields the parsers read from an SLO: the OpenSLO document is the spec. */
export const SLO_FIELDS = [
  'kind',
  'apiVersion',
  'metadata.name',
  'metadata.namespace',
  'metadata.displayName',
  'metadata.annotations',
  'spec',
  'status',
];

/**
 * A service's SLOs: every SLO whose `sloOf` relation points at it.
 *
 * @public
 */
export function sloQueryForService(serviceRef: string): CatalogQuery {
  return {
    filter: { kind: SLO_KIND, [`relations.${RELATION_SLO_OF}`]: serviceRef },
    fields: SLO_FIELDS,
  };
}

/**
 * A service's environments: every environment Resource that is a `dependencyOf` it.
 *
 * @public
 */
export function environmentQueryForService(serviceRef: string): CatalogQuery {
  return {
    filter: {
      kind: 'Resource',
      'spec.type': ENVIRONMENT_RESOURCE_TYPE,
      [`relations.${RELATION_DEPENDENCY_OF}`]: serviceRef,
    },
    fields: ENVIRONMENT_FIELDS,
  };
}

/**
 * Every environment in the catalog (the overview page, roll-ups).
 *
 * @public
 */
export function allEnvironmentsQuery(): CatalogQuery {
  return {
    filter: { kind: 'Resource', 'spec.type': ENVIRONMENT_RESOURCE_TYPE },
    fields: ENVIRONMENT_FIELDS,
  };
}

/**
 * Every SLO in the catalog.
 *
 * @public
 */
export function allSlosQuery(): CatalogQuery {
  return { filter: { kind: SLO_KIND }, fields: SLO_FIELDS };
}

/**
 * The same query for the REST API:
 * `filter=kind=SLO,relations.sloOf=component:default/payments-api&fields=...`,
 * to append to `/api/catalog/entities/by-query?`.
 */
export function toQueryString(query: CatalogQuery): string {
  const params = new URLSearchParams();
  params.append(
    'filter',
    Object.entries(query.filter)
      .map(([key, value]) => `${key}=${value}`)
      .join(','),
  );
  params.append('fields', query.fields.join(','));
  return params.toString();
}
