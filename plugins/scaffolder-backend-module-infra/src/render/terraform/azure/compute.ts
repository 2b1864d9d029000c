/*
 * Azure compute, by the design's kind: a private AKS cluster (Entra ID RBAC, no local
 * accounts, autoscaling zonal nodes, network policy, workload identity, Azure Policy,
 * Container Insights); Container Apps on an internal environment; a Linux VM scale set
 * (SSH keys only, health extension with automatic repair, CPU autoscaling); or a Linux
 * Function App on an Elastic Premium plan, reachable only from the VNet.
 */
import type { ComputeKind } from '@plinth/backstage-plugin-infra-common';
import type { HclFileItem } from '../../hcl';
import { call, comment, data, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule, VariableSpec } from '../module';
import { nameWith, subnetsOf } from '../module';
import { COMMON_VARIABLES } from '../variables';
import { hasStandbyRegion } from '../drClaims';
import {
  STORAGE_VARIABLES,
  TARGET_PORT,
  ZONES,
  lockedStorageAccount,
  mainResource,
  moduleVariables,
  placed,
} from './common';

const VARIABLES: VariableSpec[] = [
  ZONES,
  COMMON_VARIABLES.workloadSubnet,
  {
    name: 'vm_size',
    type: 'string',
    description: 'VM size of nodes or instances.',
  },
  COMMON_VARIABLES.minSize,
  COMMON_VARIABLES.maxSize,
  {
    name: 'health_check_path',
    type: 'string',
    description: 'Path the health probe requests.',
  },
  TARGET_PORT,
  {
    name: 'workload_identity_id',
    type: 'string',
    description: 'The workload identity.',
  },
  {
    name: 'disk_encryption_set_id',
    type: 'string',
    description: 'Customer-managed key for disks.',
  },
  {
    name: 'log_analytics_workspace_id',
    type: 'string',
    description: 'Workspace for container and platform logs.',
  },
  {
    name: 'production',
    type: 'bool',
    description: 'Production: uptime SLA tier, zone redundancy.',
  },
];

const KIND_VARIABLES: Record<ComputeKind, VariableSpec[]> = {
  kubernetes: [
    {
      name: 'subnet_prefix',
      type: 'string',
      description:
        'Address prefix of the workload subnet (the internal load balancer address is taken from it).',
    },
  ],
  containers: [
    {
      name: 'image',
      type: 'string',
      description: 'Container image.',
      default: 'mcr.microsoft.com/k8se/quickstart:latest',
    },
  ],
  vms: [
    {
      name: 'ssh_public_key',
      type: 'string',
      description: 'Public SSH key of the admin user (passwords are disabled).',
    },
    {
      name: 'backend_pool_ids',
      type: 'list(string)',
      description: 'Application Gateway backend pools the instances join.',
      default: [],
    },
  ],
  serverless: STORAGE_VARIABLES,
};

