/*
 * Azure security: the environment's Key Vault (RBAC, purge protection, soft delete for 90
 * days, network default deny) with a customer-managed key that Key Vault rotates itself;
 * two user-assigned identities, each with one narrow role (the workload may use the key,
 * the data services may wrap their data keys with it); a disk encryption set for VM and
 * node disks; and a network security group per tier with the design's rules (never
 * SSH or RDP from the internet) and the VNet's implicit allow-all replaced by the tiers.
 */
import type {
  Design,
  FirewallRule,
} from '@plinth/backstage-plugin-infra-common';
import type { HclBody, HclFileItem } from '../../hcl';
import { comment, data, nested, raw, ref, resource } from '../../hcl';
import { firewallRulesOf, ruleLabel } from '../firewall';
import type { TerraformModule } from '../module';
import { nameWith } from '../module';
import { moduleVariables, placed } from './common';

const TIERS = ['public', 'private', 'data'] as const;

const PROTOCOL: Record<FirewallRule['protocol'], string> = {
  tcp: 'Tcp',
  udp: 'Udp',
  all: '*',
};

/** Where a rule's peer is, as an NSG address: a service tag, a CIDR or a tier's prefixes. */
function peerAddress(rule: FirewallRule, side: 'source' | 'destination') {
  const peer = rule.peer;
  if (peer.kind === 'internet')
    return { [`${side}_address_prefix`]: 'Internet' };
  if (peer.kind === 'cidr') return { [`${side}_address_prefix`]: peer.cidr };
  return {
    [`${side}_address_prefixes`]: ref('var', 'subnet_prefixes', peer.tier),
  };
}

/** A rule's ports as an NSG port range: `*` for every port, one port, or `from-to`. */
function portRange(rule: FirewallRule): string {
  if (
    rule.protocol === 'all' ||
    (rule.fromPort === 0 && rule.toPort === 65535)
  ) {
    return '*';
  }
  if (rule.fromPort === rule.toPort) {
    return String(rule.fromPort);
  }
  return `${rule.fromPort}-${rule.toPort}`;
}

function nsgRule(label: string, body: HclBody) {
  return resource('azurerm_network_security_rule', label, {
    resource_group_name: ref('var', 'resource_group_name'),
    ...body,
  });
}

/** The design's rules: priorities 100, 110, ... in the order the design lists them. */
function designRules(design: Design): HclFileItem[] {
  return firewallRulesOf(design).map((rule, index) => {
    const ingress = rule.direction === 'ingress';
    const ports = portRange(rule);
    const own = ref('var', 'subnet_prefixes', rule.tier);
    return nsgRule(ruleLabel(rule, index), {
      name: ruleLabel(rule, index).replace(/_/g, '-'),
      network_security_group_name: ref(
        'azurerm_network_security_group',
        rule.tier,
        'name',
      ),
      description: rule.description,
      priority: 100 + index * 10,
      direction: ingress ? 'Inbound' : 'Outbound',
      access: 'Allow',
      protocol: PROTOCOL[rule.protocol],
      source_port_range: '*',
      destination_port_range: ports,
      ...(ingress
        ? { ...peerAddress(rule, 'source'), destination_address_prefixes: own }
        : {
            source_address_prefixes: own,
            ...peerAddress(rule, 'destination'),
          }),
    });
  });
}

/**
 * Azure allows all traffic inside a VNet by default (AllowVnetInBound). Each tier allows
 * its own subnet, then denies the rest of the VNet, so only the design's rules cross tiers.
 */
