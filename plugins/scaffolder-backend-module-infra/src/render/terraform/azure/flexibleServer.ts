/*
 * What the Azure database module and its cross-region replica share: which flexible server
 * the design's engine takes, its private DNS zone linked to the VNet, Entra ID sign-in, and
 * the customer-managed key reached through a user-assigned identity.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import type { HclBody, HclExpression, HclFileItem } from '../../hcl';
import { comment, nested, raw, ref, resource } from '../../hcl';
import type { VariableSpec } from '../module';
import { nameWith } from '../module';
import { placed } from './common';

/** The design's database and the flexible server resource type and DNS suffix it takes. */
export function flexibleServerOf(design: Design) {
  const db = design.environments.find(e => e.database)?.database;
  const mysql = db?.engine === 'mysql';
  return {
    db,
    mysql,
    server: mysql
      ? 'azurerm_mysql_flexible_server'
      : 'azurerm_postgresql_flexible_server',
    dnsSuffix: mysql
      ? 'private.mysql.database.azure.com'
      : 'private.postgres.database.azure.com',
  };
}

export type FlexibleServer = ReturnType<typeof flexibleServerOf>;

/**
 * A flexible server (`<name>-db`) with its own private DNS zone `zone`: placed by
 * `privateServer`, created once the zone is linked to the VNet, and left in the zone Azure
 * has it in (a failover moves it). `first` comes before the placement, `rest` after it;
 * `note` is a comment written above the server.
 */
export function privateFlexibleServer(
  { server, mysql, dnsSuffix }: FlexibleServer,
  options: {
    label: string;
    zone: string;
    note?: string;
    first: HclBody;
    rest: HclBody;
  },
): HclFileItem[] {
  const { label, zone, note, first, rest } = options;
  return [
    ...privateDnsZone(
      zone,
      raw(`"\${var.name}.${dnsSuffix}"`),
      nameWith('database'),
    ),
    ...(note ? [comment(note)] : []),
    resource(server, label, {
      ...placed(nameWith('db')),
      ...first,
      ...privateServer(mysql, zone),
      ...rest,
      lifecycle: nested({ ignore_changes: [raw('zone')] }),
      depends_on: [ref('azurerm_private_dns_zone_virtual_network_link', zone)],
      tags: ref('var', 'tags'),
    }),
  ];
}

/** A private DNS zone and its link to the VNet, both named `label`. */
export function privateDnsZone(
  label: string,
  zoneName: string | HclExpression,
  linkName: HclExpression,
): HclFileItem[] {
  return [
    resource('azurerm_private_dns_zone', label, {
      name: zoneName,
      resource_group_name: ref('var', 'resource_group_name'),
      tags: ref('var', 'tags'),
    }),
    resource('azurerm_private_dns_zone_virtual_network_link', label, {
      name: linkName,
      resource_group_name: ref('var', 'resource_group_name'),
      private_dns_zone_name: ref('azurerm_private_dns_zone', label, 'name'),
      virtual_network_id: ref('var', 'vnet_id'),
      registration_enabled: false,
      tags: ref('var', 'tags'),
    }),
  ];
}

/**
 * A flexible server's SKU and placement: in the delegated data subnet, resolved through
 * the private DNS zone `zone`, no public access, in the first zone.
 */
function privateServer(mysql: boolean, zone: string): HclBody {
  return {
    sku_name: ref('var', 'sku_name'),
    delegated_subnet_id: ref('var', 'data_subnet_id'),
    private_dns_zone_id: ref('azurerm_private_dns_zone', zone, 'id'),
    // MySQL: `public_network_access_enabled` is deprecated (removed in 5.0) for this.
    public_network_access: mysql ? 'Disabled' : undefined,
    public_network_access_enabled: mysql ? undefined : false,
    zone: raw('var.zones[0]'),
  };
}

/** The tenant of the identity running Terraform. */
export const TENANT_ID = ref(
  'data',
  'azurerm_client_config',
  'current',
  'tenant_id',
);

/** PostgreSQL: Entra ID sign-in only, no password. */
export function entraOnlyAuthentication() {
  return nested({
    active_directory_auth_enabled: true,
    password_auth_enabled: false,
    tenant_id: TENANT_ID,
  });
}

/** The customer-managed key block, present while `forEach` (an HCL list) has an element. */
export function customerManagedKey(forEach: string) {
  return nested(
    {
      for_each: raw(forEach),
      content: nested({
        key_vault_key_id: ref('var', 'key_vault_key_id'),
        primary_user_assigned_identity_id: ref('var', 'encryption_identity_id'),
      }),
    },
    'customer_managed_key',
  );
}

export const ENCRYPTION_IDENTITY: VariableSpec = {
  name: 'encryption_identity_id',
  type: 'string',
  description: 'Identity the server uses to reach the key.',
};
