/*
 * `ui:field: InfraSection` on a section of the answers (`topology`, `environments`):
 * renders the section as the form would, and validates it on Next with the same answers
 * schema the planner uses, cross-field rules included, so a problem is shown on its own
 * page, next to its field, in words. The topology also checks its VPC range against the
 * networks of the other environments in the catalog.
 */
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
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
import {
  existingService,
  existingServiceMessage,
  isChangeMode,
} from '../ServiceNameField/existingService';
import { addSectionErrors, ErrorNode } from './sectionErrors';

/**
 * Section titles are third-level headings and the titles inside a section (an
 * environment, autoscaling) fourth-level: the form's own title template renders h5 right
 * under the template's h2, which skips levels for screen readers (axe heading-order).
 * Same look: h5 type, a divider under it.
 */
function Title(props: { id: string; title: string; level: 'h3' | 'h4' }) {
  return (
    <Box id={props.id} mb={1} mt={1}>
      <Typography variant="h5" component={props.level}>
        {props.title}
      </Typography>
      <Divider />
    </Box>
  );
}

export function SectionTitle(props: { id: string; title: string }) {
  return <Title {...props} level="h3" />;
}

/** The form names array items "Environments-1"; people read "Environment 1". */
export function itemTitle(title: string): string {
  const item = /^(.+?)s?-(\d+)$/.exec(title);
  return item ? `${item[1]} ${item[2]}` : title;
}

export function NestedTitle(props: { id: string; title: string }) {
  return <Title id={props.id} title={itemTitle(props.title)} level="h4" />;
}

export const InfraSectionField = (
  props: FieldExtensionComponentProps<unknown>,
) => {
  const { ArrayField, ObjectField } = props.registry.fields;
  const Field = props.schema.type === 'array' ? ArrayField : ObjectField;
  // `ui:TitleFieldTemplate` replaces the title template for this section only; the
  // registry's (handed down to every field inside) for the titles below it.
  const uiSchema = { ...props.uiSchema, 'ui:TitleFieldTemplate': SectionTitle };
  const registry = {
    ...props.registry,
    templates: { ...props.registry.templates, TitleFieldTemplate: NestedTitle },
  };
  return <Field {...(props as any)} uiSchema={uiSchema} registry={registry} />;
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

/** A new service whose name the catalog already holds: blocked before page 2. */
async function existingNameIssues(
  apiHolder: ApiHolder | undefined,
  formData: unknown,
  answers: Record<string, any>,
): Promise<AnswerIssue[]> {
  const name = answers.service?.name;
  const catalogApi = apiHolder?.get(catalogApiRef);
  if (isChangeMode(formData) || typeof name !== 'string' || !catalogApi) {
    return [];
  }
  return (await existingService(catalogApi, name))
    ? [{ path: 'service.name', message: existingServiceMessage(name) }]
    : [];
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
  if (section === 'service' && !issues.some(i => i.path === 'service.name')) {
    issues.push(
      ...(await existingNameIssues(
        context.apiHolder,
        context.formData,
        answers,
      )),
    );
  }
  addSectionErrors(
    validation,
    section,
    issues,
    context.schema,
    context.uiSchema,
  );
}
