/*
 * Azure observability: a Log Analytics workspace (retention per the frameworks, up to the
 * 730 days it keeps interactively), a locked-down storage account that keeps audit logs
 * for the design's full audit retention, the subscription's activity log and the Key
 * Vault's audit events exported to both, and VNet flow logs with their retention.
 */
import type { HclFileItem } from '../../hcl';
import { comment, data, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import { logRetentionDays, nameWith } from '../module';
import {
  STORAGE_VARIABLES,
  lockedStorageAccount,
  moduleVariables,
  placed,
} from './common';

/** Log Analytics keeps 30 to 730 days interactively. */
export function workspaceRetentionDays(days: number): number {
  return Math.min(730, Math.max(30, days));
}

/** Flow log retention: at least 90 days (CKV_AZURE_12), at most the 365 Azure accepts. */
export function flowLogRetentionDays(days: number): number {
  return Math.min(365, Math.max(90, days));
}

const ACTIVITY_LOG_CATEGORIES = [
  'Administrative',
  'Security',
  'Policy',
  'Alert',
  'ServiceHealth',
  'ResourceHealth',
];

const main: HclFileItem[] = [
  data('azurerm_subscription', 'current', {}),
  resource('azurerm_log_analytics_workspace', 'main', {
    ...placed(nameWith('logs')),
    sku: 'PerGB2018',
    retention_in_days: ref('var', 'workspace_retention_days'),
    local_authentication_enabled: false,
    tags: ref('var', 'tags'),
  }),
  lockedStorageAccount('logs', 'stlg'),
  comment(
    'Audit logs are kept for the design audit retention, then deleted; never earlier.',
  ),
  resource('azurerm_storage_management_policy', 'logs', {
    storage_account_id: ref('azurerm_storage_account', 'logs', 'id'),
    rule: nested({
      name: 'audit-retention',
      enabled: true,
      filters: nested({ blob_types: ['blockBlob', 'appendBlob'] }),
      actions: nested({
        base_blob: nested({
          tier_to_cool_after_days_since_creation_greater_than: 30,
          delete_after_days_since_creation_greater_than: ref(
            'var',
            'audit_retention_days',
          ),
        }),
      }),
    }),
  }),
  comment(
    'The activity log is per subscription: exported once, from the primary region.',
  ),
  resource('azurerm_monitor_diagnostic_setting', 'activity_log', {
    count: raw('var.export_activity_log ? 1 : 0'),
    name: nameWith('activity-log'),
    target_resource_id: ref('data', 'azurerm_subscription', 'current', 'id'),
    storage_account_id: ref('azurerm_storage_account', 'logs', 'id'),
    log_analytics_workspace_id: ref(
      'azurerm_log_analytics_workspace',
      'main',
      'id',
    ),
    enabled_log: ACTIVITY_LOG_CATEGORIES.map(category => nested({ category })),
  }),
  resource('azurerm_monitor_diagnostic_setting', 'key_vault', {
    name: nameWith('key-vault-audit'),
    target_resource_id: ref('var', 'key_vault_id'),
    storage_account_id: ref('azurerm_storage_account', 'logs', 'id'),
    log_analytics_workspace_id: ref(
      'azurerm_log_analytics_workspace',
      'main',
      'id',
    ),
    enabled_log: nested({ category_group: 'audit' }),
    metric: nested({ category: 'AllMetrics' }),
  }),
  comment(
    [
      "Azure creates the region's Network Watcher (NetworkWatcher_<region> in NetworkWatcherRG) when",
      'the first VNet of the region is created; it is named here, not read by a data source, because',
      'in a fresh region it does not exist yet at plan time. The flow log follows the VNet (target).',
    ].join('\n'),
  ),
  resource('azurerm_network_watcher_flow_log', 'vnet', {
    name: nameWith('vnet-flow'),
    network_watcher_name: raw('"NetworkWatcher_${var.location}"'),
    resource_group_name: 'NetworkWatcherRG',
    target_resource_id: ref('var', 'vnet_id'),
    storage_account_id: ref('azurerm_storage_account', 'logs', 'id'),
    enabled: true,
    version: 2,
    retention_policy: nested({
      enabled: true,
      days: ref('var', 'flow_log_retention_days'),
    }),
    traffic_analytics: nested({
      enabled: true,
      workspace_id: ref(
        'azurerm_log_analytics_workspace',
        'main',
        'workspace_id',
      ),
      workspace_region: ref('var', 'location'),
      workspace_resource_id: ref(
        'azurerm_log_analytics_workspace',
        'main',
        'id',
      ),
      interval_in_minutes: 10,
    }),
    tags: ref('var', 'tags'),
  }),
];

export const azureObservability: TerraformModule = {
  name: 'observability',
  variables: moduleVariables(
    ...STORAGE_VARIABLES,
    { name: 'vnet_id', type: 'string', description: 'The VNet (flow logs).' },
    {
      name: 'key_vault_id',
      type: 'string',
      description: 'Key Vault whose audit events are kept.',
    },
    {
      name: 'workspace_retention_days',
      type: 'number',
      description: 'Days Log Analytics keeps logs (30 to 730).',
    },
    {
      name: 'audit_retention_days',
      type: 'number',
      description: 'Days the audit log storage keeps logs.',
    },
    {
      name: 'flow_log_retention_days',
      type: 'number',
      description: 'Days flow logs are kept (90 to 365).',
    },
    {
      name: 'export_activity_log',
      type: 'bool',
      description:
        'Export the subscription activity log (once per subscription).',
    },
  ),
  main,
  outputs: [
    {
      name: 'log_analytics_workspace_id',
      value: ref('azurerm_log_analytics_workspace', 'main', 'id'),
      description: 'The Log Analytics workspace.',
    },
    {
      name: 'log_storage_account_id',
      value: ref('azurerm_storage_account', 'logs', 'id'),
      description: 'Storage account with the audit logs.',
    },
  ],
  // Every region has its own workspace and flow logs; the activity log is exported once.
  usedBy: () => true,
  args: ({ env, network: n }) => ({
    location: n.region,
    resource_group_name: ref('module', 'network', 'resource_group_name'),
    storage_replication_type: env.stage === 'production' ? 'ZRS' : 'LRS',
    key_vault_key_id: ref('module', 'security', 'key_vault_key_id'),
    encryption_identity_id: ref('module', 'security', 'encryption_identity_id'),
    vnet_id: ref('module', 'network', 'vnet_id'),
    key_vault_id: ref('module', 'security', 'key_vault_id'),
    workspace_retention_days: workspaceRetentionDays(logRetentionDays(env)),
    audit_retention_days: logRetentionDays(env),
    flow_log_retention_days: flowLogRetentionDays(env.flowLogs.retentionDays),
    export_activity_log: n.role === 'primary',
  }),
};
