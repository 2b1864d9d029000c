import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ContractIssue,
  EnvironmentView,
  environmentQueryForService,
  parseEnvironment,
  parseService,
  parseSlo,
  ServiceView,
  sloQueryForService,
  SloView,
} from '@plinth/backstage-plugin-infra-common';

/** A parsed entity, or what is wrong with it; either way with its ref. */
export type Parsed<T> =
  | { entityRef: string; ok: true; value: T; issues: ContractIssue[] }
  | { entityRef: string; ok: false; issues: ContractIssue[] };

export interface ServiceInfra {
  service: Parsed<ServiceView>;
  slos: Parsed<SloView>[];
  environments: Parsed<EnvironmentView>[];
}

function parseWith<T>(
  parse: (e: Entity) => { ok: boolean; value?: T; issues: ContractIssue[] },
  entity: Entity,
): Parsed<T> {
  const result = parse(entity);
  return { entityRef: stringifyEntityRef(entity), ...result } as Parsed<T>;
}

const byRef = (a: { entityRef: string }, b: { entityRef: string }) =>
  a.entityRef.localeCompare(b.entityRef);

/**
 * A service's SLOs and environments: one catalog query each, by relation, with
 * only the fields the parsers read. Nothing throws on bad data: each entity
 * comes back parsed or with its problems.
 */
export function useServiceInfra(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const ref = stringifyEntityRef(entity);
  return useAsyncRetry(async (): Promise<ServiceInfra> => {
    const [slos, environments] = await Promise.all([
      catalogApi.getEntities(sloQueryForService(ref)),
      catalogApi.getEntities(environmentQueryForService(ref)),
    ]);
    return {
      service: parseWith<ServiceView>(parseService, entity),
      slos: slos.items.map(e => parseWith<SloView>(parseSlo, e)).sort(byRef),
      environments: environments.items
        .map(e => parseWith<EnvironmentView>(parseEnvironment, e))
        .sort(byRef),
    };
  }, [catalogApi, ref, entity]);
}

/** `url:https://github.com/acme/x-infra` + `terraform/envs/prod` -> a browsable link. */
export function infraSourceLink(
  infraSource: string | undefined,
  path: string | undefined,
): string | undefined {
  if (!infraSource || !path) return undefined;
  const base = infraSource.replace(/^url:/, '').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) return undefined;
  const clean = path.replace(/^\/+/, '');
  if (clean.split('/').includes('..')) return undefined;
  return `${base}/tree/HEAD/${clean}`;
}
