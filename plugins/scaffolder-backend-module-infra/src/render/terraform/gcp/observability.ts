/*
 * GCP observability: every service's audit logs routed to a locked-down, versioned,
 * key-encrypted bucket with a retention policy.
 */
import { data, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import { NAME_VARIABLE, logRetentionDays, nameWith } from '../module';
import { KEY_USER_ROLE, LABELS, LABELS_LOCAL, TAGS } from './common';

export const gcpObservability: TerraformModule = {
  name: 'observability',
  variables: [
    NAME_VARIABLE,
    {
      name: 'region',
      type: 'string',
      description: 'Location of the log bucket.',
    },
    {
      name: 'kms_key_id',
      type: 'string',
      description: 'Key that encrypts the logs.',
    },
    {
      name: 'log_retention_days',
      type: 'number',
      description: 'Days to keep audit logs.',
    },
    TAGS,
  ],
  main: [
    LABELS_LOCAL,
    data('google_client_config', 'current', {}),
    // Reading the Cloud Storage service agent also creates it if the project has none yet.
    data('google_storage_project_service_account', 'current', {}),
    resource('google_kms_crypto_key_iam_member', 'gcs', {
      crypto_key_id: ref('var', 'kms_key_id'),
      role: KEY_USER_ROLE,
      member: raw(
        '"serviceAccount:${data.google_storage_project_service_account.current.email_address}"',
      ),
    }),
    resource('google_storage_bucket', 'audit', {
      name: raw(
        '"${var.name}-audit-${data.google_client_config.current.project}"',
      ),
      location: ref('var', 'region'),
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      force_destroy: false,
      versioning: nested({ enabled: true }),
      encryption: nested({ default_kms_key_name: ref('var', 'kms_key_id') }),
      labels: LABELS,
      retention_policy: nested({
        retention_period: raw('var.log_retention_days * 86400'),
      }),
      depends_on: [ref('google_kms_crypto_key_iam_member', 'gcs')],
    }),
    resource('google_logging_project_sink', 'audit', {
      name: nameWith('audit'),
      destination: raw(
        '"storage.googleapis.com/${google_storage_bucket.audit.name}"',
      ),
      filter: 'logName:"cloudaudit.googleapis.com"',
      unique_writer_identity: true,
    }),
    resource('google_storage_bucket_iam_member', 'audit_writer', {
      bucket: ref('google_storage_bucket', 'audit', 'name'),
      role: 'roles/storage.objectCreator',
      member: ref('google_logging_project_sink', 'audit', 'writer_identity'),
    }),
    resource('google_project_iam_audit_config', 'all', {
      project: raw('data.google_client_config.current.project'),
      service: 'allServices',
      audit_log_config: [
        nested({ log_type: 'ADMIN_READ' }),
        nested({ log_type: 'DATA_READ' }),
        nested({ log_type: 'DATA_WRITE' }),
      ],
    }),
  ],
  outputs: [
    {
      name: 'audit_bucket',
      value: ref('google_storage_bucket', 'audit', 'name'),
      description: 'Bucket with the audit logs.',
    },
  ],
  usedBy: ({ network: n }) => n.role === 'primary',
  args: ({ env, network: n }) => ({
    region: n.region,
    kms_key_id: ref('module', 'security', 'kms_key_id'),
    log_retention_days: logRetentionDays(env),
  }),
};
