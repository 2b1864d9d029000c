/*
 * AWS traffic failover: Route 53 health checks on each region's load balancer (HTTPS on the
 * health path) and alias records for the service's name. Warm standby and pilot light get
 * failover records (the primary while its check passes, else the standby); active-active gets
 * latency records to both, each dropped while its check fails.
 */
import { nested, raw, ref, resource, data } from '../../hcl';
import type { HclBody } from '../../hcl';
import {
  NAME_VARIABLE,
  TAGS_VARIABLE,
  TerraformModule,
  callsFailover,
} from '../module';

const LOAD_BALANCER_TYPE =
  'object({ region = string, dns_name = string, zone_id = string })';

function healthCheck(role: 'primary' | 'secondary') {
  return resource('aws_route53_health_check', role, {
    fqdn: raw(`var.${role}_load_balancer.dns_name`),
    type: 'HTTPS',
    port: 443,
    resource_path: ref('var', 'health_check_path'),
    request_interval: 10,
    failure_threshold: 3,
    tags: raw(`merge(var.tags, { Name = "\${var.name}-${role}" })`),
  });
}

function record(role: 'primary' | 'secondary'): HclBody {
  return {
    zone_id: ref('data', 'aws_route53_zone', 'main', 'zone_id'),
    name: ref('var', 'domain_name'),
    type: 'A',
    set_identifier: role,
    health_check_id: ref('aws_route53_health_check', role, 'id'),
    alias: nested({
      name: raw(`var.${role}_load_balancer.dns_name`),
      zone_id: raw(`var.${role}_load_balancer.zone_id`),
      evaluate_target_health: true,
    }),
    dynamic: [
      nested(
        {
          for_each: raw(`var.active_active ? [] : ["${role.toUpperCase()}"]`),
          content: nested({ type: raw('failover_routing_policy.value') }),
        },
        'failover_routing_policy',
      ),
      nested(
        {
          for_each: raw(
            `var.active_active ? [var.${role}_load_balancer.region] : []`,
          ),
          content: nested({ region: raw('latency_routing_policy.value') }),
        },
        'latency_routing_policy',
      ),
    ],
  };
}

export const awsFailover: TerraformModule = {
  name: 'failover',
  variables: [
    NAME_VARIABLE,
    {
      name: 'domain_name',
      type: 'string',
      description: 'Host name the service answers on.',
    },
    {
      name: 'dns_zone_name',
      type: 'string',
      description: 'Public hosted zone that holds domain_name.',
    },
    {
      name: 'health_check_path',
      type: 'string',
      description: 'Path the health checks request over HTTPS.',
    },
    {
      name: 'active_active',
      type: 'bool',
      description:
        'Latency routing to both regions instead of primary/standby failover.',
    },
    {
      name: 'primary_load_balancer',
      type: LOAD_BALANCER_TYPE,
      description: 'The primary region and its load balancer.',
    },
    {
      name: 'secondary_load_balancer',
      type: LOAD_BALANCER_TYPE,
      description: 'The standby region and its load balancer.',
    },
    TAGS_VARIABLE,
  ],
  main: [
    data('aws_route53_zone', 'main', {
      name: ref('var', 'dns_zone_name'),
      private_zone: false,
    }),
    healthCheck('primary'),
    healthCheck('secondary'),
    resource('aws_route53_record', 'primary', record('primary')),
    resource('aws_route53_record', 'secondary', record('secondary')),
  ],
  outputs: [
    {
      name: 'primary_health_check_id',
      value: ref('aws_route53_health_check', 'primary', 'id'),
      description: 'Health check of the primary region (alarm on it).',
    },
  ],
  usedBy: callsFailover,
  args: ({ env }) => ({
    domain_name: ref('var', 'domain_name'),
    dns_zone_name: ref('var', 'dns_zone_name'),
    health_check_path: env.loadBalancer.healthCheckPath,
    active_active: env.drPattern === 'active-active',
    primary_load_balancer: {
      region: ref('var', 'region'),
      dns_name: ref('module', 'edge', 'load_balancer_dns_name'),
      zone_id: ref('module', 'edge', 'load_balancer_zone_id'),
    },
    secondary_load_balancer: {
      region: ref('var', 'secondary_region'),
      dns_name: ref('module', 'edge_secondary', 'load_balancer_dns_name'),
      zone_id: ref('module', 'edge_secondary', 'load_balancer_zone_id'),
    },
  }),
};
