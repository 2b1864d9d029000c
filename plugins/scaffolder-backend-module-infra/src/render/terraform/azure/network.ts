/*
 * Azure network: the environment region's resource group, a VNet with a public subnet (the
 * Application Gateway's own), a private subnet (workloads) and a data subnet (databases,
 * delegated to the flexible server when there is one), and a NAT gateway for the private
 * subnet's egress. Network security groups are the security module's; VNet flow logs the
 * observability module's.
 */
import type { DatabaseDesign } from '@plinth/backstage-plugin-infra-common';
import { HclNestedBlock, comment, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import { nameWith, subnetsOf } from '../module';
import { moduleVariables, placed, publicIp } from './common';
import { replicatesInto } from '../drClaims';

type Tier = 'public' | 'private' | 'data';

const RESOURCE_GROUP = ref('azurerm_resource_group', 'main', 'name');

/** The flexible server service a data subnet is delegated to: MySQL's, else PostgreSQL's. */
function flexibleServerService(
  engine: DatabaseDesign['engine'] | undefined,
): string {
  return engine === 'mysql'
    ? 'Microsoft.DBforMySQL/flexibleServers'
    : 'Microsoft.DBforPostgreSQL/flexibleServers';
}

/** A subnet delegated to a service when the variable names one (`null`: not delegated). */
function delegation(tier: Tier): HclNestedBlock {
  return nested(
    {
      for_each: raw(
        `var.${tier}_subnet_delegation == null ? [] : [var.${tier}_subnet_delegation]`,
      ),
      content: nested({
        name: 'delegation',
        service_delegation: nested({
          name: raw('delegation.value'),
          actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'],
        }),
      }),
    },
    'delegation',
  );
}

function subnet(tier: Tier, delegated: boolean) {
  return resource('azurerm_subnet', tier, {
    name: nameWith(tier),
    resource_group_name: RESOURCE_GROUP,
    virtual_network_name: ref('azurerm_virtual_network', 'main', 'name'),
    address_prefixes: ref('var', `${tier}_prefixes`),
    // Nothing leaves a subnet without a rule or a NAT: no implicit outbound access.
    default_outbound_access_enabled: false,
    dynamic: delegated ? delegation(tier) : undefined,
  });
}

const prefixes = (tier: Tier) => ({
  name: `${tier}_prefixes`,
  type: 'list(string)',
  description: `Address prefixes of the ${tier} subnet.`,
});

const delegationVariable = (tier: Tier, what: string) => ({
  name: `${tier}_subnet_delegation`,
  type: 'string',
  description: `Service the ${tier} subnet is delegated to (${what}), or null.`,
  default: null,
});

export const azureNetwork: TerraformModule = {
  name: 'network',
  // The network module creates the resource group; it does not take one.
  variables: moduleVariables(
    { name: 'cidr', type: 'string', description: 'The VNet address space.' },
    prefixes('public'),
    prefixes('private'),
    prefixes('data'),
    delegationVariable('private', 'serverless plans'),
    delegationVariable('data', 'the database flexible server'),
  ).filter(v => v.name !== 'resource_group_name'),
  main: [
    resource('azurerm_resource_group', 'main', {
      name: raw('"rg-${var.name}"'),
      location: ref('var', 'location'),
      tags: ref('var', 'tags'),
    }),
    resource('azurerm_virtual_network', 'main', {
      name: nameWith('vnet'),
      location: ref('var', 'location'),
      resource_group_name: RESOURCE_GROUP,
      address_space: [ref('var', 'cidr')],
      tags: ref('var', 'tags'),
    }),
    subnet('public', false),
    subnet('private', true),
    subnet('data', true),
    comment(
      'Workloads reach the internet only through the NAT gateway; nothing in the private subnet has a public address.',
    ),
    publicIp('nat', 'nat', { resourceGroup: RESOURCE_GROUP }),
    resource('azurerm_nat_gateway', 'main', {
      ...placed(nameWith('nat'), RESOURCE_GROUP),
      sku_name: 'Standard',
      idle_timeout_in_minutes: 10,
      tags: ref('var', 'tags'),
    }),
    resource('azurerm_nat_gateway_public_ip_association', 'main', {
      nat_gateway_id: ref('azurerm_nat_gateway', 'main', 'id'),
      public_ip_address_id: ref('azurerm_public_ip', 'nat', 'id'),
    }),
    resource('azurerm_subnet_nat_gateway_association', 'private', {
      subnet_id: ref('azurerm_subnet', 'private', 'id'),
      nat_gateway_id: ref('azurerm_nat_gateway', 'main', 'id'),
    }),
  ],
  outputs: [
    {
      name: 'resource_group_name',
      value: ref('azurerm_resource_group', 'main', 'name'),
      description: 'Resource group of the environment region.',
    },
    {
      name: 'vnet_id',
      value: ref('azurerm_virtual_network', 'main', 'id'),
      description: 'The VNet.',
    },
    ...(['public', 'private', 'data'] as const).map(tier => ({
      name: `${tier}_subnet_id`,
      value: ref('azurerm_subnet', tier, 'id'),
      description: `The ${tier} subnet.`,
    })),
  ],
  usedBy: () => true,
  args: ({ design, env, network: n }) => {
    const kind = design.environments[0].compute.kind;
    const engine = design.environments.find(e => e.database)?.database?.engine;
    return {
      location: n.region,
      cidr: n.cidr,
      public_prefixes: subnetsOf(n, 'public').map(s => s.cidr),
      private_prefixes: subnetsOf(n, 'private').map(s => s.cidr),
      data_prefixes: subnetsOf(n, 'data').map(s => s.cidr),
      private_subnet_delegation:
        kind === 'serverless' ? 'Microsoft.Web/serverFarms' : null,
      data_subnet_delegation:
        // The primary's server, or a standby region's replica, sits in the delegated subnet.
        env.database && (n.role === 'primary' || replicatesInto(env, n.region))
          ? flexibleServerService(engine)
          : null,
    };
  },
};
