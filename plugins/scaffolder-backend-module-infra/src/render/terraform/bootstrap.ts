/*
 * The state bootstrap root, `terraform/bootstrap/`: the one-time Terraform that creates the
 * remote state backend every environment root's `backend.tf` names (the S3 bucket and, with
 * DynamoDB locking, its table; the GCS bucket; the Azure resource group, storage account and
 * container), versioned, encrypted, never public and protected from `destroy`. It keeps its
 * own state locally: it is applied once by an administrator, before the first `init` of any
 * environment, and changes rarely.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import {
  HclFileItem,
  block,
  call,
  comment,
  nested,
  raw,
  ref,
  renderHclAttributes,
  renderHclFile,
  resource,
} from '../hcl';
import type { GeneratedFile } from '../types';
import type { CloudTarget, RootVariable } from './cloud';
import { variablesFile } from './module';
import { STORAGE_ACCOUNT_BASELINE } from './azure/common';

export const BOOTSTRAP_ROOT = 'terraform/bootstrap';

const KEEP = nested({ prevent_destroy: true });

function awsBackend(design: Design): HclFileItem[] {
  const backend = design.iac.stateBackend;
  const items: HclFileItem[] = [
    resource('aws_kms_key', 'state', {
      description: 'Encrypts the Terraform state.',
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    }),
    resource('aws_s3_bucket', 'state', {
      bucket: ref('var', 'bucket'),
      lifecycle: KEEP,
    }),
    resource('aws_s3_bucket_versioning', 'state', {
      bucket: ref('aws_s3_bucket', 'state', 'id'),
      versioning_configuration: nested({ status: 'Enabled' }),
    }),
    resource('aws_s3_bucket_server_side_encryption_configuration', 'state', {
      bucket: ref('aws_s3_bucket', 'state', 'id'),
      rule: nested({
        apply_server_side_encryption_by_default: nested({
          sse_algorithm: 'aws:kms',
          kms_master_key_id: ref('aws_kms_key', 'state', 'arn'),
        }),
        bucket_key_enabled: true,
      }),
    }),
    resource('aws_s3_bucket_public_access_block', 'state', {
      bucket: ref('aws_s3_bucket', 'state', 'id'),
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    }),
    comment('State is read and written over TLS only.'),
    resource('aws_s3_bucket_policy', 'state', {
      bucket: ref('aws_s3_bucket', 'state', 'id'),
      policy: call('jsonencode', {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [
              ref('aws_s3_bucket', 'state', 'arn'),
              raw('"${aws_s3_bucket.state.arn}/*"'),
            ],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
      depends_on: [ref('aws_s3_bucket_public_access_block', 'state')],
    }),
  ];
  // The environment roots lock with DynamoDB unless the design chose S3 native locking.
  if (backend.locking !== 'native') {
    items.push(
      resource('aws_dynamodb_table', 'locks', {
        name: raw('"${var.bucket}-locks"'),
        billing_mode: 'PAY_PER_REQUEST',
        hash_key: 'LockID',
        attribute: nested({ name: 'LockID', type: 'S' }),
        server_side_encryption: nested({ enabled: true }),
        point_in_time_recovery: nested({ enabled: true }),
        lifecycle: KEEP,
      }),
    );
  }
  return items;
}

const GCP_BACKEND: HclFileItem[] = [
  resource('google_storage_bucket', 'state', {
    name: ref('var', 'bucket'),
    location: ref('var', 'region'),
    uniform_bucket_level_access: true,
    public_access_prevention: 'enforced',
    force_destroy: false,
    versioning: nested({ enabled: true }),
    lifecycle: KEEP,
  }),
];

function azureBackend(design: Design): HclFileItem[] {
  const backend = design.iac.stateBackend;
  return [
    resource('azurerm_resource_group', 'state', {
      name: `rg-${backend.keyPrefix}-tfstate`,
      location: ref('var', 'region'),
      lifecycle: KEEP,
    }),
    comment(
      'Entra ID only (no shared keys), as the environment roots use it (use_azuread_auth).',
    ),
    resource('azurerm_storage_account', 'state', {
      name: ref('var', 'bucket'),
      resource_group_name: ref('azurerm_resource_group', 'state', 'name'),
      location: ref('azurerm_resource_group', 'state', 'location'),
      account_tier: 'Standard',
      account_replication_type: 'GZRS',
      ...STORAGE_ACCOUNT_BASELINE,
      blob_properties: nested({
        versioning_enabled: true,
        delete_retention_policy: nested({ days: 30 }),
        container_delete_retention_policy: nested({ days: 30 }),
      }),
      lifecycle: KEEP,
    }),
    resource('azurerm_storage_container', 'tfstate', {
      name: 'tfstate',
      storage_account_id: ref('azurerm_storage_account', 'state', 'id'),
      container_access_type: 'private',
    }),
  ];
}

function variables(design: Design): RootVariable[] {
  const backend = design.iac.stateBackend;
  const list: RootVariable[] = [
    {
      spec: {
        name: 'bucket',
        type: 'string',
        description:
          'Name of the state bucket (Azure: storage account), as every backend.tf names it.',
      },
      value: backend.bucket,
    },
    {
      spec: {
        name: 'region',
        type: 'string',
        description: 'Region of the state backend.',
      },
      value: backend.region,
    },
  ];
  if (design.cloud === 'gcp')
    list.push({
      spec: {
        name: 'project',
        type: 'string',
        description: 'Google Cloud project that holds the state bucket.',
      },
    });
  if (design.cloud === 'azure')
    list.push({
      spec: {
        name: 'subscription_id',
        type: 'string',
        description: 'Azure subscription that holds the state storage account.',
      },
    });
  return list;
}

function providerBlock(design: Design): HclFileItem {
  if (design.cloud === 'aws')
    return block('provider', ['aws'], { region: ref('var', 'region') });
  if (design.cloud === 'gcp')
    return block('provider', ['google'], {
      project: ref('var', 'project'),
      region: ref('var', 'region'),
    });
  return block('provider', ['azurerm'], {
    subscription_id: ref('var', 'subscription_id'),
    storage_use_azuread: true,
    features: nested({}),
  });
}

const RESOURCES = {
  aws: awsBackend,
  gcp: () => GCP_BACKEND,
  azure: azureBackend,
} as const;

/** The bootstrap root's files: versions, variables and their values, the backend resources. */
export function renderBootstrap(
  design: Design,
  cloud: CloudTarget,
): GeneratedFile[] {
  const vars = variables(design);
  return [
    {
      path: `${BOOTSTRAP_ROOT}/versions.tf`,
      content: renderHclFile([
        comment(
          'No backend: this root keeps its state locally; it creates the backend the environments use.',
        ),
        block('terraform', [], {
          required_version: '>= 1.10.0',
          required_providers: nested({
            [cloud.provider.name]: {
              source: cloud.provider.source,
              version: cloud.provider.version,
            },
          }),
        }),
      ]),
    },
    {
      path: `${BOOTSTRAP_ROOT}/variables.tf`,
      content: renderHclFile(variablesFile(vars.map(v => v.spec))),
    },
    {
      path: `${BOOTSTRAP_ROOT}/terraform.tfvars`,
      content: renderHclAttributes(
        vars
          .filter(v => v.value !== undefined)
          .map(v => [v.spec.name, v.value!] as const),
      ),
    },
    {
      path: `${BOOTSTRAP_ROOT}/main.tf`,
      content: renderHclFile([
        comment(
          `The state backend of ${design.service.name}: apply once, before the first init of any environment.`,
        ),
        providerBlock(design),
        ...RESOURCES[design.cloud as keyof typeof RESOURCES](design),
      ]),
    },
  ];
}
