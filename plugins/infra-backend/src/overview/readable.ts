/*
 * Only what the caller may read. The summaries are computed once for everyone (with the
 * plugin's own credentials) and cached; each request then drops what the caller's
 * `catalogEntityReadPermission` hides:
 *
 * - ALLOW (the common case, and every policy where everyone reads): everything, no query;
 * - DENY: nothing;
 * - CONDITIONAL: the catalog itself is asked which of the referenced entities the caller
 *   can read (`getEntitiesByRefs` with the caller's credentials, names only, in batches), so
 *   the conditions are applied by the catalog's own rules, custom rules included, and
 *   Plinth and the catalog agree for every entity.
 *
 * Generic over rows: a row goes when its `ref` is hidden, and every array of objects in it
 * loses the items whose `ref` or `entityRef` is hidden, so fields other features add to the
 * rows (evidence, budgets) are filtered as long as they name their entity.
 */
import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stringifyEntityRef } from '@backstage/catalog-model';

const BATCH = 1000;

type Row = { ref: string };

const refOf = (item: unknown): string | undefined => {
  if (!item || typeof item !== 'object') return undefined;
  const { ref, entityRef } = item as { ref?: unknown; entityRef?: unknown };
  if (typeof ref === 'string') return ref;
  return typeof entityRef === 'string' ? entityRef : undefined;
};

function refsIn(rows: Row[]): string[] {
  const refs = new Set<string>();
  for (const row of rows) {
    refs.add(row.ref);
    for (const value of Object.values(row as Record<string, unknown>)) {
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        const ref = refOf(item);
        if (ref) refs.add(ref);
      }
    }
  }
  return [...refs];
}

/** Keeps the rows, and the items inside them, whose entity `canRead` accepts. */
export function keepReadable<T extends Row>(
  rows: T[],
  canRead: (ref: string) => boolean,
): T[] {
  return rows
    .filter(row => canRead(row.ref))
    .map(row => {
      const copy: Record<string, unknown> = { ...row };
      for (const [key, value] of Object.entries(
        row as Record<string, unknown>,
      )) {
        if (Array.isArray(value) && value.some(item => refOf(item))) {
          copy[key] = value.filter(item => {
            const ref = refOf(item);
            return ref === undefined || canRead(ref);
          });
        }
      }
      return copy as T;
    });
}

/** The rows as the caller may see them. */
export async function readableRows<T extends Row>(
  rows: T[],
  options: {
    credentials: BackstageCredentials;
    permissions: PermissionsService;
    catalog: CatalogService;
  },
): Promise<T[]> {
  const { credentials, permissions, catalog } = options;
  const [decision] = await permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return rows;
  if (decision.result === AuthorizeResult.DENY) return [];

  const refs = refsIn(rows);
  const readable = new Set<string>();
  for (let start = 0; start < refs.length; start += BATCH) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: refs.slice(start, start + BATCH),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    for (const entity of items) {
      if (entity) readable.add(stringifyEntityRef(entity));
    }
  }
  return keepReadable(rows, ref => readable.has(ref));
}
