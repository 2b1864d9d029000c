/*
 * Azure edge: an Application Gateway v2 across the zones, with an HTTPS listener (the
 * certificate from Key Vault, read by the gateway's own identity), a TLS policy at least
 * the design's minimum, HTTP answered only by a permanent redirect to HTTPS, a health
 * probe, and a WAF policy (OWASP rules, prevention mode) when the design asks for one.
 */
import { comment, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import { nameWith } from '../module';
import {
  TARGET_PORT,
  ZONES,
  mainResource,
  moduleVariables,
  placed,
  publicIp,
} from './common';
import { hasStandbyRegion } from '../drClaims';

const GATEWAY = 'azurerm_application_gateway.main';

export const azureEdge: TerraformModule = {
  name: 'edge',
  variables: moduleVariables(
    ZONES,
    {
      name: 'subnet_id',
      type: 'string',
      description: 'The public subnet, dedicated to the gateway.',
    },
    {
      name: 'key_vault_id',
      type: 'string',
      description: 'Key Vault holding the TLS certificate.',
    },
    {
      name: 'certificate_secret_id',
      type: 'string',
      description: 'Key Vault secret id of the TLS certificate.',
    },
    {
      name: 'backend_fqdns',
      type: 'list(string)',
      description: 'Host names of the workload (empty: it joins the pool).',
    },
    {
      name: 'backend_ip_addresses',
      type: 'list(string)',
      description:
        'Private addresses of the workload (AKS: its internal load balancer).',
    },
    TARGET_PORT,
    {
      name: 'backend_https',
      type: 'bool',
      description:
        'The backend is a managed endpoint (Container App, Function App) that serves HTTPS on 443.',
    },
    {
      name: 'health_check_path',
      type: 'string',
      description: 'Path the probe requests.',
    },
    {
      name: 'min_tls_version',
      type: 'string',
      description: 'TLS minimum: 1.2 or 1.3.',
    },
    {
      name: 'waf_enabled',
      type: 'bool',
      description: 'Attach a WAF policy (and use the WAF_v2 SKU).',
    },
    { name: 'min_capacity', type: 'number', description: 'Fewest instances.' },
  ),
  main: [
    publicIp('gateway', 'agw', { zones: ref('var', 'zones') }),
    resource('azurerm_user_assigned_identity', 'gateway', {
      ...placed(nameWith('agw')),
      tags: ref('var', 'tags'),
    }),
    comment(
      'The gateway may read certificates in its Key Vault, nothing else.',
    ),
    resource('azurerm_role_assignment', 'gateway_certificates', {
      scope: ref('var', 'key_vault_id'),
      role_definition_name: 'Key Vault Secrets User',
      principal_id: ref(
        'azurerm_user_assigned_identity',
        'gateway',
        'principal_id',
      ),
    }),
    resource('azurerm_web_application_firewall_policy', 'main', {
      count: raw('var.waf_enabled ? 1 : 0'),
      ...placed(nameWith('waf')),
      policy_settings: nested({
        enabled: true,
        mode: 'Prevention',
        request_body_check: true,
      }),
      managed_rules: nested({
        managed_rule_set: [
          nested({ type: 'OWASP', version: '3.2' }),
          nested({ type: 'Microsoft_BotManagerRuleSet', version: '1.0' }),
        ],
      }),
      tags: ref('var', 'tags'),
    }),
    mainResource('azurerm_application_gateway', {
      zones: ref('var', 'zones'),
      sku: nested({
        name: raw('var.waf_enabled ? "WAF_v2" : "Standard_v2"'),
        tier: raw('var.waf_enabled ? "WAF_v2" : "Standard_v2"'),
      }),
      autoscale_configuration: nested({
        min_capacity: ref('var', 'min_capacity'),
        max_capacity: 10,
      }),
      firewall_policy_id: raw(
        'var.waf_enabled ? azurerm_web_application_firewall_policy.main[0].id : null',
      ),
      force_firewall_policy_association: true,
      identity: nested({
        type: 'UserAssigned',
        identity_ids: [ref('azurerm_user_assigned_identity', 'gateway', 'id')],
      }),
      gateway_ip_configuration: nested({
        name: 'gateway',
        subnet_id: ref('var', 'subnet_id'),
      }),
      frontend_ip_configuration: nested({
        name: 'public',
        public_ip_address_id: ref('azurerm_public_ip', 'gateway', 'id'),
      }),
      frontend_port: [
        nested({ name: 'https', port: 443 }),
        nested({ name: 'http', port: 80 }),
      ],
      ssl_certificate: nested({
        name: 'tls',
        key_vault_secret_id: ref('var', 'certificate_secret_id'),
      }),
      ssl_policy: nested({
        policy_type: raw(
          'var.min_tls_version == "1.3" ? "CustomV2" : "Predefined"',
        ),
        policy_name: raw(
          'var.min_tls_version == "1.3" ? null : "AppGwSslPolicy20220101S"',
        ),
        min_protocol_version: raw(
          'var.min_tls_version == "1.3" ? "TLSv1_3" : null',
        ),
      }),
      http_listener: [
        nested({
          name: 'https',
          frontend_ip_configuration_name: 'public',
          frontend_port_name: 'https',
          protocol: 'Https',
          ssl_certificate_name: 'tls',
        }),
        nested({
          name: 'http',
          frontend_ip_configuration_name: 'public',
          frontend_port_name: 'http',
          protocol: 'Http',
        }),
      ],
      backend_address_pool: nested({
        name: 'workload',
        fqdns: ref('var', 'backend_fqdns'),
        ip_addresses: ref('var', 'backend_ip_addresses'),
      }),
      probe: nested({
        name: 'health',
        protocol: raw('var.backend_https ? "Https" : "Http"'),
        path: ref('var', 'health_check_path'),
        interval: 15,
        timeout: 5,
        unhealthy_threshold: 3,
        pick_host_name_from_backend_http_settings: true,
        match: nested({ status_code: ['200-399'] }),
      }),
      backend_http_settings: nested({
        name: 'workload',
        // A Container App's or Function App's ingress listens on 80/443 only, whatever port
        // the container uses; instances that join the pool are reached on their own port.
        port: raw('var.backend_https ? 443 : var.target_port'),
        protocol: raw('var.backend_https ? "Https" : "Http"'),
        cookie_based_affinity: 'Disabled',
        request_timeout: 30,
        probe_name: 'health',
        pick_host_name_from_backend_address: true,
      }),
      redirect_configuration: nested({
        name: 'to-https',
        redirect_type: 'Permanent',
        target_listener_name: 'https',
        include_path: true,
        include_query_string: true,
      }),
      request_routing_rule: [
        nested({
          name: 'https',
          priority: 100,
          rule_type: 'Basic',
          http_listener_name: 'https',
          backend_address_pool_name: 'workload',
          backend_http_settings_name: 'workload',
        }),
        nested({
          name: 'http-to-https',
          priority: 200,
          rule_type: 'Basic',
          http_listener_name: 'http',
          redirect_configuration_name: 'to-https',
        }),
      ],
      depends_on: [ref('azurerm_role_assignment', 'gateway_certificates')],
    }),
  ],
  outputs: [
    {
      name: 'backend_pool_id',
      value: raw(`one(${GATEWAY}.backend_address_pool[*].id)`),
      description: 'Backend pool the workload joins.',
    },
    {
      name: 'public_ip',
      value: ref('azurerm_public_ip', 'gateway', 'ip_address'),
      description: 'Address to point the DNS records at.',
    },
  ],
  // A standby region gets its own gateway for the traffic manager to fail over to.
  usedBy: ({ env, network: n }) =>
    n.role === 'primary' || hasStandbyRegion(env),
  args: ({ env, network: n }) => ({
    location: n.region,
    resource_group_name: ref('module', 'network', 'resource_group_name'),
    zones: n.zones,
    subnet_id: ref('module', 'network', 'public_subnet_id'),
    key_vault_id: ref('module', 'security', 'key_vault_id'),
    certificate_secret_id:
      n.role === 'primary'
        ? ref('var', 'certificate_secret_id')
        : ref('var', 'secondary_certificate_secret_id'),
    backend_fqdns: ref('module', 'compute', 'backend_fqdns'),
    backend_ip_addresses: ref('module', 'compute', 'backend_ip_addresses'),
    target_port: env.loadBalancer.targetPort,
    backend_https:
      env.compute.kind === 'containers' || env.compute.kind === 'serverless',
    health_check_path: env.loadBalancer.healthCheckPath,
    min_tls_version: env.loadBalancer.tlsMinVersion === '1.3' ? '1.3' : '1.2',
    waf_enabled: env.loadBalancer.waf,
    min_capacity: env.stage === 'production' ? 2 : 1,
  }),
};
