import {
  createFormField,
  FormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { InfraReviewField, validateInfraReview } from './InfraReviewField';
import { InfraSectionField, validateInfraSection } from './InfraSectionField';
import { RegionPickerField, validateRegions } from './RegionPickerField';
import { ServiceNameField } from './ServiceNameField';
import { SloObjectiveField, validateSloObjective } from './SloObjectiveField';

/** The /infra wizard's `ui:field`s: each component, and the validation run on Next. */
const fields = {
  /** An objective in percent with its error budget. */
  SloObjective: [SloObjectiveField, validateSloObjective],
  /** Regions limited by cloud and data residency. */
  RegionPicker: [RegionPickerField, validateRegions],
  /** The planned design, before Create. */
  InfraReview: [InfraReviewField, validateInfraReview],
  /** A section of the answers, checked by the planner's schema on Next. */
  InfraSection: [InfraSectionField, validateInfraSection],
  /**
   * The service name, checked against the catalog as it is typed (the service section's
   * validation blocks Next on a taken name); fixed in change mode.
   */
  InfraServiceName: [ServiceNameField, undefined],
} as const;

/** A `ui:field` name of the /infra wizard (`ui:field: SloObjective`). */
export type InfraFieldName = keyof typeof fields;

/**
 * The form field for `ui:field: <name>`. The fields type their own values and validation
 * context instead of declaring zod schemas, which createFormField's generics expect:
 * hence the casts.
 */
export function infraFormField(name: InfraFieldName): FormField {
  const [component, validation] = fields[name];
  return createFormField({
    name,
    component: component as any,
    validation: validation as any,
  });
}
