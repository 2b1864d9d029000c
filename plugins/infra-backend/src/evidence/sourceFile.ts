/*
 * One Terraform file of an environment's local repository, for the evidence links of the
 * compliance card: a browser cannot open the `file:` folders of the embedded default's
 * local repositories, so the backend serves the file. Only to a caller who may read the
 * environment entity (read through the catalog with the caller's credentials), only
 * `.tf`/`.tfvars` files, and only inside the folder the evidence collector read for that
 * environment (resolveSafeChildPath, symlinks included). URL sources are linked to their
 * host instead, so they are never fetched here.
 */
import {
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'node:fs/promises';
import type { EvidenceLookup } from './applyEvidence';

const IAC_FILE = /\.(tf|tfvars)$/;
const MAX_BYTES = 1_000_000;

export async function readSourceFile(options: {
  entityRef: string;
  path: unknown;
  credentials: BackstageCredentials;
  catalog: CatalogService;
  evidence: EvidenceLookup;
}): Promise<string> {
  const { entityRef, path: rel, credentials, catalog, evidence } = options;
  if (typeof rel !== 'string' || rel.length === 0 || rel.length > 500) {
    throw new InputError('path: expected one file path');
  }
  if (!IAC_FILE.test(rel)) {
    throw new InputError('path: only .tf and .tfvars files are served');
  }
  // The catalog applies catalogEntityReadPermission to the caller's credentials.
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
  const stored = evidence.get(stringifyEntityRef(entity));
  if (!stored) {
    throw new NotFoundError(`No code has been read for ${entityRef}`);
  }
  const location = stored.source.location;
  if (!location.startsWith('file:')) {
    throw new InputError(
      `${entityRef} is read from ${location}; open the file there`,
    );
  }
  // Throws NotAllowedError for `..`, absolute paths and symlinks leading outside.
  const full = resolveSafeChildPath(location.slice('file:'.length), rel);
  let stat;
  try {
    stat = await fs.stat(full);
  } catch {
    throw new NotFoundError(`No file ${rel} in the repository of ${entityRef}`);
  }
  if (!stat.isFile()) throw new NotFoundError(`${rel} is not a file`);
  if (stat.size > MAX_BYTES) {
    throw new NotAllowedError(`${rel} is larger than ${MAX_BYTES} bytes`);
  }
  return fs.readFile(full, 'utf8');
}