function kubernetes(): HclFileItem[] {
  return [
    data('azurerm_client_config', 'current', {}),
    resource('azurerm_user_assigned_identity', 'cluster', {
      ...placed(nameWith('aks')),
      tags: ref('var', 'tags'),
    }),
    comment(
      'The cluster identity may manage the workload subnet only (to attach nodes), nothing wider.',
    ),
    resource('azurerm_role_assignment', 'cluster_subnet', {
      scope: ref('var', 'subnet_id'),
      role_definition_name: 'Network Contributor',
      principal_id: ref(
        'azurerm_user_assigned_identity',
        'cluster',
        'principal_id',
      ),
    }),
    mainResource('azurerm_kubernetes_cluster', {
      dns_prefix: ref('var', 'name'),
      sku_tier: raw('var.production ? "Standard" : "Free"'),
      private_cluster_enabled: true,
      role_based_access_control_enabled: true,
      local_account_disabled: true,
      azure_active_directory_role_based_access_control: nested({
        azure_rbac_enabled: true,
        tenant_id: ref('data', 'azurerm_client_config', 'current', 'tenant_id'),
      }),
      automatic_upgrade_channel: 'patch',
      node_os_upgrade_channel: 'NodeImage',
      azure_policy_enabled: true,
      oidc_issuer_enabled: true,
      workload_identity_enabled: true,
      disk_encryption_set_id: ref('var', 'disk_encryption_set_id'),
      default_node_pool: nested({
        name: 'system',
        vm_size: ref('var', 'vm_size'),
        vnet_subnet_id: ref('var', 'subnet_id'),
        zones: ref('var', 'zones'),
        auto_scaling_enabled: true,
        min_count: ref('var', 'min_size'),
        max_count: ref('var', 'max_size'),
        max_pods: 50,
        os_disk_type: 'Managed',
        temporary_name_for_rotation: 'systemtmp',
        upgrade_settings: nested({ max_surge: '33%' }),
      }),
      identity: nested({
        type: 'UserAssigned',
        identity_ids: [ref('azurerm_user_assigned_identity', 'cluster', 'id')],
      }),
      network_profile: nested({
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        network_policy: 'azure',
        outbound_type: 'userAssignedNATGateway',
        service_cidr: '172.16.0.0/16',
        dns_service_ip: '172.16.0.10',
        pod_cidr: '192.168.0.0/16',
      }),
      key_vault_secrets_provider: nested({ secret_rotation_enabled: true }),
      oms_agent: nested({
        log_analytics_workspace_id: ref('var', 'log_analytics_workspace_id'),
        msi_auth_for_monitoring_enabled: true,
      }),
      depends_on: [ref('azurerm_role_assignment', 'cluster_subnet')],
    }),
    comment(
      'Pods running as the service account app/workload act as the workload identity.',
    ),
    resource('azurerm_federated_identity_credential', 'workload', {
      name: nameWith('workload'),
      resource_group_name: ref('var', 'resource_group_name'),
      parent_id: ref('var', 'workload_identity_id'),
      audience: ['api://AzureADTokenExchange'],
      issuer: ref('azurerm_kubernetes_cluster', 'main', 'oidc_issuer_url'),
      subject: 'system:serviceaccount:app:workload',
    }),
  ];
}

function containers(): HclFileItem[] {
  return [
    mainResource('azurerm_container_app_environment', {
      log_analytics_workspace_id: ref('var', 'log_analytics_workspace_id'),
      infrastructure_subnet_id: ref('var', 'subnet_id'),
      internal_load_balancer_enabled: true,
      zone_redundancy_enabled: ref('var', 'production'),
    }),
    resource('azurerm_container_app', 'main', {
      name: ref('var', 'name'),
      resource_group_name: ref('var', 'resource_group_name'),
      container_app_environment_id: ref(
        'azurerm_container_app_environment',
        'main',
        'id',
      ),
      revision_mode: 'Single',
      identity: nested({
        type: 'UserAssigned',
        identity_ids: [ref('var', 'workload_identity_id')],
      }),
      ingress: nested({
        external_enabled: true,
        allow_insecure_connections: false,
        target_port: ref('var', 'target_port'),
        transport: 'auto',
        traffic_weight: nested({ latest_revision: true, percentage: 100 }),
      }),
      template: nested({
        min_replicas: ref('var', 'min_size'),
        max_replicas: ref('var', 'max_size'),
        container: nested({
          name: 'app',
          image: ref('var', 'image'),
          cpu: 1,
          memory: '2Gi',
          liveness_probe: nested({
            transport: 'HTTP',
            port: ref('var', 'target_port'),
            path: ref('var', 'health_check_path'),
          }),
          readiness_probe: nested({
            transport: 'HTTP',
            port: ref('var', 'target_port'),
            path: ref('var', 'health_check_path'),
          }),
        }),
        http_scale_rule: nested({
          name: 'http',
          concurrent_requests: '50',
        }),
      }),
      tags: ref('var', 'tags'),
    }),
  ];
}

