/*
 * The /infra wizard's custom scaffolder form fields (FormFieldBlueprint extensions).
 * The plugin lists them among its extensions; they attach to the scaffolder's form fields.
 * Each loads its component lazily, like the scaffolder's own fields.
 */
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import type { InfraFieldName } from './fields';

/**
 * A form field extension named `name` that loads the wizard's `ui:field: <field>` when a
 * form first uses it.
 */
function lazyFormField<TName extends string>(
  name: TName,
  field: InfraFieldName,
) {
  return FormFieldBlueprint.make({
    name,
    params: {
      field: () => import('./fields').then(m => m.infraFormField(field)),
    },
  });
}

export const infraFormFields = [
  lazyFormField('service-name', 'InfraServiceName'),
  lazyFormField('infra-section', 'InfraSection'),
  lazyFormField('slo-objective', 'SloObjective'),
  lazyFormField('region-picker', 'RegionPicker'),
  lazyFormField('infra-review', 'InfraReview'),
];
