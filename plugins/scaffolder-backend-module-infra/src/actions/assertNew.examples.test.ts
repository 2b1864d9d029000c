import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createInfraServiceAssertNewAction } from './assertNew';
import { examples } from './assertNew.examples';

describe('infra:service:assert-new examples', () => {
  const mockDir = createMockDirectory();

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_description, example) => {
      const step = yaml.parse(example).steps[0];
      mockDir.setContent({ repositories: {} });
      const action = createInfraServiceAssertNewAction({
        config: new ConfigReader({
          plinth: {
            publish: { localDirectory: mockDir.resolve('repositories') },
          },
        }),
        catalog: catalogServiceMock({ entities: [] }),
      });
      expect(step.action).toBe(action.id);
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: mockDir.resolve('workspace'),
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        `component:default/${step.input.name}`,
      );
    },
  );
});
