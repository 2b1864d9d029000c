/*
 * The /infra wizard's custom scaffolder form fields (FormFieldBlueprint extensions).
 * The plugin lists them among its extensions; they attach to the scaffolder's form fields.
 */
export const infraFormFields = [];
