import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'First step of the create flow: stop before planning when the service or its repository exists',
    example: yaml.stringify({
      steps: [
        {
          id: 'assert-new',
          name: 'Check the service is new',
          action: 'infra:service:assert-new',
          input: {
            name: 'payments-api',
            repoName: 'payments-api-infra',
          },
        },
      ],
    }),
  },
];
