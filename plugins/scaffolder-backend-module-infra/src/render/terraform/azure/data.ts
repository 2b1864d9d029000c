/*
 * Azure data: a PostgreSQL or MySQL flexible server inside the delegated data subnet with a
 * private DNS zone and public network access off; Entra ID authentication (PostgreSQL:
 * only, no password; MySQL, which needs an administrator password: an Entra ID administrator
 * group and a password generated at apply time, kept in Key Vault); backups kept per the
 * design, geo-redundant in production; zone-redundant high availability when the design asks for it; the customer-managed key
 * when backups stay in the region (see ADR 0024). Redis when asked: TLS 1.2, no non-TLS
 * port, no public access, reached through a private endpoint.
 */
import type {
  CacheDesign,
  Design,
} from '@plinth/backstage-plugin-infra-common';
import type { HclFileItem } from '../../hcl';
import { comment, data, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule, VariableSpec } from '../module';
import { callsData, nameWith } from '../module';
import { ZONES, moduleVariables, placed } from './common';
import {
  ENCRYPTION_IDENTITY,
  TENANT_ID,
  customerManagedKey,
  entraOnlyAuthentication,
  flexibleServerOf,
  privateDnsZone,
  privateFlexibleServer,
} from './flexibleServer';

/** Storage sizes a flexible server accepts (MB): the smallest that holds the design's. */
const POSTGRES_STORAGE_MB = [
  32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304,
  8388608, 16777216, 33553408,
];

export function postgresStorageMb(gb: number): number {
  const mb = gb * 1024;
  return (
    POSTGRES_STORAGE_MB.find(size => size >= mb) ??
    POSTGRES_STORAGE_MB[POSTGRES_STORAGE_MB.length - 1]
  );
}

/** `Premium_P2` -> Premium, family P, capacity 2; zones and VNet need Premium. */
export function redisSku(cache: CacheDesign): {
  sku_name: string;
  family: string;
  capacity: number;
} {
  const match = /^(Basic|Standard|Premium)_([CP])(\d)$/.exec(
    cache.instanceType,
  );
  if (match && (!cache.multiAz || match[1] === 'Premium')) {
    return { sku_name: match[1], family: match[2], capacity: Number(match[3]) };
  }
  return { sku_name: 'Premium', family: 'P', capacity: 1 };
}

/** Flexible server backups: 7 to 35 days. */
function backupDays(days: number | undefined): number {
  return Math.min(35, Math.max(7, days ?? 7));
}

/** Days after which the next apply generates a new MySQL administrator password. */
const PASSWORD_ROTATION_DAYS = 90;

/**
 * MySQL's administrator password (required with `create_mode` Default): generated at apply
 * time by `random_password` (never by Plinth, so no file holds it), rotated by the first apply
 * after 90 days, kept as a Key Vault secret that expires 30 days after the planned rotation
 * (CKV_AZURE_41), and never output. It lives in the encrypted remote state, like every
 * generated secret. Day to day, people sign in with Entra ID through the administrator group.
 */
function mysqlAdministratorPassword(): HclFileItem[] {
  return [
    resource('time_rotating', 'mysql_admin_password', {
      rotation_days: PASSWORD_ROTATION_DAYS,
    }),
    resource('random_password', 'mysql_admin', {
      length: 32,
      min_lower: 1,
      min_upper: 1,
      min_numeric: 1,
      min_special: 1,
      keepers: {
        rotation: ref('time_rotating', 'mysql_admin_password', 'id'),
      },
    }),
    comment(
      'Whoever runs Terraform writes this one secret to the vault (its keys role does not cover secrets).',
    ),
    resource('azurerm_role_assignment', 'deployer_secrets', {
      scope: ref('var', 'key_vault_id'),
      role_definition_name: 'Key Vault Secrets Officer',
      principal_id: ref(
        'data',
        'azurerm_client_config',
        'current',
        'object_id',
      ),
    }),
    resource('azurerm_key_vault_secret', 'mysql_admin_password', {
      name: nameWith('mysql-admin-password'),
      value: ref('random_password', 'mysql_admin', 'result'),
      key_vault_id: ref('var', 'key_vault_id'),
      content_type: 'password',
      expiration_date: raw(
        'timeadd(time_rotating.mysql_admin_password.rotation_rfc3339, "720h")',
      ),
      depends_on: [ref('azurerm_role_assignment', 'deployer_secrets')],
      tags: ref('var', 'tags'),
    }),
    comment(
      'The identity MySQL reads Entra ID with; a tenant administrator grants it the Microsoft Graph application permissions User.Read.All, GroupMember.Read.All and Application.Read.All.',
    ),
    resource('azurerm_user_assigned_identity', 'mysql_entra', {
      ...placed(nameWith('mysql-entra')),
      tags: ref('var', 'tags'),
    }),
  ];
}

