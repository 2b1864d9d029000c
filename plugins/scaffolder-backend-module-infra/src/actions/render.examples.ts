import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { minimalAnswers, planStep } from './plan.examples';

/** The render step of a template, recording the plan's answers. */
export const renderStep = {
  id: 'render',
  name: 'Write the infrastructure repository',
  action: 'infra:repository:render',
  input: {
    design: '${{ steps.plan.output.design }}',
    answers: '${{ steps.plan.output.answers }}',
  },
};

export const examples: TemplateExample[] = [
  {
    description:
      'Plan a design, then write its repository into the workspace and publish it',
    example: yaml.stringify({
      steps: [planStep(minimalAnswers), renderStep],
    }),
  },
  {
    description:
      "Plan from the wizard's answers, then write the repository into the workspace",
    example: yaml.stringify({
      steps: [planStep('${{ parameters.answers }}'), renderStep],
    }),
  },
];
