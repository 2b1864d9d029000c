import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, serializeError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_SLO_OWNER,
  ContractIssue,
  RELATION_HAS_SLO,
  RELATION_SLO_OF,
  formatIssue,
  formatIssues,
  isEnvironmentEntity,
  isSloEntity,
  parseEnvironment,
  parseService,
  parseSlo,
} from '@plinth/backstage-plugin-infra-common';
import { MissingServices, ServiceReference } from './missingServices';

/**
 * The status item type Backstage uses for processing errors; the entity page's
 * processing-errors panel shows items of this type.
 */
export const CATALOG_PROCESSING_STATUS_TYPE = 'backstage.io/catalog-processing';

// Backstage's entity name rule, for the SLO's `spec.service`.
const ENTITY_NAME = /^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

type Ref = { kind: string; namespace: string; name: string };

/**
 * Catalog support for Plinth's contract (docs/catalog-contract.md):
 * - accepts OpenSLO v1 `SLO` documents as entities and relates each to its
 *   service (`sloOf` / `hasSlo`) and to its owner (`ownedBy` / `ownerOf`);
 * - relates environment Resources to their services in both directions;
 * - validates the SLO spec, the environment fields and the frameworks
 *   annotation. A violation is recorded on the entity as a processing error
 *   naming its field, and the entity stays in the catalog (ADR 0030);
 * - with `missingServices`, reports an SLO or environment whose service is not in
 *   the catalog the same way (after a grace period, see missingServices.ts).
 */
export class InfraEntitiesProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      logger?: LoggerService;
      missingServices?: MissingServices;
    } = {},
  ) {}

  getProcessorName(): string {
    return 'PlinthInfraEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    // The kind is ours; its spec is checked in postProcessEntity so that a
    // broken SLO is reported on the entity instead of vanishing.
    return isSloEntity(entity);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    let issues: ContractIssue[] = [];
    let services: ServiceReference[] = [];
    if (isSloEntity(entity)) {
      issues = parseSlo(entity).issues;
      const service = this.emitSloRelations(entity, emit);
      if (service) {
        services = [{ path: 'spec.service', ref: stringifyEntityRef(service) }];
      }
    } else if (isEnvironmentEntity(entity)) {
      const result = parseEnvironment(entity);
      issues = result.issues;
      if (result.ok) {
        const self = getCompoundEntityRef(entity);
        for (const serviceRef of result.value.serviceRefs) {
          const service = parseEntityRef(serviceRef);
          emit(relation(self, RELATION_DEPENDENCY_OF, service));
          emit(relation(service, RELATION_DEPENDS_ON, self));
          services.push({
            path: 'spec.dependencyOf',
            ref: stringifyEntityRef(service),
          });
        }
      }
    } else if (entity.kind.toLocaleLowerCase('en-US') === 'component') {
      issues = parseService(entity).issues;
    }
    if (this.options.missingServices && services.length > 0) {
      issues = [
        ...issues,
        ...(await this.options.missingServices.issues(
          stringifyEntityRef(entity),
          services,
        )),
      ];
    }
    return this.withContractStatus(entity, issues);
  }

  /** Emits the SLO's relations; returns its service, if it names one. */
  private emitSloRelations(
    entity: Entity,
    emit: CatalogProcessorEmit,
  ): Ref | undefined {
    const self = getCompoundEntityRef(entity);
    const named = entity.spec?.service;
    let service: Ref | undefined;
    // Related even when other fields are broken, so the service's SLO card
    // finds the SLO and can say what is wrong with it.
    if (typeof named === 'string' && ENTITY_NAME.test(named)) {
      const target = {
        kind: 'component',
        namespace: self.namespace,
        name: named,
      };
      emit(relation(self, RELATION_SLO_OF, target));
      emit(relation(target, RELATION_HAS_SLO, self));
      service = target;
    }
    const owner = entity.metadata.annotations?.[ANNOTATION_SLO_OWNER];
    if (owner) {
      let ownerRef: Ref;
      try {
        ownerRef = parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: self.namespace,
        });
      } catch {
        return service; // parseSlo reports the malformed annotation by its field
      }
      emit(relation(self, RELATION_OWNED_BY, ownerRef));
      emit(relation(ownerRef, RELATION_OWNER_OF, self));
    }
    return service;
  }

  private withContractStatus(entity: Entity, issues: ContractIssue[]): Entity {
    if (!issues.length) {
      return entity;
    }
    const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`;
    this.options.logger?.warn(
      `Plinth catalog contract violated by ${ref}: ${formatIssues(issues)}`,
    );
    const items = issues.map(issue => {
      const error = new InputError(formatIssue(issue));
      return {
        type: CATALOG_PROCESSING_STATUS_TYPE,
        level: 'error' as const,
        message: `${error.name}: ${error.message}`,
        error: serializeError(error),
      };
    });
    const status = (entity as { status?: { items?: unknown[] } }).status;
    return {
      ...entity,
      status: { ...status, items: [...(status?.items ?? []), ...items] },
    } as Entity;
  }
}

function relation(source: Ref, type: string, target: Ref) {
  return processingResult.relation({ source, type, target });
}
