/*
 * AWS data: RDS Postgres or MySQL in the data subnets, never public, encrypted with the
 * environment key, with backups, point-in-time recovery (RDS keeps transaction logs while
 * backups are on), Multi-AZ and deletion protection as the design decides; and Redis
 * (ElastiCache) encrypted at rest and in transit when the design asks for a cache.
 */
import type {
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { HclFileItem } from '../../hcl';
import { raw, ref, resource } from '../../hcl';
import type { TerraformModule, VariableSpec } from '../module';
import { NAME_VARIABLE, TAGS_VARIABLE, callsData, nameWith } from '../module';
import { COMMON_VARIABLES } from '../variables';

export const LOG_EXPORTS: Record<string, string[]> = {
  postgres: ['postgresql', 'upgrade'],
  mysql: ['audit', 'error', 'general', 'slowquery'],
};

/** Multi-AZ, which a primary and its read replica take alike. */
export const MULTI_AZ: VariableSpec = {
  name: 'multi_az',
  type: 'bool',
  description: 'A standby in another zone.',
};

/** What a primary and its read replica both set: private, encrypted, backed up, protected. */
export const RDS_PROTECTION = {
  vpc_security_group_ids: [ref('var', 'security_group_id')],
  publicly_accessible: false,
  storage_encrypted: true,
  kms_key_id: ref('var', 'kms_key_arn'),
  multi_az: ref('var', 'multi_az'),
  backup_retention_period: ref('var', 'backup_retention_days'),
  backup_window: '02:00-03:00',
  maintenance_window: 'sun:03:30-sun:04:30',
  copy_tags_to_snapshot: true,
  deletion_protection: ref('var', 'deletion_protection'),
} as const;

/** What a primary and its read replica both set to be operated: IAM sign-in, logs, insights. */
export function rdsOperations(engine: 'postgres' | 'mysql') {
  return {
    iam_database_authentication_enabled: true,
    auto_minor_version_upgrade: true,
    enabled_cloudwatch_logs_exports: LOG_EXPORTS[engine],
    performance_insights_enabled: true,
    performance_insights_kms_key_id: ref('var', 'kms_key_arn'),
    tags: ref('var', 'tags'),
  };
}

function database(engine: 'postgres' | 'mysql'): HclFileItem[] {
  return [
    resource('aws_db_subnet_group', 'main', {
      name: ref('var', 'name'),
      subnet_ids: ref('var', 'data_subnet_ids'),
      tags: ref('var', 'tags'),
    }),
    resource('aws_db_instance', 'main', {
      identifier: ref('var', 'name'),
      engine,
      engine_version: ref('var', 'engine_version'),
      instance_class: ref('var', 'instance_class'),
      allocated_storage: ref('var', 'storage_gb'),
      max_allocated_storage: raw('var.storage_gb * 2'),
      storage_type: 'gp3',
      db_name: 'app',
      username: 'app_admin',
      // RDS keeps the password in Secrets Manager, encrypted with our key; never in state.
      manage_master_user_password: true,
      master_user_secret_kms_key_id: ref('var', 'kms_key_arn'),
      db_subnet_group_name: ref('aws_db_subnet_group', 'main', 'name'),
      ...RDS_PROTECTION,
      skip_final_snapshot: false,
      final_snapshot_identifier: raw('"${var.name}-final"'),
      ...rdsOperations(engine),
    }),
  ];
}

const CACHE: HclFileItem[] = [
  resource('aws_elasticache_subnet_group', 'main', {
    name: nameWith('cache'),
    subnet_ids: ref('var', 'data_subnet_ids'),
  }),
  resource('aws_elasticache_replication_group', 'main', {
    replication_group_id: nameWith('cache'),
    description: 'Redis cache of the service',
    engine: 'redis',
    node_type: ref('var', 'cache_node_type'),
    num_cache_clusters: raw('var.multi_az ? 2 : 1'),
    automatic_failover_enabled: ref('var', 'multi_az'),
    multi_az_enabled: ref('var', 'multi_az'),
    subnet_group_name: ref('aws_elasticache_subnet_group', 'main', 'name'),
    security_group_ids: [ref('var', 'security_group_id')],
    at_rest_encryption_enabled: true,
    kms_key_id: ref('var', 'kms_key_arn'),
    transit_encryption_enabled: true,
    snapshot_retention_limit: 7,
    tags: ref('var', 'tags'),
  }),
];

export function awsData(design: Design): TerraformModule {
  const withDatabase = design.environments.find(env => env.database);
  const withCache = design.environments.some(env => env.cache);
  const main: HclFileItem[] = [
    ...(withDatabase?.database ? database(withDatabase.database.engine) : []),
    ...(withCache ? CACHE : []),
  ];
  return {
    name: 'data',
    variables: [
      NAME_VARIABLE,
      {
        name: 'data_subnet_ids',
        type: 'list(string)',
        description: 'The data subnets.',
      },
      {
        name: 'security_group_id',
        type: 'string',
        description: 'The data tier security group.',
      },
      {
        name: 'kms_key_arn',
        type: 'string',
        description:
          'Key that encrypts storage, backups and the password secret.',
      },
      {
        name: 'engine_version',
        type: 'string',
        description: 'Database engine version.',
        default: withDatabase?.database?.engineVersion ?? '16',
      },
      {
        name: 'instance_class',
        type: 'string',
        description: 'Database instance class.',
        default: 'db.t4g.medium',
      },
      {
        name: 'storage_gb',
        type: 'number',
        description: 'Allocated storage; autoscaled up to twice this.',
        default: 20,
      },
      MULTI_AZ,
      {
        name: 'backup_retention_days',
        type: 'number',
        description: 'Days of automated backups (and point-in-time recovery).',
      },
      COMMON_VARIABLES.deletionProtection,
      {
        name: 'cache_node_type',
        type: 'string',
        description: 'Redis node type.',
        default: 'cache.t4g.small',
      },
      TAGS_VARIABLE,
    ],
    main,
    outputs: [
      ...(withDatabase
        ? [
            {
              name: 'database_endpoint',
              value: ref('aws_db_instance', 'main', 'endpoint'),
              description: 'Private endpoint of the database.',
            },
            {
              name: 'database_arn',
              value: ref('aws_db_instance', 'main', 'arn'),
              description:
                'ARN of the database, the source of cross-region replicas.',
            },
            {
              name: 'database_secret_arn',
              value: raw(
                'aws_db_instance.main.master_user_secret[0].secret_arn',
              ),
              description: 'Secret holding the database password.',
            },
          ]
        : []),
      ...(withCache
        ? [
            {
              name: 'cache_endpoint',
              value: ref(
                'aws_elasticache_replication_group',
                'main',
                'primary_endpoint_address',
              ),
              description: 'Private endpoint of the cache.',
            },
          ]
        : []),
    ],
    usedBy: callsData,
    args: ({ env }) => awsDataArgs(env),
  };
}

function awsDataArgs(env: EnvironmentDesign) {
  const db = env.database;
  return {
    data_subnet_ids: ref('module', 'network', 'data_subnet_ids'),
    security_group_id: ref('module', 'security', 'data_security_group_id'),
    kms_key_arn: ref('module', 'security', 'kms_key_arn'),
    instance_class: db?.instanceType,
    storage_gb: db?.storageGb,
    multi_az: db?.multiAz ?? env.cache?.multiAz ?? env.multiAz,
    backup_retention_days: Math.min(
      35,
      Math.max(7, db?.backupRetentionDays ?? 7),
    ),
    deletion_protection: db?.deletionProtection ?? env.stage === 'production',
    cache_node_type: env.cache?.instanceType,
  };
}
