import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { planStep } from './plan.examples';
import { renderStep } from './render.examples';

export const examples: TemplateExample[] = [
  {
    description:
      'Change an existing local repository: plan the new answers, render, and commit the merged files on a branch',
    example: yaml.stringify({
      steps: [
        planStep('${{ parameters.answers }}'),
        renderStep,
        {
          id: 'change-local',
          name: 'Commit the change on a branch',
          action: 'infra:change:local',
          input: { repoName: '${{ parameters.service.name }}-infra' },
        },
      ],
    }),
  },
];
