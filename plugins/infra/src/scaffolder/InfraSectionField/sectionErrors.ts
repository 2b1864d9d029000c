/*
 * Places the answers schema's issues next to the fields they concern. The scaffolder
 * runs a field's validation with an error object for that field only; for a whole
 * section (`topology`) the error object is RJSF's ErrorSchema of the section, so each
 * issue is added under its own field's key (`vpcCidr`, `0.name`).
 */
import type { AnswerIssue } from '@plinth/backstage-plugin-infra-common';

type Json = Record<string, any>;

/** An RJSF ErrorSchema node: `__errors` for the node, child keys for its fields. */
export type ErrorNode = { __errors?: string[]; [key: string]: any };

/**
 * The path of the field that shows an issue: as deep as the form renders fields.
 * A custom field (`ui:field`) or a list of plain values shows its own errors.
 */
export function renderedFieldPath(
  schema: Json | undefined,
  uiSchema: Json | undefined,
  path: string[],
): string[] {
  const out: string[] = [];
  let node = schema;
  let ui = uiSchema;
  for (const key of path) {
    if (node?.type === 'object' && node.properties?.[key]) {
      node = node.properties[key];
      ui = ui?.[key];
    } else if (
      node?.type === 'array' &&
      /^\d+$/.test(key) &&
      node.items?.type === 'object'
    ) {
      node = node.items;
      ui = ui?.items;
    } else {
      break;
    }
    out.push(key);
    if (ui?.['ui:field']) break;
  }
  return out;
}

/**
 * Adds the issues of `section` to its error node. When only nested fields have issues
 * the node's own `__errors` is removed: the scaffolder's stepper stops looking below a
 * node that has an `__errors` list, and would let Next through.
 */
export function addSectionErrors(
  errors: ErrorNode,
  section: string,
  issues: AnswerIssue[],
  schema: Json | undefined,
  uiSchema: Json | undefined,
) {
  const own: string[] = errors.__errors ?? [];
  let nested = false;
  for (const issue of issues) {
    const [head, ...rest] = issue.path.split('.');
    if (head !== section) continue;
    const fieldPath = renderedFieldPath(schema, uiSchema, rest);
    if (fieldPath.length === 0) {
      own.push(issue.message);
      continue;
    }
    let node = errors;
    for (const key of fieldPath) {
      node[key] = node[key] ?? {};
      node = node[key];
    }
    node.__errors = [...(node.__errors ?? []), issue.message];
    nested = true;
  }
  if (own.length === 0 && nested) {
    delete errors.__errors;
  } else {
    errors.__errors = own;
  }
}
