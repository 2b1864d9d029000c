import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';

/**
 * @see https://backstage.io/docs/features/software-catalog/extending-the-model
 */
export class InfraProcessor implements CatalogProcessor {
  static fromConfig(_config: Config): InfraProcessor {
    return new InfraProcessor();
  }

  getProcessorName(): string {
    return 'InfraProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
    _originLocation: LocationSpec,
  ): Promise<Entity> {
    // TODO: Implement entity pre-processing logic, for example:
    // entity.metadata.annotations = {
    //   ...entity.metadata.annotations,
    //   'example.com/my-annotation': 'my-value',
    // };
    return entity;
  }

  // Uncomment if you need to validate entities of a specific kind:
  // async validateEntityKind(entity: Entity): Promise<boolean> {
  //   return entity.kind === 'MyKind';
  // }

  // Uncomment if you need to enrich or mutate entities after validation:
  // async postProcessEntity(
  //   entity: Entity,
  //   _location: LocationSpec,
  //   _emit: CatalogProcessorEmit,
  // ): Promise<Entity> {
  //   return entity;
  // }
}
