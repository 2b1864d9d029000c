/*
 * The /infra wizard's custom scaffolder form fields (FormFieldBlueprint extensions).
 * The plugin lists them among its extensions; they attach to the scaffolder's form fields.
 * Each loads its component lazily, like the scaffolder's own fields.
 */
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

const sloObjectiveFormField = FormFieldBlueprint.make({
  name: 'slo-objective',
  params: { field: () => import('./fields').then(m => m.SloObjective) },
});

const regionPickerFormField = FormFieldBlueprint.make({
  name: 'region-picker',
  params: { field: () => import('./fields').then(m => m.RegionPicker) },
});

const infraReviewFormField = FormFieldBlueprint.make({
  name: 'infra-review',
  params: { field: () => import('./fields').then(m => m.InfraReview) },
});

const infraSectionFormField = FormFieldBlueprint.make({
  name: 'infra-section',
  params: { field: () => import('./fields').then(m => m.InfraSection) },
});

const serviceNameFormField = FormFieldBlueprint.make({
  name: 'service-name',
  params: { field: () => import('./fields').then(m => m.InfraServiceName) },
});

export const infraFormFields = [
  serviceNameFormField,
  infraSectionFormField,
  sloObjectiveFormField,
  regionPickerFormField,
  infraReviewFormField,
];
