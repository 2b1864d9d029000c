import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  allEnvironmentsQuery,
  allSlosQuery,
  CatalogQuery,
  SERVICE_FIELDS,
} from '@plinth/backstage-plugin-infra-common';
import { CatalogSnapshot } from './summarize';

/** Every service Component, with only the fields the parsers read. */
export function allServicesQuery(): CatalogQuery {
  return {
    filter: { kind: 'Component', 'spec.type': 'service' },
    fields: SERVICE_FIELDS,
  };
}

async function readAll(
  catalog: CatalogService,
  auth: AuthService,
  query: CatalogQuery,
): Promise<Entity[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const entities: Entity[] = [];
  for await (const page of catalog.streamEntities(
    { filter: query.filter, fields: query.fields, pageSize: 1000 },
    { credentials },
  )) {
    entities.push(...page);
  }
  return entities;
}

/**
 * Reads every service, environment and SLO from the catalog: three streamed
 * queries with filtered fields, whatever the size of the catalog.
 */
export async function loadCatalogSnapshot(
  catalog: CatalogService,
  auth: AuthService,
): Promise<CatalogSnapshot> {
  const [services, environments, slos] = await Promise.all([
    readAll(catalog, auth, allServicesQuery()),
    readAll(catalog, auth, allEnvironmentsQuery()),
    readAll(catalog, auth, allSlosQuery()),
  ]);
  return { services, environments, slos };
}