function vms(): HclFileItem[] {
  return [
    mainResource('azurerm_linux_virtual_machine_scale_set', {
      sku: ref('var', 'vm_size'),
      instances: ref('var', 'min_size'),
      zones: ref('var', 'zones'),
      zone_balance: raw('length(var.zones) > 1'),
      admin_username: 'azureuser',
      disable_password_authentication: true,
      admin_ssh_key: nested({
        username: 'azureuser',
        public_key: ref('var', 'ssh_public_key'),
      }),
      source_image_reference: nested({
        publisher: 'Canonical',
        offer: 'ubuntu-24_04-lts',
        sku: 'server',
        version: 'latest',
      }),
      os_disk: nested({
        caching: 'ReadWrite',
        storage_account_type: 'Premium_ZRS',
        disk_encryption_set_id: ref('var', 'disk_encryption_set_id'),
      }),
      network_interface: nested({
        name: 'primary',
        primary: true,
        ip_configuration: nested({
          name: 'internal',
          primary: true,
          subnet_id: ref('var', 'subnet_id'),
          application_gateway_backend_address_pool_ids: ref(
            'var',
            'backend_pool_ids',
          ),
        }),
      }),
      identity: nested({
        type: 'UserAssigned',
        identity_ids: [ref('var', 'workload_identity_id')],
      }),
      extension: nested({
        name: 'health',
        publisher: 'Microsoft.ManagedServices',
        type: 'ApplicationHealthLinux',
        type_handler_version: '1.0',
        auto_upgrade_minor_version: true,
        settings: call('jsonencode', {
          protocol: 'http',
          port: ref('var', 'target_port'),
          requestPath: ref('var', 'health_check_path'),
        }),
      }),
      automatic_instance_repair: nested({
        enabled: true,
        grace_period: 'PT10M',
      }),
      upgrade_mode: 'Manual',
      lifecycle: nested({ ignore_changes: [raw('instances')] }),
    }),
    mainResource('azurerm_monitor_autoscale_setting', {
      target_resource_id: ref(
        'azurerm_linux_virtual_machine_scale_set',
        'main',
        'id',
      ),
      profile: nested({
        name: 'cpu',
        capacity: nested({
          default: ref('var', 'min_size'),
          minimum: ref('var', 'min_size'),
          maximum: ref('var', 'max_size'),
        }),
        rule: [
          scaleRule('GreaterThan', 60, 'Increase'),
          scaleRule('LessThan', 25, 'Decrease'),
        ],
      }),
    }),
  ];
}

function scaleRule(
  operator: string,
  threshold: number,
  direction: 'Increase' | 'Decrease',
) {
  return nested({
    metric_trigger: nested({
      metric_name: 'Percentage CPU',
      metric_resource_id: ref(
        'azurerm_linux_virtual_machine_scale_set',
        'main',
        'id',
      ),
      time_grain: 'PT1M',
      statistic: 'Average',
      time_window: 'PT5M',
      time_aggregation: 'Average',
      operator,
      threshold,
    }),
    scale_action: nested({
      direction,
      type: 'ChangeCount',
      value: '1',
      cooldown: 'PT5M',
    }),
  });
}

function serverless(): HclFileItem[] {
  return [
    lockedStorageAccount('functions', 'stfn'),
    resource('azurerm_role_assignment', 'functions_storage', {
      scope: ref('azurerm_storage_account', 'functions', 'id'),
      role_definition_name: 'Storage Blob Data Owner',
      principal_id: raw(
        'azurerm_linux_function_app.main.identity[0].principal_id',
      ),
    }),
    mainResource('azurerm_service_plan', {
      os_type: 'Linux',
      sku_name: 'EP1',
      maximum_elastic_worker_count: ref('var', 'max_size'),
      zone_balancing_enabled: ref('var', 'production'),
    }),
    mainResource('azurerm_linux_function_app', {
      service_plan_id: ref('azurerm_service_plan', 'main', 'id'),
      storage_account_name: ref('azurerm_storage_account', 'functions', 'name'),
      storage_uses_managed_identity: true,
      https_only: true,
      public_network_access_enabled: false,
      virtual_network_subnet_id: ref('var', 'subnet_id'),
      identity: nested({
        type: 'SystemAssigned, UserAssigned',
        identity_ids: [ref('var', 'workload_identity_id')],
      }),
      site_config: nested({
        minimum_tls_version: '1.2',
        ftps_state: 'Disabled',
        http2_enabled: true,
        vnet_route_all_enabled: true,
        health_check_path: ref('var', 'health_check_path'),
        health_check_eviction_time_in_min: 5,
        elastic_instance_minimum: ref('var', 'min_size'),
        application_stack: nested({ node_version: '20' }),
      }),
    }),
  ];
}

