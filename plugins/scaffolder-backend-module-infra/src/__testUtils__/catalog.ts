import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';

// The policies the catalog itself applies to every entity it ingests.
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const kindValidators = [
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
];

/**
 * Validates an entity as the catalog would: the envelope and field formats for
 * every kind, and the kind's own schema for Component and Resource. Throws on
 * the first problem.
 */
export async function validateEntity(entity: Entity): Promise<void> {
  const result = await policy.enforce(entity);
  if (!result) {
    throw new Error(
      `Entity ${entity.metadata.name} was rejected by the policies`,
    );
  }
  if (entity.kind === 'Component' || entity.kind === 'Resource') {
    const checks = await Promise.all(kindValidators.map(v => v.check(entity)));
    if (!checks.some(Boolean)) {
      throw new Error(`No kind validator accepted ${entity.kind}`);
    }
  }
}
