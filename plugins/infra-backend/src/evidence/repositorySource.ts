/*
 * Where an environment's infrastructure repository is: the service's
 * `plinth.dev/infra-source` when set, else the location the environment entity came
 * from (its catalog-info.yaml's folder). A `file:` location is read from disk, anything
 * else through the UrlReaderService.
 */
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { ANNOTATION_INFRA_SOURCE } from '@plinth/backstage-plugin-infra-common';
import path from 'node:path';

export type RepositorySource =
  | { kind: 'file'; root: string; location: string }
  | { kind: 'url'; url: string; location: string };

function fromLocationRef(
  ref: string,
  isFolder: boolean,
): RepositorySource | undefined {
  let parsed: { type: string; target: string };
  try {
    parsed = parseLocationRef(ref);
  } catch {
    return undefined;
  }
  if (parsed.type === 'file') {
    const target = parsed.target;
    if (!path.isAbsolute(target)) return undefined;
    const root = isFolder ? target : path.dirname(target);
    return { kind: 'file', root, location: `file:${root}` };
  }
  if (parsed.type === 'url') {
    let url: URL;
    try {
      url = new URL(parsed.target);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!isFolder) url.pathname = url.pathname.replace(/\/[^/]*$/, '');
    return {
      kind: 'url',
      url: url.toString(),
      location: `url:${url.toString()}`,
    };
  }
  return undefined;
}

/** The repository of an environment, or undefined when it has no readable source. */
export function repositorySourceOf(
  environment: Entity,
  service: Entity | undefined,
): RepositorySource | undefined {
  const infraSource = service?.metadata.annotations?.[ANNOTATION_INFRA_SOURCE];
  if (infraSource && infraSource.length <= 1000) {
    return fromLocationRef(infraSource, true);
  }
  const annotations = environment.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION];
  return location ? fromLocationRef(location, false) : undefined;
}