const MAIN: Record<ComputeKind, () => HclFileItem[]> = {
  kubernetes,
  containers,
  vms,
  serverless,
};

/** The address the Application Gateway sends traffic to, when the workload has one. */
/**
 * AKS: the fixed private address of the workload's internal load balancer (a Kubernetes
 * Service of type LoadBalancer with the annotations in the output's description), so the
 * Application Gateway's pool has its member from the first apply instead of staying empty.
 */
const AKS_BACKEND_IP = 'cidrhost(var.subnet_prefix, 250)';

const BACKEND_IPS: Record<ComputeKind, string> = {
  kubernetes: `[${AKS_BACKEND_IP}]`,
  containers: '[]',
  vms: '[]',
  serverless: '[]',
};

const BACKEND_FQDNS: Record<ComputeKind, string> = {
  kubernetes: '[]',
  containers: '[azurerm_container_app.main.ingress[0].fqdn]',
  vms: '[]',
  serverless: '[azurerm_linux_function_app.main.default_hostname]',
};

export function azureCompute(kind: ComputeKind): TerraformModule {
  return {
    name: 'compute',
    variables: moduleVariables(...VARIABLES, ...KIND_VARIABLES[kind]),
    main: MAIN[kind](),
    outputs: [
      {
        name: 'workload_name',
        value: ref('var', 'name'),
        description: 'Name of the cluster, app, scale set or function app.',
      },
      {
        name: 'backend_ip_addresses',
        value: raw(BACKEND_IPS[kind]),
        description:
          kind === 'kubernetes'
            ? 'Address the load balancer forwards to: expose the workload as a Service of type LoadBalancer, annotated service.beta.kubernetes.io/azure-load-balancer-internal: "true" and service.beta.kubernetes.io/azure-load-balancer-ipv4: <this address>, on the target port.'
            : 'Addresses the load balancer forwards to (none: it uses host names or the workload joins the pool).',
      },
      {
        name: 'backend_fqdns',
        value: raw(BACKEND_FQDNS[kind]),
        description:
          'Host names the load balancer forwards to (empty: the workload joins the pool itself).',
      },
    ],
    usedBy: () => true,
    args: ({ env, network: n }) => ({
      location: n.region,
      resource_group_name: ref('module', 'network', 'resource_group_name'),
      zones: n.zones,
      subnet_id: ref('module', 'network', 'private_subnet_id'),
      vm_size: ref('var', 'instance_type'),
      min_size: ref('var', 'min_size'),
      max_size: ref('var', 'max_size'),
      health_check_path: env.compute.healthCheckPath,
      target_port: env.loadBalancer.targetPort,
      workload_identity_id: ref('module', 'security', 'workload_identity_id'),
      disk_encryption_set_id: ref(
        'module',
        'security',
        'disk_encryption_set_id',
      ),
      log_analytics_workspace_id: ref(
        'module',
        'observability',
        'log_analytics_workspace_id',
      ),
      production: env.stage === 'production',
      ...(kind === 'vms'
        ? {
            ssh_public_key: ref('var', 'ssh_public_key'),
            // Each region's instances join that region's gateway (a standby region has one).
            backend_pool_ids:
              n.role === 'primary' || hasStandbyRegion(env)
                ? [ref('module', 'edge', 'backend_pool_id')]
                : [],
          }
        : {}),
      ...(kind === 'kubernetes'
        ? { subnet_prefix: subnetsOf(n, 'private')[0].cidr }
        : {}),
      ...(kind === 'serverless'
        ? {
            storage_replication_type:
              env.stage === 'production' ? 'ZRS' : 'LRS',
            key_vault_key_id: ref('module', 'security', 'key_vault_key_id'),
            encryption_identity_id: ref(
              'module',
              'security',
              'encryption_identity_id',
            ),
          }
        : {}),
    }),
  };
}
