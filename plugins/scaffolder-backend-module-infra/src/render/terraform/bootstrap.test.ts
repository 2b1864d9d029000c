/*
 * The state bootstrap root creates exactly the backend that every environment root's
 * backend.tf names, versioned, encrypted and protected, with no backend of its own.
 */
import type { Cloud } from '@plinth/backstage-plugin-infra-common';
import { renderTerraform } from './index';
import { fixtureDesign } from './__testUtils__/designs';
import { parseFiles } from './__testUtils__/hclTree';

async function roots(cloud: Cloud, locking?: string) {
  const design = fixtureDesign(cloud);
  if (locking) (design.iac.stateBackend as any).locking = locking;
  const parsed = await parseFiles(renderTerraform(design));
  const main = parsed.get('terraform/bootstrap/main.tf');
  const backend = parsed.get('terraform/envs/prod/backend.tf').terraform[0]
    .backend;
  const tfvars = renderTerraform(design).find(
    f => f.path === 'terraform/bootstrap/terraform.tfvars',
  )!.content;
  return {
    design,
    main,
    backend,
    tfvars,
    versions: parsed.get('terraform/bootstrap/versions.tf'),
  };
}

describe('the state bootstrap root', () => {
  it.each(['aws', 'gcp', 'azure'] as Cloud[])(
    'keeps its own state locally (%s)',
    async cloud => {
      const { versions } = await roots(cloud);
      expect(versions.terraform[0].backend).toBeUndefined();
      expect(Object.keys(versions.terraform[0].required_providers[0])).toEqual([
        { aws: 'aws', gcp: 'google', azure: 'azurerm' }[cloud],
      ]);
    },
  );

  it('creates the S3 bucket the backends name, versioned, KMS-encrypted, private, TLS only', async () => {
    const { main, backend, tfvars } = await roots('aws');
    const s3 = backend.s3[0];
    expect(tfvars).toContain(`bucket = "${s3.bucket}"`);
    expect(tfvars).toContain(`region = "${s3.region}"`);
    const r = main.resource;
    expect(r.aws_s3_bucket.state[0].bucket).toBe('${var.bucket}');
    expect(r.aws_s3_bucket.state[0].lifecycle[0].prevent_destroy).toBe(true);
    expect(
      r.aws_s3_bucket_versioning.state[0].versioning_configuration[0].status,
    ).toBe('Enabled');
    expect(
      r.aws_s3_bucket_server_side_encryption_configuration.state[0].rule[0]
        .apply_server_side_encryption_by_default[0].sse_algorithm,
    ).toBe('aws:kms');
    expect(r.aws_s3_bucket_public_access_block.state[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(r.aws_s3_bucket_policy.state[0].policy).toContain(
      'aws:SecureTransport',
    );
    // Native S3 locking: no lock table.
    expect(s3.use_lockfile).toBe(true);
    expect(r.aws_dynamodb_table).toBeUndefined();
  });

  it('creates the DynamoDB lock table the backends name when they lock with it', async () => {
    const { main, backend } = await roots('aws', 'dynamodb');
    expect(backend.s3[0].dynamodb_table).toBe('payments-api-tfstate-locks');
    const table = main.resource.aws_dynamodb_table.locks[0];
    expect(table.name).toBe('${var.bucket}-locks');
    expect(table.hash_key).toBe('LockID');
  });

  it('creates the GCS bucket the backends name, versioned and never public', async () => {
    const { main, backend, tfvars } = await roots('gcp');
    expect(tfvars).toContain(`bucket = "${backend.gcs[0].bucket}"`);
    const bucket = main.resource.google_storage_bucket.state[0];
    expect(bucket).toMatchObject({
      name: '${var.bucket}',
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      versioning: [{ enabled: true }],
    });
  });

  it('creates the resource group, storage account and container the backends name', async () => {
    const { main, backend, tfvars } = await roots('azure');
    const b = backend.azurerm[0];
    expect(tfvars).toContain(`bucket = "${b.storage_account_name}"`);
    const r = main.resource;
    expect(r.azurerm_resource_group.state[0].name).toBe(b.resource_group_name);
    expect(r.azurerm_storage_account.state[0]).toMatchObject({
      name: '${var.bucket}',
      shared_access_key_enabled: false,
      allow_nested_items_to_be_public: false,
      min_tls_version: 'TLS1_2',
    });
    expect(r.azurerm_storage_container.tfstate[0].name).toBe(b.container_name);
  });
});
