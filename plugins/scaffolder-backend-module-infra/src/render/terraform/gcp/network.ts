/*
 * GCP network: a custom-mode VPC with one regional subnet per tier (flow logs, private
 * Google access), Cloud NAT, and the private service access Cloud SQL and Memorystore use.
 */
import { nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import {
  NAME_VARIABLE,
  nameWith,
  subnetListVariable,
  subnetsOf,
} from '../module';

export const gcpNetwork: TerraformModule = {
  name: 'network',
  variables: [
    NAME_VARIABLE,
    { name: 'region', type: 'string', description: 'Region of the subnets.' },
    subnetListVariable('subnets', 'One regional subnet per tier.'),
  ],
  main: [
    resource('google_compute_network', 'main', {
      name: ref('var', 'name'),
      auto_create_subnetworks: false,
    }),
    resource('google_compute_subnetwork', 'tier', {
      for_each: raw('{ for s in var.subnets : s.name => s }'),
      name: raw('"${var.name}-${each.key}"'),
      region: ref('var', 'region'),
      network: ref('google_compute_network', 'main', 'id'),
      ip_cidr_range: raw('each.value.cidr'),
      private_ip_google_access: true,
      log_config: nested({
        aggregation_interval: 'INTERVAL_5_SEC',
        flow_sampling: 1,
        metadata: 'INCLUDE_ALL_METADATA',
      }),
    }),
    resource('google_compute_router', 'main', {
      name: ref('var', 'name'),
      region: ref('var', 'region'),
      network: ref('google_compute_network', 'main', 'id'),
    }),
    resource('google_compute_router_nat', 'main', {
      name: ref('var', 'name'),
      router: ref('google_compute_router', 'main', 'name'),
      region: ref('var', 'region'),
      nat_ip_allocate_option: 'AUTO_ONLY',
      source_subnetwork_ip_ranges_to_nat: 'ALL_SUBNETWORKS_ALL_IP_RANGES',
      log_config: nested({ enable: true, filter: 'ERRORS_ONLY' }),
    }),
    resource('google_compute_global_address', 'private_services', {
      name: nameWith('private-services'),
      purpose: 'VPC_PEERING',
      address_type: 'INTERNAL',
      prefix_length: 20,
      network: ref('google_compute_network', 'main', 'id'),
    }),
    resource('google_service_networking_connection', 'private_services', {
      network: ref('google_compute_network', 'main', 'id'),
      service: 'servicenetworking.googleapis.com',
      reserved_peering_ranges: [
        ref('google_compute_global_address', 'private_services', 'name'),
      ],
    }),
  ],
  outputs: [
    {
      name: 'network_id',
      value: ref('google_compute_network', 'main', 'id'),
      description: 'The VPC.',
    },
    {
      name: 'network_name',
      value: ref('google_compute_network', 'main', 'name'),
      description: 'The VPC name.',
    },
    {
      name: 'private_subnet_id',
      value: raw('google_compute_subnetwork.tier["private"].id'),
      description: 'Workload subnet.',
    },
    {
      name: 'private_services_connection',
      value: ref(
        'google_service_networking_connection',
        'private_services',
        'id',
      ),
      description: 'Private service access (Cloud SQL, Memorystore).',
    },
  ],
  usedBy: () => true,
  args: ({ network: n }) => ({
    region: n.region,
    subnets: (['public', 'private', 'data'] as const).flatMap(tier =>
      subnetsOf(n, tier).map(s => ({ ...s, name: tier, zone: s.zone ?? '' })),
    ),
  }),
};
