import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The publish step of a template, with its input. */
function publishStep(input: Record<string, string>) {
  return {
    id: 'publish',
    action: 'infra:publish:local',
    name: 'Publish locally',
    input,
  };
}

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the rendered infrastructure repository as a local git repository',
    example: yaml.stringify({
      steps: [
        publishStep({
          repoName: 'payments-api-infra',
        }),
      ],
    }),
  },
  {
    description:
      'Publish one folder of the workspace, on a named branch, with a commit message',
    example: yaml.stringify({
      steps: [
        publishStep({
          repoName: 'checkout-web-infra',
          sourcePath: 'infrastructure',
          defaultBranch: 'trunk',
          commitMessage: 'Infrastructure for checkout-web',
        }),
      ],
    }),
  },
];
