/*
 * GCP compute: GKE (private, shielded, autoscaled node pool), a regional managed instance
 * group of shielded VMs, or Cloud Run on the VPC; each encrypted with the environment key.
 */
import type {
  ComputeKind,
  Design,
} from '@plinth/backstage-plugin-infra-common';
import type { HclFileItem } from '../../hcl';
import { comment, data, nested, raw, ref, resource } from '../../hcl';
import type { OutputSpec, TerraformModule } from '../module';
import { nameWith } from '../module';
import { COMMON_VARIABLES } from '../variables';
import {
  LABELS,
  LABELS_AND_PROJECT,
  NETWORK,
  afterGrants,
  moduleVariables,
  serviceAgentKeyUser,
} from './common';

/** The ranges Google's front ends (load balancer proxies and health checks) connect from. */
const GOOGLE_FRONT_END_RANGES = ['130.211.0.0/22', '35.191.0.0/16'];

const COMPUTE_VARIABLES = moduleVariables(
  { name: 'region', type: 'string', description: 'Region of the workload.' },
  NETWORK,
  COMMON_VARIABLES.workloadSubnet,
  {
    name: 'service_account',
    type: 'string',
    description: 'Workload identity.',
  },
  {
    name: 'kms_key_id',
    type: 'string',
    description: 'Key for disks and secrets.',
  },
  { name: 'machine_type', type: 'string', description: 'Machine type.' },
  COMMON_VARIABLES.minSize,
  COMMON_VARIABLES.maxSize,
  COMMON_VARIABLES.targetPort,
  {
    name: 'health_check_path',
    type: 'string',
    description: 'Path the health check probes.',
  },
  {
    name: 'image',
    type: 'string',
    description: 'Container image.',
    default: 'us-docker.pkg.dev/cloudrun/container/hello',
  },
);

/** GKE: a private, shielded cluster with an autoscaled node pool. */
function gkeResources(): HclFileItem[] {
  return [
    // GKE encrypts Secrets in etcd, Compute Engine the node boot disks, with the key.
    serviceAgentKeyUser('gke'),
    serviceAgentKeyUser('compute_engine'),
    resource('google_container_cluster', 'main', {
      name: ref('var', 'name'),
      location: ref('var', 'region'),
      network: ref('var', 'network_id'),
      subnetwork: ref('var', 'subnet_id'),
      remove_default_node_pool: true,
      initial_node_count: 1,
      deletion_protection: true,
      enable_shielded_nodes: true,
      private_cluster_config: nested({
        enable_private_nodes: true,
        enable_private_endpoint: true,
        master_ipv4_cidr_block: '172.16.0.0/28',
      }),
      ip_allocation_policy: nested({}),
      master_authorized_networks_config: nested({}),
      database_encryption: nested({
        state: 'ENCRYPTED',
        key_name: ref('var', 'kms_key_id'),
      }),
      workload_identity_config: nested({
        workload_pool: raw(
          '"${data.google_client_config.current.project}.svc.id.goog"',
        ),
      }),
      release_channel: nested({ channel: 'REGULAR' }),
      resource_labels: LABELS,
      // The GKE Gateway controller builds the load balancer (see the edge module).
      gateway_api_config: nested({ channel: 'CHANNEL_STANDARD' }),
      depends_on: afterGrants('gke'),
    }),
    data('google_client_config', 'current', {}),
    resource('google_container_node_pool', 'main', {
      name: nameWith('nodes'),
      cluster: ref('google_container_cluster', 'main', 'id'),
      autoscaling: nested({
        min_node_count: ref('var', 'min_size'),
        max_node_count: ref('var', 'max_size'),
      }),
      management: nested({ auto_repair: true, auto_upgrade: true }),
      node_config: nested({
        machine_type: ref('var', 'machine_type'),
        service_account: ref('var', 'service_account'),
        oauth_scopes: ['https://www.googleapis.com/auth/cloud-platform'],
        boot_disk_kms_key: ref('var', 'kms_key_id'),
        tags: ['private'],
        shielded_instance_config: nested({
          enable_secure_boot: true,
          enable_integrity_monitoring: true,
        }),
        workload_metadata_config: nested({ mode: 'GKE_METADATA' }),
        metadata: { 'disable-legacy-endpoints': 'true' },
      }),
      depends_on: afterGrants('compute_engine'),
    }),
  ];
}

