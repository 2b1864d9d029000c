import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { createInfraChangeLocalAction } from './changeLocal';
import { examples as localExamples } from './changeLocal.examples';
import { createInfraChangePrepareAction } from './changePrepare';
import { examples as prepareExamples } from './changePrepare.examples';

// The actions themselves run in changeLocal.test.ts, changePrepare.test.ts and
// changeGithub.msw.test.ts; here each example's step must be valid input of its action.
const required: Record<string, string> = {
  'infra:change:local': 'repoName',
  'infra:change:prepare': 'sourceUrl',
};

describe.each([
  [
    createInfraChangeLocalAction({
      config: new ConfigReader({
        plinth: { publish: { localDirectory: '/x' } },
      }),
    }),
    localExamples,
  ],
  [
    createInfraChangePrepareAction({ reader: mockServices.urlReader.mock() }),
    prepareExamples,
  ],
])('change action examples', (action, examples) => {
  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    (_description, example) => {
      const steps = yaml.parse(example).steps;
      expect(steps.map((s: any) => s.id)).toContain('render');
      const step = steps.find((s: any) => s.action === action.id);
      expect(step).toBeDefined();
      expect(Object.keys(step.input)).toEqual([required[action.id]]);
      // The render step records the answers, which a change needs.
      const render = steps.find((s: any) => s.id === 'render');
      expect(render.input.answers).toBe('${{ steps.plan.output.answers }}');
    },
  );
});
