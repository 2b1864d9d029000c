/*
 * GCP data: Cloud SQL on private IP only (backups, PITR, regional HA, the environment key)
 * and Memorystore for Redis with in-transit encryption and AUTH.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import type { HclBody, HclFileItem, HclValue } from '../../hcl';
import { comment, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import { callsData, nameWith } from '../module';
import { COMMON_VARIABLES } from '../variables';
import {
  LABELS,
  LABELS_AND_PROJECT,
  afterGrants,
  moduleVariables,
  serviceAgentKeyUser,
} from './common';

/** Cloud SQL settings of the primary and its replicas: private IP only, TLS only. */
export function cloudSqlSettings(
  availabilityType: HclValue,
  rest: HclBody = {},
) {
  return nested({
    tier: ref('var', 'tier'),
    user_labels: LABELS,
    availability_type: availabilityType,
    disk_autoresize: true,
    deletion_protection_enabled: ref('var', 'deletion_protection'),
    ip_configuration: nested({
      ipv4_enabled: false,
      private_network: ref('var', 'network_id'),
      ssl_mode: 'ENCRYPTED_ONLY',
    }),
    ...rest,
  });
}

export function gcpData(design: Design): TerraformModule {
  const db = design.environments.find(e => e.database)?.database;
  const cache = design.environments.some(e => e.cache);
  const version = db
    ? `${
        db.engine === 'postgres' ? 'POSTGRES' : 'MYSQL'
      }_${db.engineVersion.replace(/\./g, '_')}`
    : '';
  const main: HclFileItem[] = [...LABELS_AND_PROJECT];
  if (db) {
    main.push(
      comment(
        'The Cloud SQL service agent exists once created: run `gcloud beta services identity create --service=sqladmin.googleapis.com` once per project before the first apply.',
      ),
      serviceAgentKeyUser('cloud_sql'),
      resource('google_sql_database_instance', 'main', {
        name: ref('var', 'name'),
        region: ref('var', 'region'),
        database_version: version,
        encryption_key_name: ref('var', 'kms_key_id'),
        deletion_protection: ref('var', 'deletion_protection'),
        settings: cloudSqlSettings(
          raw('var.high_availability ? "REGIONAL" : "ZONAL"'),
          {
            backup_configuration: nested({
              enabled: true,
              start_time: '02:00',
              point_in_time_recovery_enabled:
                db.engine === 'postgres' ? true : undefined,
              binary_log_enabled: db.engine === 'mysql' ? true : undefined,
              backup_retention_settings: nested({
                retained_backups: ref('var', 'backup_retention_days'),
              }),
            }),
          },
        ),
        depends_on: afterGrants('cloud_sql'),
      }),
    );
  }
  if (cache) {
    main.push(
      serviceAgentKeyUser('redis'),
      resource('google_redis_instance', 'main', {
        name: nameWith('cache'),
        region: ref('var', 'region'),
        tier: raw('var.high_availability ? "STANDARD_HA" : "BASIC"'),
        memory_size_gb: 4,
        authorized_network: ref('var', 'network_id'),
        connect_mode: 'PRIVATE_SERVICE_ACCESS',
        transit_encryption_mode: 'SERVER_AUTHENTICATION',
        auth_enabled: true,
        customer_managed_key: ref('var', 'kms_key_id'),
        labels: LABELS,
        depends_on: afterGrants('redis'),
      }),
    );
  }
  return {
    name: 'data',
    variables: moduleVariables(
      {
        name: 'region',
        type: 'string',
        description: 'Region of the database.',
      },
      {
        name: 'network_id',
        type: 'string',
        description: 'The VPC (private IP only).',
      },
      {
        name: 'kms_key_id',
        type: 'string',
        description: 'Key that encrypts the data.',
      },
      {
        name: 'tier',
        type: 'string',
        description: 'Cloud SQL machine tier.',
        default: 'db-custom-2-8192',
      },
      {
        name: 'high_availability',
        type: 'bool',
        description: 'A standby in another zone.',
      },
      {
        name: 'backup_retention_days',
        type: 'number',
        description: 'Backups kept.',
      },
      COMMON_VARIABLES.deletionProtection,
    ),
    main,
    outputs: db
      ? [
          {
            name: 'database_instance_name',
            value: ref('google_sql_database_instance', 'main', 'name'),
            description: 'Name of the instance (the source of replicas).',
          },
          {
            name: 'database_version',
            value: ref(
              'google_sql_database_instance',
              'main',
              'database_version',
            ),
            description: 'Engine version of the instance.',
          },
          {
            name: 'database_private_ip',
            value: ref(
              'google_sql_database_instance',
              'main',
              'private_ip_address',
            ),
            description: 'Private address of the database.',
          },
        ]
      : [],
    usedBy: callsData,
    args: ({ env, network: n }) => ({
      region: n.region,
      network_id: ref('module', 'network', 'network_id'),
      // Cloud SQL and Memorystore need the private service access of the network first.
      depends_on: [ref('module', 'network')],
      kms_key_id: ref('module', 'security', 'kms_key_id'),
      tier: env.database?.instanceType,
      high_availability: env.database?.multiAz ?? env.multiAz,
      backup_retention_days: Math.max(
        7,
        env.database?.backupRetentionDays ?? 7,
      ),
      deletion_protection:
        env.database?.deletionProtection ?? env.stage === 'production',
    }),
  };
}
