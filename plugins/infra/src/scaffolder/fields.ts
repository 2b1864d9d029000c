import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { InfraReviewField, validateInfraReview } from './InfraReviewField';
import { InfraSectionField, validateInfraSection } from './InfraSectionField';
import { RegionPickerField, validateRegions } from './RegionPickerField';
import { ServiceNameField } from './ServiceNameField';
import { SloObjectiveField, validateSloObjective } from './SloObjectiveField';

/** `ui:field: SloObjective`: an objective in percent with its error budget. */
export const SloObjective = createFormField({
  name: 'SloObjective',
  component: SloObjectiveField as any,
  validation: validateSloObjective,
});

/** `ui:field: RegionPicker`: regions limited by cloud and data residency. */
export const RegionPicker = createFormField({
  name: 'RegionPicker',
  component: RegionPickerField as any,
  validation: validateRegions as any,
});

/** `ui:field: InfraReview`: the planned design, before Create. */
export const InfraReview = createFormField({
  name: 'InfraReview',
  component: InfraReviewField as any,
  validation: validateInfraReview as any,
});

/** `ui:field: InfraSection`: a section of the answers, checked by the planner's schema on Next. */
export const InfraSection = createFormField({
  name: 'InfraSection',
  component: InfraSectionField as any,
  validation: validateInfraSection as any,
});

/**
 * `ui:field: InfraServiceName`: the service name, checked against the catalog as it is
 * typed (the service section's validation blocks Next on a taken name); fixed in change mode.
 */
export const InfraServiceName = createFormField({
  name: 'InfraServiceName',
  component: ServiceNameField as any,
});
