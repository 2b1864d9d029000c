/*
 * `ui:field: InfraSection` on a section of the answers (`topology`, `environments`):
 * renders the section as the form would, and validates it on Next with the same answers
 * schema the planner uses, cross-field rules included, so a problem is shown on its own
 * page, next to its field, in words. The topology also checks its VPC range against the
 * networks of the other environments in the catalog.
 */
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { ApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  AnswerIssue,
  networksOfEnvironment,
  overlappingNetworks,
  parseAnswers,
} from '@plinth/backstage-plugin-infra-common';
import { answersFromFormData } from '../InfraReviewField/answersFromFormData';
import { addSectionErrors, ErrorNode } from './sectionErrors';

export const InfraSectionField = (
  props: FieldExtensionComponentProps<unknown>,
) => {
  const { ArrayField, ObjectField } = props.registry.fields;
  const Field = props.schema.type === 'array' ? ArrayField : ObjectField;
  return <Field {...(props as any)} />;
};

/** The section a field stands for: `ui:options.section` in the template. */
function sectionOf(uiSchema: any): string | undefined {
  const section = uiSchema?.['ui:options']?.section;
  return typeof section === 'string' ? section : undefined;
}

/** Issues of the VPC range against the other environments' networks in the catalog. */
async function networkIssues(
  apiHolder: ApiHolder | undefined,
  answers: Record<string, any>,
): Promise<AnswerIssue[]> {
  const requested = answers.topology?.vpcCidr;
  const catalogApi = apiHolder?.get(catalogApiRef);
  if (typeof requested !== 'string' || !catalogApi) return [];
  const own = `component:default/${answers.service?.name}`;
  const { items } = await catalogApi.getEntities({
    filter: { kind: 'Resource', 'spec.type': 'environment' },
    fields: [
      'kind',
      'metadata.name',
      'spec.dependencyOf',
      'spec.environment.networks',
    ],
  });
  const used = items
    // A service asked for again may keep its own ranges.
    .filter(e => !((e.spec?.dependencyOf as string[]) ?? []).includes(own))
    .flatMap(networksOfEnvironment);
  return overlappingNetworks(requested, used)
    .slice(0, 1)
    .map(o => ({ path: 'topology.vpcCidr', message: o.message }));
}

export async function validateInfraSection(
  _value: unknown,
  validation: ErrorNode,
  context: {
    formData: any;
    schema?: any;
    uiSchema?: any;
    apiHolder?: ApiHolder;
  },
) {
  const section = sectionOf(context.uiSchema);
  if (!section) return;
  const answers = answersFromFormData(context.formData);
  const parsed = parseAnswers(answers);
  const issues = parsed.ok ? [] : [...parsed.issues];
  if (section === 'topology' && !issues.some(i => i.path.startsWith(section))) {
    issues.push(...(await networkIssues(context.apiHolder, answers)));
  }
  addSectionErrors(
    validation,
    section,
    issues,
    context.schema,
    context.uiSchema,
  );
}
