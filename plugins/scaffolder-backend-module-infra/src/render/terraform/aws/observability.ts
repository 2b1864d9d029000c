/*
 * AWS observability: the audit trail (CloudTrail in every region, with log file
 * validation, encrypted with the environment key) into a private, versioned, encrypted
 * S3 bucket; and the application log group, kept as long as the frameworks require.
 */
import { data, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import {
  NAME_VARIABLE,
  TAGS_VARIABLE,
  logRetentionDays,
  nameWith,
} from '../module';
import { cloudWatchRetentionDays } from './retention';

export const awsObservability: TerraformModule = {
  name: 'observability',
  variables: [
    NAME_VARIABLE,
    {
      name: 'kms_key_arn',
      type: 'string',
      description: 'Key that encrypts logs and the trail.',
    },
    {
      name: 'log_retention_days',
      type: 'number',
      description: 'Days to keep application and audit logs.',
    },
    TAGS_VARIABLE,
  ],
  main: [
    data('aws_caller_identity', 'current', {}),
    resource('aws_s3_bucket', 'audit', {
      bucket_prefix: raw('"${var.name}-audit-"'),
      // Audit evidence outlives a `terraform destroy` by mistake.
      force_destroy: false,
      tags: ref('var', 'tags'),
    }),
    resource('aws_s3_bucket_public_access_block', 'audit', {
      bucket: ref('aws_s3_bucket', 'audit', 'id'),
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    }),
    resource('aws_s3_bucket_ownership_controls', 'audit', {
      bucket: ref('aws_s3_bucket', 'audit', 'id'),
      rule: nested({ object_ownership: 'BucketOwnerEnforced' }),
    }),
    resource('aws_s3_bucket_versioning', 'audit', {
      bucket: ref('aws_s3_bucket', 'audit', 'id'),
      versioning_configuration: nested({ status: 'Enabled' }),
    }),
    resource('aws_s3_bucket_server_side_encryption_configuration', 'audit', {
      bucket: ref('aws_s3_bucket', 'audit', 'id'),
      rule: nested({
        apply_server_side_encryption_by_default: nested({
          sse_algorithm: 'aws:kms',
          kms_master_key_id: ref('var', 'kms_key_arn'),
        }),
        bucket_key_enabled: true,
      }),
    }),
    resource('aws_s3_bucket_lifecycle_configuration', 'audit', {
      bucket: ref('aws_s3_bucket', 'audit', 'id'),
      rule: nested({
        id: 'retention',
        status: 'Enabled',
        filter: nested({}),
        // S3 rejects an expiration that is not later than the transition, and Glacier IR
        // bills 90 days at least: move objects only when they then stay that long.
        dynamic: nested(
          {
            for_each: raw('var.log_retention_days >= 180 ? [1] : []'),
            content: nested({ days: 90, storage_class: 'GLACIER_IR' }),
          },
          'transition',
        ),
        expiration: nested({ days: ref('var', 'log_retention_days') }),
        noncurrent_version_expiration: nested({
          noncurrent_days: ref('var', 'log_retention_days'),
        }),
      }),
    }),
    resource('aws_s3_bucket_policy', 'audit', {
      bucket: ref('aws_s3_bucket', 'audit', 'id'),
      // CloudTrail may write its own prefix; nobody may use plain HTTP.
      policy: raw(`jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "CloudTrailAclCheck", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "s3:GetBucketAcl", Resource = aws_s3_bucket.audit.arn },
      { Sid = "CloudTrailWrite", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "s3:PutObject", Resource = "\${aws_s3_bucket.audit.arn}/AWSLogs/\${data.aws_caller_identity.current.account_id}/*", Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" } } },
      { Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = "s3:*", Resource = [aws_s3_bucket.audit.arn, "\${aws_s3_bucket.audit.arn}/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }
    ]
  })`),
    }),
    resource('aws_cloudwatch_log_group', 'audit', {
      name: raw('"/audit/${var.name}"'),
      retention_in_days: ref('var', 'log_retention_days'),
      kms_key_id: ref('var', 'kms_key_arn'),
      tags: ref('var', 'tags'),
    }),
    resource('aws_iam_role', 'cloudtrail', {
      name: nameWith('cloudtrail'),
      assume_role_policy: raw(
        'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }] })',
      ),
      tags: ref('var', 'tags'),
    }),
    resource('aws_iam_role_policy', 'cloudtrail', {
      name: nameWith('cloudtrail'),
      role: ref('aws_iam_role', 'cloudtrail', 'id'),
      policy: raw(
        'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.audit.arn}:*" }] })',
      ),
    }),
    resource('aws_cloudtrail', 'main', {
      name: ref('var', 'name'),
      s3_bucket_name: ref('aws_s3_bucket', 'audit', 'id'),
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      kms_key_id: ref('var', 'kms_key_arn'),
      cloud_watch_logs_group_arn: raw(
        '"${aws_cloudwatch_log_group.audit.arn}:*"',
      ),
      cloud_watch_logs_role_arn: ref('aws_iam_role', 'cloudtrail', 'arn'),
      tags: ref('var', 'tags'),
      depends_on: [ref('aws_s3_bucket_policy', 'audit')],
    }),
    resource('aws_cloudwatch_log_group', 'application', {
      name: raw('"/app/${var.name}"'),
      retention_in_days: ref('var', 'log_retention_days'),
      kms_key_id: ref('var', 'kms_key_arn'),
      tags: ref('var', 'tags'),
    }),
  ],
  outputs: [
    {
      name: 'audit_bucket',
      value: ref('aws_s3_bucket', 'audit', 'id'),
      description: 'Bucket with the audit trail.',
    },
    {
      name: 'application_log_group',
      value: ref('aws_cloudwatch_log_group', 'application', 'name'),
      description: 'Log group of the workload.',
    },
  ],
  // One trail covers every region: the secondary region does not need its own.
  usedBy: ({ network }) => network.role === 'primary',
  args: ({ env }) => ({
    kms_key_arn: ref('module', 'security', 'kms_key_arn'),
    log_retention_days: cloudWatchRetentionDays(logRetentionDays(env)),
  }),
};
