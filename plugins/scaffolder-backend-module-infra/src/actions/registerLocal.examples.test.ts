import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createInfraCatalogRegisterLocalAction } from './registerLocal';
import { examples } from './registerLocal.examples';

describe('infra:catalog:register-local examples', () => {
  const mockDir = createMockDirectory();

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_description, example) => {
      const step = yaml.parse(example).steps[0];
      const { repoName } = step.input;
      const service = repoName.replace(/-infra$/, '');
      mockDir.setContent({
        repositories: {
          [repoName]: {
            'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${service}\nspec: { type: service }\n`,
          },
        },
      });
      const catalog = catalogServiceMock.mock();
      // The entity is in the catalog once the location has been refreshed.
      let refreshed = false;
      catalog.refreshEntity.mockImplementation(async () => {
        refreshed = true;
      });
      catalog.getEntityByRef.mockImplementation(async () =>
        refreshed ? ({ kind: 'Component' } as any) : undefined,
      );
      const action = createInfraCatalogRegisterLocalAction({
        config: new ConfigReader({
          plinth: {
            publish: { localDirectory: mockDir.resolve('repositories') },
          },
        }),
        catalog,
        pollIntervalMs: 1,
      });
      expect(step.action).toBe(action.id);
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: mockDir.resolve('workspace'),
      });

      await action.handler(ctx);

      expect(catalog.refreshEntity).toHaveBeenCalledTimes(1);
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        `component:default/${service}`,
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'catalogInfoPath',
        mockDir.resolve(`repositories/${repoName}/catalog-info.yaml`),
      );
    },
  );
});
