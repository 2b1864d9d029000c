/*
 * AWS data replica: a cross-region read replica of the primary RDS instance in a standby
 * region (warm standby, pilot light, active-active), encrypted with that region's key, in its
 * data subnets, never public. Failover promotes it (see the failover runbook); backups are
 * kept on it so that a promoted replica is protected from its first minute.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import { ref, resource } from '../../hcl';
import {
  NAME_VARIABLE,
  TAGS_VARIABLE,
  TerraformModule,
  callsReplica,
  primaryOutput,
} from '../module';
import { MULTI_AZ, RDS_PROTECTION, rdsOperations } from './data';
import { COMMON_VARIABLES } from '../variables';

export function awsReplica(design: Design): TerraformModule {
  const engine =
    design.environments.find(env => env.database)?.database?.engine ??
    'postgres';
  return {
    name: 'replica',
    variables: [
      NAME_VARIABLE,
      {
        name: 'source_database_arn',
        type: 'string',
        description:
          'ARN of the primary database (a cross-region replica names its source by ARN).',
      },
      {
        name: 'data_subnet_ids',
        type: 'list(string)',
        description: 'The data subnets of this region.',
      },
      {
        name: 'security_group_id',
        type: 'string',
        description: 'The data tier security group of this region.',
      },
      {
        name: 'kms_key_arn',
        type: 'string',
        description: "This region's key (a key serves only its own region).",
      },
      {
        name: 'instance_class',
        type: 'string',
        description: 'Instance class, as the primary: it takes over its load.',
      },
      MULTI_AZ,
      {
        name: 'backup_retention_days',
        type: 'number',
        description: 'Days of backups on the replica (kept once promoted).',
      },
      COMMON_VARIABLES.deletionProtection,
      TAGS_VARIABLE,
    ],
    main: [
      resource('aws_db_subnet_group', 'replica', {
        name: ref('var', 'name'),
        subnet_ids: ref('var', 'data_subnet_ids'),
        tags: ref('var', 'tags'),
      }),
      // Engine, version, user and password come from the source; a replica may not set them.
      resource('aws_db_instance', 'replica', {
        identifier: ref('var', 'name'),
        replicate_source_db: ref('var', 'source_database_arn'),
        instance_class: ref('var', 'instance_class'),
        storage_type: 'gp3',
        db_subnet_group_name: ref('aws_db_subnet_group', 'replica', 'name'),
        ...RDS_PROTECTION,
        // RDS takes no final snapshot of a read replica; the source keeps the backups.
        skip_final_snapshot: true,
        ...rdsOperations(engine),
      }),
    ],
    outputs: [
      {
        name: 'replica_endpoint',
        value: ref('aws_db_instance', 'replica', 'endpoint'),
        description:
          'Private endpoint of the replica (the database after promotion).',
      },
      {
        name: 'replica_identifier',
        value: ref('aws_db_instance', 'replica', 'identifier'),
        description: 'Identifier to promote (`aws rds promote-read-replica`).',
      },
    ],
    usedBy: callsReplica,
    args: ({ env }) => ({
      source_database_arn: primaryOutput('data', 'database_arn'),
      data_subnet_ids: ref('module', 'network', 'data_subnet_ids'),
      security_group_id: ref('module', 'security', 'data_security_group_id'),
      kms_key_arn: ref('module', 'security', 'kms_key_arn'),
      instance_class: env.database?.instanceType,
      multi_az: env.database?.multiAz ?? false,
      backup_retention_days: Math.min(
        35,
        Math.max(7, env.database?.backupRetentionDays ?? 7),
      ),
      deletion_protection: env.database?.deletionProtection ?? true,
    }),
  };
}
