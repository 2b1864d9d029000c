import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Change an existing local repository: plan the new answers, render, and commit the merged files on a branch',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'infra:design:plan',
          input: { answers: '${{ parameters.answers }}' },
        },
        {
          id: 'render',
          action: 'infra:repository:render',
          input: {
            design: '${{ steps.plan.output.design }}',
            answers: '${{ steps.plan.output.answers }}',
          },
        },
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
