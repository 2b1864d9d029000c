/*
 * Azure data replica: a cross-region read replica (`create_mode = "Replica"`) of the primary
 * flexible server in a standby region, inside that region's delegated data subnet with its own
 * private DNS zone, public access off. Failover promotes it (see the failover runbook). It is
 * encrypted like its source: with the customer-managed key of its own region while the
 * primary uses one (backups in the region), else with the platform key as the primary.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import { data, nested, raw, ref, resource } from '../../hcl';
import { TerraformModule, nameWith, primaryOutput } from '../module';
import { replicatesInto } from '../drClaims';
import { ZONES, moduleVariables, placed } from './common';
import {
  ENCRYPTION_IDENTITY,
  customerManagedKey,
  entraOnlyAuthentication,
  flexibleServerOf,
  privateDnsZone,
  privateServer,
} from './flexibleServer';

export function azureReplica(design: Design): TerraformModule {
  const { mysql, server, dnsSuffix } = flexibleServerOf(design);
  return {
    name: 'replica',
    variables: moduleVariables(
      ZONES,
      {
        name: 'source_server_id',
        type: 'string',
        description: 'The primary flexible server.',
      },
      { name: 'vnet_id', type: 'string', description: "This region's VNet." },
      {
        name: 'data_subnet_id',
        type: 'string',
        description: "This region's delegated data subnet.",
      },
      {
        name: 'sku_name',
        type: 'string',
        description: 'SKU, as the primary: it takes over its load.',
      },
      {
        name: 'customer_managed_key',
        type: 'bool',
        description:
          'Encrypt with the customer-managed key, as the primary does while its backups stay in the region.',
      },
      {
        name: 'key_vault_key_id',
        type: 'string',
        description: "This region's customer-managed key.",
      },
      ENCRYPTION_IDENTITY,
    ),
    main: [
      data('azurerm_client_config', 'current', {}),
      ...privateDnsZone(
        'replica',
        raw(`"\${var.name}.${dnsSuffix}"`),
        nameWith('database'),
      ),
      resource(server, 'replica', {
        ...placed(nameWith('db')),
        create_mode: 'Replica',
        source_server_id: ref('var', 'source_server_id'),
        ...privateServer(mysql, 'replica'),
        // PostgreSQL: Entra ID sign-in only, as the primary.
        authentication: mysql ? undefined : entraOnlyAuthentication(),
        identity: nested({
          type: 'UserAssigned',
          identity_ids: [ref('var', 'encryption_identity_id')],
        }),
        dynamic: customerManagedKey('var.customer_managed_key ? [1] : []'),
        lifecycle: nested({ ignore_changes: [raw('zone')] }),
        depends_on: [
          ref('azurerm_private_dns_zone_virtual_network_link', 'replica'),
        ],
        tags: ref('var', 'tags'),
      }),
    ],
    outputs: [
      {
        name: 'replica_id',
        value: ref(server, 'replica', 'id'),
        description:
          'The replica to promote (`az ... flexible-server replica promote`).',
      },
    ],
    usedBy: ({ env, network: n }) =>
      n.role === 'secondary' && replicatesInto(env, n.region),
    args: ({ env, network: n }) => ({
      location: n.region,
      resource_group_name: ref('module', 'network', 'resource_group_name'),
      zones: n.zones,
      source_server_id: primaryOutput('data', 'database_id'),
      vnet_id: ref('module', 'network', 'vnet_id'),
      data_subnet_id: ref('module', 'network', 'data_subnet_id'),
      sku_name: env.database?.instanceType,
      // As the primary (see the data module): the customer-managed key while backups stay local.
      customer_managed_key: env.stage !== 'production',
      key_vault_key_id: ref('module', 'security', 'key_vault_key_id'),
      encryption_identity_id: ref(
        'module',
        'security',
        'encryption_identity_id',
      ),
    }),
  };
}

export function azureAnyReplica(design: Design): boolean {
  return design.environments.some(env =>
    env.regions.secondary.some(region => replicatesInto(env, region)),
  );
}
