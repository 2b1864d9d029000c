/*
 * New versus existing: creating a service must never attach to one that is already in the
 * catalog (the catalog keeps the old entity after a conflict, and the new SLOs and
 * environments would attach to it). A replay of the same task finds the entity it
 * registered itself, from its own location, and goes on.
 */
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import yaml from 'yaml';

/** The Component of a catalog-info.yaml if there is one, like catalog:register, else the first entity. */
export function mainEntityRef(source: string): string {
  const entities = yaml
    .parseAllDocuments(source)
    .map(doc => doc.toJSON())
    .filter(e => e?.kind && e?.metadata?.name);
  const main = entities.find(e => e.kind === 'Component') ?? entities[0];
  if (!main) {
    throw new InputError('catalog-info.yaml holds no entity');
  }
  return stringifyEntityRef({
    kind: main.kind,
    namespace: main.metadata.namespace ?? 'default',
    name: main.metadata.name,
  });
}

/**
 * Fails with an InputError when `entityRef` is in the catalog (read with the task's
 * credentials) and did not come from `ownLocation` (`file:<path>/catalog-info.yaml`).
 */
export async function assertNotInCatalog(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  entityRef: string;
  ownLocation?: string;
}): Promise<void> {
  const existing = await options.catalog.getEntityByRef(options.entityRef, {
    credentials: options.credentials,
  });
  if (!existing) return;
  const annotations = existing.metadata?.annotations ?? {};
  const from =
    annotations[ANNOTATION_ORIGIN_LOCATION] ?? annotations[ANNOTATION_LOCATION];
  if (
    options.ownLocation &&
    (annotations[ANNOTATION_LOCATION] === options.ownLocation ||
      annotations[ANNOTATION_ORIGIN_LOCATION] === options.ownLocation)
  ) {
    return;
  }
  throw new InputError(
    `${options.entityRef} already exists in the catalog${
      from ? ` (from ${from})` : ''
    }: choose another name, or change that service's infrastructure from its Infrastructure tab`,
  );
}
