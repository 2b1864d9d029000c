import { parse } from '@cdktf/hcl2json';
import { renderTerraform } from './index';
import { fixtureDesign } from './__testUtils__/designs';
import { CONTRACT_MODULES } from '../../__testUtils__/contract';

const ENV_FILES = [
  'main.tf',
  'backend.tf',
  'versions.tf',
  'variables.tf',
  'terraform.tfvars',
];

describe('renderTerraform', () => {
  const designs = [
    ['aws', fixtureDesign('aws', { multiRegion: true })],
    ['aws containers', fixtureDesign('aws', { compute: 'containers' })],
    ['aws vms', fixtureDesign('aws', { compute: 'vms' })],
    ['aws serverless', fixtureDesign('aws', { compute: 'serverless' })],
    ['gcp', fixtureDesign('gcp', { multiRegion: true })],
    ['gcp vms', fixtureDesign('gcp', { compute: 'vms' })],
    ['gcp containers', fixtureDesign('gcp', { compute: 'containers' })],
  ] as const;

  it.each(designs)(
    'writes every module and environment root (%s)',
    (_, design) => {
      const paths = renderTerraform(design).map(f => f.path);
      for (const module of CONTRACT_MODULES) {
        for (const file of ['variables.tf', 'main.tf', 'outputs.tf']) {
          expect(paths).toContain(`terraform/modules/${module}/${file}`);
        }
      }
      for (const env of ['dev', 'staging', 'prod']) {
        for (const file of ENV_FILES)
          expect(paths).toContain(`terraform/envs/${env}/${file}`);
      }
    },
  );

  it.each(designs)(
    "writes files that HashiCorp's parser accepts (%s)",
    async (_, design) => {
      for (const file of renderTerraform(design)) {
        await expect(parse(file.path, file.content)).resolves.toBeDefined();
      }
    },
  );

  it('is stable: the same design gives byte-identical files', () => {
    const design = fixtureDesign('aws', { multiRegion: true });
    expect(renderTerraform(structuredClone(design))).toEqual(
      renderTerraform(design),
    );
  });

  it('pins the provider and configures an encrypted, locked state backend', async () => {
    const files = renderTerraform(fixtureDesign('aws'));
    const content = (path: string) => files.find(f => f.path === path)!.content;
    const versions = await parse(
      'versions.tf',
      content('terraform/envs/prod/versions.tf'),
    );
    expect(versions.terraform[0].required_providers[0].aws).toEqual({
      source: 'hashicorp/aws',
      version: '~> 6.25',
    });
    const backend = await parse(
      'backend.tf',
      content('terraform/envs/prod/backend.tf'),
    );
    expect(backend.terraform[0].backend.s3[0]).toMatchObject({
      bucket: 'payments-api-tfstate',
      key: 'payments-api/prod.tfstate',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('calls the modules again in the secondary region of a multi-region design', async () => {
    const files = renderTerraform(fixtureDesign('aws', { multiRegion: true }));
    const main = await parse(
      'main.tf',
      files.find(f => f.path === 'terraform/envs/prod/main.tf')!.content,
    );
    expect(main.provider.aws.map((p: any) => p.alias)).toEqual([
      undefined,
      'secondary',
    ]);
    expect(main.module.network_secondary[0].providers).toEqual({
      aws: '${aws.secondary}',
    });
    expect(main.module.security_secondary[0].vpc_id).toBe(
      '${module.network_secondary.vpc_id}',
    );
    const dev = await parse(
      'main.tf',
      files.find(f => f.path === 'terraform/envs/dev/main.tf')!.content,
    );
    expect(Object.keys(dev.module)).not.toContain('network_secondary');
  });
});
