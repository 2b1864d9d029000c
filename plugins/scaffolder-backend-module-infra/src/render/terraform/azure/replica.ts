/*
 * Azure data replica: a cross-region read replica (`create_mode = "Replica"`) of the primary
 * flexible server in a standby region, inside that region's delegated data subnet with its own
 * private DNS zone, public access off. Failover promotes it (see the failover runbook). It is
 * encrypted like its source: with the customer-managed key of its own region while the
 * primary uses one (backups in the region), else with the platform key as the primary.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import { data, nested, ref } from '../../hcl';
import { TerraformModule, callsReplica, primaryOutput } from '../module';
import { ZONES, moduleVariables } from './common';
import {
  ENCRYPTION_IDENTITY,
  customerManagedKey,
  entraOnlyAuthentication,
  flexibleServerOf,
  privateFlexibleServer,
} from './flexibleServer';

export function azureReplica(design: Design): TerraformModule {
  const flexibleServer = flexibleServerOf(design);
  const { mysql, server } = flexibleServer;
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
      ...privateFlexibleServer(flexibleServer, {
        label: 'replica',
        zone: 'replica',
        first: {
          create_mode: 'Replica',
          source_server_id: ref('var', 'source_server_id'),
        },
        rest: {
          // PostgreSQL: Entra ID sign-in only, as the primary.
          authentication: mysql ? undefined : entraOnlyAuthentication(),
          identity: nested({
            type: 'UserAssigned',
            identity_ids: [ref('var', 'encryption_identity_id')],
          }),
          dynamic: customerManagedKey('var.customer_managed_key ? [1] : []'),
        },
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
    usedBy: callsReplica,
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
