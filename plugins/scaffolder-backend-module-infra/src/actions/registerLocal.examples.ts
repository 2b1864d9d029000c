import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Register the repository that infra:publish:local just published, and link to its service',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'infra:catalog:register-local',
          name: 'Register in the catalog',
          input: { repoName: 'payments-api-infra' },
        },
      ],
      output: {
        links: [
          {
            title: 'Open in the catalog',
            icon: 'catalog',
            entityRef: '${{ steps.register.output.entityRef }}',
          },
        ],
      },
    }),
  },
  {
    description:
      'Register with a longer wait, for a catalog that processes many locations',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'infra:catalog:register-local',
          name: 'Register in the catalog',
          input: { repoName: 'checkout-web-infra', timeoutSeconds: 180 },
        },
      ],
    }),
  },
];
