/*
 * What the Azure modules share: the variables every module takes (name, location,
 * resource group, tags), globally unique resource names built from the checked prefix,
 * and the locked-down storage account used for logs and function state.
 */
import type { HclBody } from '../../hcl';
import { HclExpression, nested, raw, ref, resource } from '../../hcl';
import type { VariableSpec } from '../module';
import { NAME_VARIABLE, TAGS_VARIABLE, nameWith } from '../module';

export const LOCATION: VariableSpec = {
  name: 'location',
  type: 'string',
  description: 'Azure region of the resources.',
};

export const RESOURCE_GROUP: VariableSpec = {
  name: 'resource_group_name',
  type: 'string',
  description: 'Resource group of the environment region.',
};

export const ZONES: VariableSpec = {
  name: 'zones',
  type: 'list(string)',
  description: 'Availability zones used (one outside production).',
};

/** name, location and resource group first, tags last, like every module. */
export function moduleVariables(...rest: VariableSpec[]): VariableSpec[] {
  return [NAME_VARIABLE, LOCATION, RESOURCE_GROUP, ...rest, TAGS_VARIABLE];
}

/** The common arguments of a resource: name, location, resource group, tags. */
export function placed(
  name: HclExpression,
  resourceGroup: HclExpression = ref('var', 'resource_group_name'),
): HclBody {
  return {
    name,
    location: ref('var', 'location'),
    resource_group_name: resourceGroup,
  };
}

/**
 * A module's own resource (`<type>.main`): named as the module, placed and tagged like
 * every resource.
 */
export function mainResource(type: string, body: HclBody) {
  return resource(type, 'main', {
    ...placed(ref('var', 'name')),
    ...body,
    tags: ref('var', 'tags'),
  });
}

const COMPACT_PREFIX = /^[a-z]{1,4}$/;

/**
 * A name for resources that allow only lower-case letters and digits (storage accounts,
 * at most 24 characters, globally unique): `<prefix><name without dashes>`, cut to fit.
 */
export function compactName(prefix: string, max = 24): HclExpression {
  if (!COMPACT_PREFIX.test(prefix)) throw new TypeError(`bad prefix ${prefix}`);
  return raw(
    `"${prefix}\${substr(replace(lower(var.name), "-", ""), 0, ${
      max - prefix.length
    })}"`,
  );
}

/** What every storage account Plinth writes sets: TLS 1.2, no public blobs, no shared keys. */
export const STORAGE_ACCOUNT_BASELINE = {
  account_kind: 'StorageV2',
  min_tls_version: 'TLS1_2',
  https_traffic_only_enabled: true,
  allow_nested_items_to_be_public: false,
  shared_access_key_enabled: false,
  default_to_oauth_authentication: true,
  infrastructure_encryption_enabled: true,
} as const;

/**
 * A storage account that is never public: HTTPS only with TLS 1.2 or newer, no anonymous
 * blob access, no shared keys (Entra ID only), network default deny with only trusted Azure
 * services (monitoring) let through, infrastructure (double) encryption, and the blobs
 * encrypted with the environment's customer-managed key.
 */
export function lockedStorageAccount(
  label: string,
  namePrefix: string,
  extra: HclBody = {},
) {
  return resource('azurerm_storage_account', label, {
    ...placed(compactName(namePrefix)),
    account_tier: 'Standard',
    account_replication_type: raw('var.storage_replication_type'),
    ...STORAGE_ACCOUNT_BASELINE,
    network_rules: nested({
      default_action: 'Deny',
      bypass: ['AzureServices', 'Logging', 'Metrics'],
    }),
    identity: nested({
      type: 'UserAssigned',
      identity_ids: [ref('var', 'encryption_identity_id')],
    }),
    customer_managed_key: nested({
      key_vault_key_id: ref('var', 'key_vault_key_id'),
      user_assigned_identity_id: ref('var', 'encryption_identity_id'),
    }),
    blob_properties: nested({
      versioning_enabled: true,
      delete_retention_policy: nested({ days: 30 }),
      container_delete_retention_policy: nested({ days: 30 }),
    }),
    ...extra,
    tags: ref('var', 'tags'),
  });
}

/** The variables a module with a locked storage account needs. */
export const STORAGE_VARIABLES: VariableSpec[] = [
  {
    name: 'storage_replication_type',
    type: 'string',
    description: 'ZRS in production (zone-redundant), LRS elsewhere.',
  },
  {
    name: 'key_vault_key_id',
    type: 'string',
    description: 'Customer-managed key that encrypts the data.',
  },
  {
    name: 'encryption_identity_id',
    type: 'string',
    description: 'Identity the service uses to reach the key.',
  },
];

/** The workload's port, as the compute module listens and the gateway forwards on it. */
export const TARGET_PORT: VariableSpec = {
  name: 'target_port',
  type: 'number',
  description: 'Port the workload listens on.',
};

/** A standard, zone-redundant static public IP (load balancer and NAT). */
export function publicIp(
  label: string,
  suffix: string,
  options: { resourceGroup?: HclExpression; zones?: HclExpression } = {},
) {
  const { resourceGroup, zones } = options;
  return resource('azurerm_public_ip', label, {
    ...placed(nameWith(suffix), resourceGroup),
    allocation_method: 'Static',
    sku: 'Standard',
    zones,
    tags: ref('var', 'tags'),
  });
}