/** A regional managed instance group of shielded VMs, health-checked and autoscaled. */
function instanceGroupResources(): HclFileItem[] {
  return [
    // Compute Engine encrypts the instances' disks with the key.
    serviceAgentKeyUser('compute_engine'),
    resource('google_compute_instance_template', 'main', {
      name_prefix: raw('"${var.name}-"'),
      machine_type: ref('var', 'machine_type'),
      labels: LABELS,
      tags: ['private'],
      disk: nested({
        source_image: 'debian-cloud/debian-12',
        boot: true,
        disk_encryption_key: nested({
          kms_key_self_link: ref('var', 'kms_key_id'),
        }),
      }),
      network_interface: nested({ subnetwork: ref('var', 'subnet_id') }),
      service_account: nested({
        email: ref('var', 'service_account'),
        scopes: ['cloud-platform'],
      }),
      shielded_instance_config: nested({
        enable_secure_boot: true,
        enable_integrity_monitoring: true,
      }),
      metadata: {
        'block-project-ssh-keys': 'true',
        'enable-oslogin': 'TRUE',
      },
      lifecycle: nested({ create_before_destroy: true }),
    }),
    // One health check for autohealing and for the load balancer's backend service.
    resource('google_compute_health_check', 'main', {
      name: ref('var', 'name'),
      http_health_check: nested({
        port: ref('var', 'target_port'),
        request_path: ref('var', 'health_check_path'),
      }),
    }),
    comment(
      "The external Application Load Balancer's proxies and health checks reach the instances from Google's front-end ranges only.",
    ),
    resource('google_compute_firewall', 'load_balancer', {
      name: nameWith('lb-in'),
      network: ref('var', 'network_id'),
      direction: 'INGRESS',
      allow: nested({ protocol: 'tcp', ports: [ref('var', 'target_port')] }),
      source_ranges: GOOGLE_FRONT_END_RANGES,
      target_tags: ['private'],
      log_config: nested({ metadata: 'INCLUDE_ALL_METADATA' }),
    }),
    resource('google_compute_region_instance_group_manager', 'main', {
      name: ref('var', 'name'),
      region: ref('var', 'region'),
      base_instance_name: ref('var', 'name'),
      version: nested({
        instance_template: ref(
          'google_compute_instance_template',
          'main',
          'id',
        ),
      }),
      named_port: nested({ name: 'http', port: ref('var', 'target_port') }),
      auto_healing_policies: nested({
        health_check: ref('google_compute_health_check', 'main', 'id'),
        initial_delay_sec: 120,
      }),
      depends_on: afterGrants('compute_engine'),
    }),
    resource('google_compute_region_autoscaler', 'main', {
      name: ref('var', 'name'),
      region: ref('var', 'region'),
      target: ref('google_compute_region_instance_group_manager', 'main', 'id'),
      autoscaling_policy: nested({
        min_replicas: ref('var', 'min_size'),
        max_replicas: ref('var', 'max_size'),
        cpu_utilization: nested({ target: 0.6 }),
      }),
    }),
  ];
}

/** Cloud Run behind the internal load balancer, on the VPC. */
function cloudRunResources(): HclFileItem[] {
  return [
    // The Cloud Run service agent decrypts the container image with the key.
    serviceAgentKeyUser('cloud_run'),
    resource('google_cloud_run_v2_service', 'main', {
      name: ref('var', 'name'),
      location: ref('var', 'region'),
      ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
      deletion_protection: true,
      labels: LABELS,
      template: nested({
        service_account: ref('var', 'service_account'),
        encryption_key: ref('var', 'kms_key_id'),
        scaling: nested({
          min_instance_count: ref('var', 'min_size'),
          max_instance_count: ref('var', 'max_size'),
        }),
        vpc_access: nested({
          egress: 'ALL_TRAFFIC',
          network_interfaces: nested({
            subnetwork: ref('var', 'subnet_id'),
          }),
        }),
        containers: nested({
          image: ref('var', 'image'),
          ports: nested({ container_port: ref('var', 'target_port') }),
          liveness_probe: nested({
            http_get: nested({ path: ref('var', 'health_check_path') }),
          }),
        }),
      }),
      depends_on: afterGrants('cloud_run'),
    }),
    comment(
      'The load balancer reaches Cloud Run through a serverless NEG; Cloud Run checks its own health (a serverless NEG takes no health check).',
    ),
    resource('google_compute_region_network_endpoint_group', 'main', {
      name: ref('var', 'name'),
      region: ref('var', 'region'),
      network_endpoint_type: 'SERVERLESS',
      cloud_run: nested({
        service: ref('google_cloud_run_v2_service', 'main', 'name'),
      }),
      lifecycle: nested({ create_before_destroy: true }),
    }),
  ];
}

/** The compute resources per compute kind; containers and serverless both run on Cloud Run. */
const COMPUTE_RESOURCES: Record<ComputeKind, () => HclFileItem[]> = {
  kubernetes: gkeResources,
  vms: instanceGroupResources,
  containers: cloudRunResources,
  serverless: cloudRunResources,
};

/** What the edge module's backend service serves, per compute kind (none for GKE). */
const BACKEND_OUTPUTS: Record<ComputeKind, OutputSpec[]> = {
  kubernetes: [],
  vms: [
    {
      name: 'backend_group',
      value: ref(
        'google_compute_region_instance_group_manager',
        'main',
        'instance_group',
      ),
      description: 'The instance group the load balancer serves.',
    },
    {
      name: 'health_check_id',
      value: ref('google_compute_health_check', 'main', 'id'),
      description: 'Health check of the instances.',
    },
  ],
  containers: [
    {
      name: 'backend_group',
      value: ref('google_compute_region_network_endpoint_group', 'main', 'id'),
      description: 'The serverless NEG of the Cloud Run service.',
    },
  ],
  serverless: [],
};
BACKEND_OUTPUTS.serverless = BACKEND_OUTPUTS.containers;

export function gcpCompute(design: Design): TerraformModule {
  const kind = design.environments[0].compute.kind;
  const main = [...LABELS_AND_PROJECT, ...COMPUTE_RESOURCES[kind]()];
  return {
    name: 'compute',
    variables: COMPUTE_VARIABLES,
    main,
    outputs: [
      {
        name: 'workload_name',
        value: ref('var', 'name'),
        description: 'Name of the cluster, group or service.',
      },
      ...BACKEND_OUTPUTS[kind],
    ],
    usedBy: () => true,
    args: ({ env, network: n }) => ({
      region: n.region,
      network_id: ref('module', 'network', 'network_id'),
      subnet_id: ref('module', 'network', 'private_subnet_id'),
      service_account: ref('module', 'security', 'workload_service_account'),
      kms_key_id: ref('module', 'security', 'kms_key_id'),
      machine_type: ref('var', 'instance_type'),
      min_size: ref('var', 'min_size'),
      max_size: ref('var', 'max_size'),
      target_port: env.loadBalancer.targetPort,
      health_check_path: env.compute.healthCheckPath,
    }),
  };
}
