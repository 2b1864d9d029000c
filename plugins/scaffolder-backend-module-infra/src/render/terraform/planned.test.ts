import { parse } from '@cdktf/hcl2json';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { withAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';
import { renderTerraform } from './index';

/** The shared example answers on another cloud, with hostile text in the description. */
function answers(cloud: 'aws' | 'gcp', primaryRegion: string) {
  return withAnswers({
    service: { description: 'Card "payments" ${var.x} %{ if true }' },
    topology: { cloud, primaryRegion, cache: 'redis' },
  });
}

describe('renderTerraform on planned designs', () => {
  it.each([
    ['aws', 'eu-west-1'],
    ['gcp', 'europe-west1'],
  ] as const)(
    "renders a %s design from planDesign that HashiCorp's parser accepts",
    async (cloud, region) => {
      const parsed = parseAnswers(answers(cloud, region));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const { design } = planDesign(parsed.answers, {
        defaults: parsed.defaults,
      });
      const files = renderTerraform(design);
      expect(files.some(f => f.path === 'terraform/envs/prod/main.tf')).toBe(
        true,
      );
      for (const file of files) {
        await expect(parse(file.path, file.content)).resolves.toBeDefined();
      }
    },
  );
});
