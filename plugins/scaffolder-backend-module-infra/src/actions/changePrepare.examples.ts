import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { planStep } from './plan.examples';
import { renderStep } from './render.examples';

export const examples: TemplateExample[] = [
  {
    description:
      'Change a GitHub repository: render the new answers, merge with the repository, open or update one pull request',
    example: yaml.stringify({
      steps: [
        planStep('${{ parameters.answers }}'),
        renderStep,
        {
          id: 'change-prepare',
          name: 'Merge with the repository',
          action: 'infra:change:prepare',
          input: {
            sourceUrl: 'https://github.com/acme/payments-api-infra/tree/main',
          },
        },
        {
          id: 'pull-request',
          name: 'Open the pull request',
          action: 'publish:github:pull-request',
          input: {
            repoUrl: 'github.com?owner=acme&repo=payments-api-infra',
            branchName: "${{ steps['change-prepare'].output.branchName }}",
            title: "${{ steps['change-prepare'].output.title }}",
            description: "${{ steps['change-prepare'].output.description }}",
            filesToDelete: "${{ steps['change-prepare'].output.removed }}",
            update: true,
          },
        },
      ],
    }),
  },
];
