import fs from 'node:fs';
import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import git from 'isomorphic-git';
import yaml from 'yaml';
import { createInfraPublishLocalAction } from './publishLocal';
import { examples } from './publishLocal.examples';

describe('infra:publish:local examples', () => {
  const mockDir = createMockDirectory();

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_description, example) => {
      mockDir.setContent({
        workspace: {
          'catalog-info.yaml': 'kind: Component\n',
          infrastructure: { 'main.tf': 'terraform {}\n' },
        },
      });
      const action = createInfraPublishLocalAction({
        config: new ConfigReader({
          plinth: {
            publish: { localDirectory: mockDir.resolve('repositories') },
          },
        }),
      });
      const input = yaml.parse(example).steps[0].input;
      const ctx = createMockActionContext({
        input,
        workspacePath: mockDir.resolve('workspace'),
      });

      await action.handler(ctx);

      const dir = mockDir.resolve(`repositories/${input.repoName}`);
      const [commit] = await git.log({
        fs,
        dir,
        ref: input.defaultBranch ?? 'main',
      });
      expect(commit.commit.message.trim()).toBe(
        input.commitMessage ??
          'Initial infrastructure from the Plinth /infra wizard',
      );
    },
  );
});
