/*
 * Azure traffic failover: a Traffic Manager profile over each region's Application Gateway,
 * probed over HTTPS on the health path. Warm standby and pilot light route by priority (the
 * primary while its probe passes, else the standby); active-active by performance (the
 * nearest healthy region). The service's host name is a CNAME to the profile's name.
 */
import { nested, raw, ref, resource } from '../../hcl';
import {
  NAME_VARIABLE,
  TAGS_VARIABLE,
  TerraformModule,
  callsFailover,
} from '../module';
import { RESOURCE_GROUP } from './common';

function endpoint(role: 'primary' | 'secondary', priority: number) {
  return resource('azurerm_traffic_manager_external_endpoint', role, {
    name: role,
    profile_id: ref('azurerm_traffic_manager_profile', 'main', 'id'),
    target: raw(`var.${role}_gateway.address`),
    endpoint_location: raw(`var.${role}_gateway.location`),
    priority,
    weight: 100,
  });
}

export const azureFailover: TerraformModule = {
  name: 'failover',
  variables: [
    NAME_VARIABLE,
    RESOURCE_GROUP,
    {
      name: 'health_check_path',
      type: 'string',
      description: 'Path the probes request over HTTPS.',
    },
    {
      name: 'active_active',
      type: 'bool',
      description:
        'Performance routing to both regions instead of priority failover.',
    },
    {
      name: 'primary_gateway',
      type: 'object({ location = string, address = string })',
      description: "The primary region and its gateway's public address.",
    },
    {
      name: 'secondary_gateway',
      type: 'object({ location = string, address = string })',
      description: "The standby region and its gateway's public address.",
    },
    TAGS_VARIABLE,
  ],
  main: [
    resource('azurerm_traffic_manager_profile', 'main', {
      name: ref('var', 'name'),
      resource_group_name: ref('var', 'resource_group_name'),
      traffic_routing_method: raw(
        'var.active_active ? "Performance" : "Priority"',
      ),
      dns_config: nested({ relative_name: ref('var', 'name'), ttl: 30 }),
      monitor_config: nested({
        protocol: 'HTTPS',
        port: 443,
        path: ref('var', 'health_check_path'),
        expected_status_code_ranges: ['200-399'],
        interval_in_seconds: 10,
        timeout_in_seconds: 5,
        tolerated_number_of_failures: 2,
      }),
      tags: ref('var', 'tags'),
    }),
    endpoint('primary', 1),
    endpoint('secondary', 2),
  ],
  outputs: [
    {
      name: 'traffic_manager_fqdn',
      value: ref('azurerm_traffic_manager_profile', 'main', 'fqdn'),
      description: "The name to CNAME the service's host name to.",
    },
  ],
  usedBy: callsFailover,
  args: ({ env }) => ({
    resource_group_name: ref('module', 'network', 'resource_group_name'),
    health_check_path: env.loadBalancer.healthCheckPath,
    active_active: env.drPattern === 'active-active',
    primary_gateway: {
      location: env.regions.primary,
      address: ref('module', 'edge', 'public_ip'),
    },
    secondary_gateway: {
      location: env.regions.secondary[0],
      address: ref('module', 'edge_secondary', 'public_ip'),
    },
  }),
};