/** The break-glass administrator (Azure reserves admin, root, azure_superuser and a few more). */
const MYSQL_ADMINISTRATOR_LOGIN = 'dbadmin';

/** The MySQL flexible server versions azurerm accepts: `5.7`, `8.0.21` (and `8.4` from 4.55). */
const MYSQL_VERSIONS: Record<string, string> = { '8.0': '8.0.21' };

const MYSQL_VARIABLES: VariableSpec[] = [
  {
    name: 'key_vault_id',
    type: 'string',
    description: 'Key Vault that keeps the MySQL administrator password.',
  },
  {
    name: 'entra_admin_group_name',
    type: 'string',
    description: 'Display name of the Entra ID group that administers MySQL.',
  },
  {
    name: 'entra_admin_group_object_id',
    type: 'string',
    description: 'Object id of that group.',
  },
];

export function azureData(design: Design): TerraformModule {
  const flexibleServer = flexibleServerOf(design);
  const { db, mysql, server } = flexibleServer;
  const cache = design.environments.find(e => e.cache)?.cache;
  const main: HclFileItem[] = [data('azurerm_client_config', 'current', {})];
  if (db) {
    if (mysql) main.push(...mysqlAdministratorPassword());
    main.push(
      ...privateFlexibleServer(flexibleServer, {
        label: 'main',
        zone: 'database',
        note: mysql
          ? 'Private only: inside the delegated data subnet, no public endpoint; Entra ID sign-in, the generated administrator password kept in Key Vault.'
          : 'Private only: inside the delegated data subnet, no public endpoint, Entra ID sign-in.',
        first: {
          // Azure names MySQL 8.0 by its full version; PostgreSQL by its major.
          version: mysql
            ? MYSQL_VERSIONS[db.engineVersion] ?? db.engineVersion
            : db.engineVersion,
        },
        rest: {
          ...(mysql
            ? {
                administrator_login: MYSQL_ADMINISTRATOR_LOGIN,
                administrator_password: ref(
                  'random_password',
                  'mysql_admin',
                  'result',
                ),
                storage: nested({
                  size_gb: ref('var', 'storage_gb'),
                  auto_grow_enabled: true,
                }),
              }
            : {
                storage_mb: ref('var', 'storage_mb'),
                auto_grow_enabled: true,
                authentication: entraOnlyAuthentication(),
              }),
          backup_retention_days: ref('var', 'backup_retention_days'),
          geo_redundant_backup_enabled: ref('var', 'geo_redundant_backup'),
          dynamic: [
            nested(
              {
                for_each: raw('var.high_availability ? [1] : []'),
                content: nested({
                  mode: 'ZoneRedundant',
                  standby_availability_zone: raw(
                    'length(var.zones) > 1 ? var.zones[1] : null',
                  ),
                }),
              },
              'high_availability',
            ),
            customerManagedKey('var.geo_redundant_backup ? [] : [1]'),
          ],
          identity: nested({
            type: 'UserAssigned',
            identity_ids: [
              ref('var', 'encryption_identity_id'),
              ...(mysql
                ? [ref('azurerm_user_assigned_identity', 'mysql_entra', 'id')]
                : []),
            ],
          }),
        },
      }),
    );
    if (mysql) {
      main.push(
        comment(
          'Entra ID administrators: the group named in the root variables (PostgreSQL takes Entra ID sign-in in its authentication block).',
        ),
        resource(
          'azurerm_mysql_flexible_server_active_directory_administrator',
          'main',
          {
            server_id: ref(server, 'main', 'id'),
            identity_id: ref(
              'azurerm_user_assigned_identity',
              'mysql_entra',
              'id',
            ),
            login: ref('var', 'entra_admin_group_name'),
            object_id: ref('var', 'entra_admin_group_object_id'),
            tenant_id: TENANT_ID,
          },
        ),
      );
    }
  }
  if (cache) {
    const sku = redisSku(cache);
    main.push(
      resource('azurerm_redis_cache', 'main', {
        ...placed(nameWith('cache')),
        ...sku,
        minimum_tls_version: '1.2',
        non_ssl_port_enabled: false,
        public_network_access_enabled: false,
        redis_version: '6',
        zones: sku.sku_name === 'Premium' ? ref('var', 'zones') : undefined,
        redis_configuration: nested({
          authentication_enabled: true,
          active_directory_authentication_enabled: true,
        }),
        tags: ref('var', 'tags'),
      }),
      ...privateDnsZone(
        'cache',
        'privatelink.redis.cache.windows.net',
        nameWith('cache'),
      ),
      resource('azurerm_private_endpoint', 'cache', {
        ...placed(nameWith('cache-pe')),
        subnet_id: ref('var', 'private_subnet_id'),
        private_service_connection: nested({
          name: 'redis',
          private_connection_resource_id: ref(
            'azurerm_redis_cache',
            'main',
            'id',
          ),
          subresource_names: ['redisCache'],
          is_manual_connection: false,
        }),
        private_dns_zone_group: nested({
          name: 'redis',
          private_dns_zone_ids: [
            ref('azurerm_private_dns_zone', 'cache', 'id'),
          ],
        }),
        tags: ref('var', 'tags'),
      }),
    );
  }
  return {
    name: 'data',
    variables: moduleVariables(
      ZONES,
      {
        name: 'vnet_id',
        type: 'string',
        description: 'The VNet (private DNS).',
      },
      {
        name: 'data_subnet_id',
        type: 'string',
        description: 'Delegated subnet of the database.',
      },
      {
        name: 'private_subnet_id',
        type: 'string',
        description: 'Subnet of the cache private endpoint.',
      },
      {
        name: 'sku_name',
        type: 'string',
        description: 'Flexible server SKU.',
        default: 'GP_Standard_D2ds_v5',
      },
      {
        name: 'storage_mb',
        type: 'number',
        description: 'PostgreSQL storage (MB).',
        default: 32768,
      },
      {
        name: 'storage_gb',
        type: 'number',
        description: 'MySQL storage (GB).',
        default: 32,
      },
      {
        name: 'high_availability',
        type: 'bool',
        description: 'A zone-redundant standby.',
      },
      {
        name: 'backup_retention_days',
        type: 'number',
        description: 'Days of automated backups (7 to 35).',
      },
      {
        name: 'geo_redundant_backup',
        type: 'bool',
        description: 'Copy backups to the paired region.',
      },
      {
        name: 'key_vault_key_id',
        type: 'string',
        description:
          'Customer-managed key (used while backups stay in the region).',
      },
      ENCRYPTION_IDENTITY,
      ...(mysql ? MYSQL_VARIABLES : []),
    ),
    main,
    outputs: db
      ? [
          {
            name: 'database_id',
            value: ref(server, 'main', 'id'),
            description: 'The server (the source of replicas).',
          },
          {
            name: 'database_fqdn',
            value: ref(server, 'main', 'fqdn'),
            description: 'Private host name of the database.',
          },
        ]
      : [],
    usedBy: callsData,
    args: ({ env, network: n }) => ({
      location: n.region,
      resource_group_name: ref('module', 'network', 'resource_group_name'),
      zones: n.zones,
      vnet_id: ref('module', 'network', 'vnet_id'),
      data_subnet_id: ref('module', 'network', 'data_subnet_id'),
      private_subnet_id: ref('module', 'network', 'private_subnet_id'),
      sku_name: env.database?.instanceType,
      storage_mb: env.database
        ? postgresStorageMb(env.database.storageGb)
        : undefined,
      storage_gb: env.database
        ? Math.max(20, env.database.storageGb)
        : undefined,
      high_availability: (env.database?.multiAz ?? false) && n.zones.length > 1,
      backup_retention_days: backupDays(env.database?.backupRetentionDays),
      geo_redundant_backup: env.stage === 'production',
      key_vault_key_id: ref('module', 'security', 'key_vault_key_id'),
      encryption_identity_id: ref(
        'module',
        'security',
        'encryption_identity_id',
      ),
      ...(mysql
        ? {
            key_vault_id: ref('module', 'security', 'key_vault_id'),
            entra_admin_group_name: ref('var', 'database_admins_group_name'),
            entra_admin_group_object_id: ref(
              'var',
              'database_admins_group_object_id',
            ),
          }
        : {}),
    }),
  };
}
