import { ANSWER_SECTIONS } from '@plinth/backstage-plugin-infra-common';

/** Drops empty strings and nulls that the form leaves behind for unanswered fields. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(prune);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== '' && v !== null && v !== undefined)
        .map(([k, v]) => [k, prune(v)]),
    );
  }
  return value;
}

/**
 * The answers model from the wizard's form data: only its sections (the publish choice
 * and the review are not answers), as the template sends them.
 */
export function answersFromFormData(formData: Record<string, unknown> = {}) {
  return Object.fromEntries(
    ANSWER_SECTIONS.filter(section => formData[section] !== undefined).map(
      section => [section, prune(formData[section])],
    ),
  );
}