function tierIsolation(): HclFileItem[] {
  return TIERS.flatMap(tier => [
    nsgRule(`${tier}_intra_tier`, {
      name: 'allow-same-tier-in',
      network_security_group_name: ref(
        'azurerm_network_security_group',
        tier,
        'name',
      ),
      description: `Traffic inside the ${tier} subnet.`,
      priority: 3900,
      direction: 'Inbound',
      access: 'Allow',
      protocol: '*',
      source_port_range: '*',
      destination_port_range: '*',
      source_address_prefixes: ref('var', 'subnet_prefixes', tier),
      destination_address_prefixes: ref('var', 'subnet_prefixes', tier),
    }),
    nsgRule(`${tier}_deny_vnet`, {
      name: 'deny-other-tiers-in',
      network_security_group_name: ref(
        'azurerm_network_security_group',
        tier,
        'name',
      ),
      description: 'Anything else from the VNet: denied.',
      priority: 4000,
      direction: 'Inbound',
      access: 'Deny',
      protocol: '*',
      source_port_range: '*',
      destination_port_range: '*',
      source_address_prefix: 'VirtualNetwork',
      destination_address_prefix: '*',
    }),
  ]);
}

export function azureSecurity(design: Design): TerraformModule {
  const main: HclFileItem[] = [
    data('azurerm_client_config', 'current', {}),
    resource('azurerm_key_vault', 'main', {
      ...placed(raw('"kv${substr(replace(lower(var.name), "-", ""), 0, 22)}"')),
      tenant_id: ref('data', 'azurerm_client_config', 'current', 'tenant_id'),
      sku_name: 'premium',
      enable_rbac_authorization: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: true,
      network_acls: nested({
        default_action: 'Deny',
        bypass: 'AzureServices',
        ip_rules: ref('var', 'management_ip_ranges'),
      }),
      tags: ref('var', 'tags'),
    }),
    comment(
      'Whoever runs Terraform manages keys in this vault only; nothing else in the subscription.',
    ),
    resource('azurerm_role_assignment', 'deployer_keys', {
      scope: ref('azurerm_key_vault', 'main', 'id'),
      role_definition_name: 'Key Vault Crypto Officer',
      principal_id: ref(
        'data',
        'azurerm_client_config',
        'current',
        'object_id',
      ),
    }),
    resource('azurerm_key_vault_key', 'main', {
      name: nameWith('cmk'),
      key_vault_id: ref('azurerm_key_vault', 'main', 'id'),
      key_type: 'RSA-HSM',
      key_size: 3072,
      key_opts: ['unwrapKey', 'wrapKey'],
      rotation_policy: nested({
        automatic: nested({
          time_after_creation: ref('var', 'key_rotation_period'),
        }),
        expire_after: ref('var', 'key_expire_after'),
        notify_before_expiry: 'P30D',
      }),
      depends_on: [ref('azurerm_role_assignment', 'deployer_keys')],
    }),
    resource('azurerm_user_assigned_identity', 'workload', {
      ...placed(nameWith('workload')),
      tags: ref('var', 'tags'),
    }),
    resource('azurerm_user_assigned_identity', 'encryption', {
      ...placed(nameWith('encryption')),
      tags: ref('var', 'tags'),
    }),
    comment(
      'Least privilege: each identity gets one role, scoped to the one key it uses.',
    ),
    resource('azurerm_role_assignment', 'workload_key', {
      scope: ref('azurerm_key_vault_key', 'main', 'resource_versionless_id'),
      role_definition_name: 'Key Vault Crypto User',
      principal_id: ref(
        'azurerm_user_assigned_identity',
        'workload',
        'principal_id',
      ),
    }),
    resource('azurerm_role_assignment', 'encryption_key', {
      scope: ref('azurerm_key_vault_key', 'main', 'resource_versionless_id'),
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: ref(
        'azurerm_user_assigned_identity',
        'encryption',
        'principal_id',
      ),
    }),
    resource('azurerm_disk_encryption_set', 'main', {
      ...placed(nameWith('disks')),
      key_vault_key_id: ref('azurerm_key_vault_key', 'main', 'versionless_id'),
      auto_key_rotation_enabled: true,
      encryption_type: 'EncryptionAtRestWithPlatformAndCustomerKeys',
      identity: nested({
        type: 'UserAssigned',
        identity_ids: [
          ref('azurerm_user_assigned_identity', 'encryption', 'id'),
        ],
      }),
      depends_on: [ref('azurerm_role_assignment', 'encryption_key')],
      tags: ref('var', 'tags'),
    }),
    ...TIERS.flatMap(tier => [
      resource('azurerm_network_security_group', tier, {
        ...placed(nameWith(`${tier}-nsg`)),
        tags: ref('var', 'tags'),
      }),
      resource('azurerm_subnet_network_security_group_association', tier, {
        subnet_id: ref('var', 'subnet_ids', tier),
        network_security_group_id: ref(
          'azurerm_network_security_group',
          tier,
          'id',
        ),
      }),
    ]),
    ...designRules(design),
    comment(
      'Application Gateway v2 needs its control-plane ports from the GatewayManager service tag (not the internet).',
    ),
    nsgRule('public_gateway_manager', {
      name: 'allow-gateway-manager-in',
      network_security_group_name: ref(
        'azurerm_network_security_group',
        'public',
        'name',
      ),
      description: 'Application Gateway v2 infrastructure ports.',
      priority: 3800,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      source_port_range: '*',
      destination_port_range: '65200-65535',
      source_address_prefix: 'GatewayManager',
      destination_address_prefix: '*',
    }),
    ...tierIsolation(),
  ];
  return {
    name: 'security',
    variables: moduleVariables(
      {
        name: 'subnet_ids',
        type: 'object({ public = string, private = string, data = string })',
        description: 'The subnets, one NSG each.',
      },
      {
        name: 'subnet_prefixes',
        type: 'object({ public = list(string), private = list(string), data = list(string) })',
        description: 'Address prefixes of each tier, for the tier rules.',
      },
      {
        name: 'key_rotation_period',
        type: 'string',
        description: 'ISO 8601 duration after which Key Vault rotates the key.',
      },
      {
        name: 'key_expire_after',
        type: 'string',
        description: 'ISO 8601 duration after which a key version expires.',
      },
      {
        name: 'management_ip_ranges',
        type: 'list(string)',
        description:
          'Public IP ranges (CI runners) allowed through the Key Vault firewall.',
        default: [],
      },
    ),
    main,
    outputs: [
      {
        name: 'key_vault_id',
        value: ref('azurerm_key_vault', 'main', 'id'),
        description: 'The Key Vault.',
      },
      {
        name: 'key_vault_key_id',
        value: ref('azurerm_key_vault_key', 'main', 'versionless_id'),
        description:
          'The customer-managed key (versionless, so rotation applies).',
      },
      {
        name: 'workload_identity_id',
        value: ref('azurerm_user_assigned_identity', 'workload', 'id'),
        description: 'The workload identity.',
      },
      {
        name: 'workload_identity_client_id',
        value: ref('azurerm_user_assigned_identity', 'workload', 'client_id'),
        description: 'Client id of the workload identity.',
      },
      {
        name: 'encryption_identity_id',
        value: ref('azurerm_user_assigned_identity', 'encryption', 'id'),
        description: 'Identity the data services use to reach the key.',
      },
      {
        name: 'disk_encryption_set_id',
        value: ref('azurerm_disk_encryption_set', 'main', 'id'),
        description: 'Disk encryption set with the customer-managed key.',
      },
    ],
    usedBy: () => true,
    args: ({ env, network: n }) => {
      const days = Math.max(1, env.encryption.keyRotationDays);
      const prefixes = (tier: 'public' | 'private' | 'data') =>
        n.subnets.filter(s => s.tier === tier).map(s => s.cidr);
      return {
        location: n.region,
        resource_group_name: ref('module', 'network', 'resource_group_name'),
        subnet_ids: {
          public: ref('module', 'network', 'public_subnet_id'),
          private: ref('module', 'network', 'private_subnet_id'),
          data: ref('module', 'network', 'data_subnet_id'),
        },
        subnet_prefixes: {
          public: prefixes('public'),
          private: prefixes('private'),
          data: prefixes('data'),
        },
        key_rotation_period: `P${days}D`,
        key_expire_after: `P${days + 30}D`,
        management_ip_ranges: ref('var', 'management_ip_ranges'),
      };
    },
  };
}
