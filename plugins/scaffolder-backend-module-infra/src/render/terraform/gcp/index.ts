/*
 * GCP: a custom-mode VPC with regional subnets per tier (flow logs, private Google access)
 * and Cloud NAT; Cloud KMS with 90-day rotation and tier firewall rules (never SSH/RDP from
 * the internet); GKE, a managed instance group or Cloud Run; Cloud SQL on private IP only
 * with backups, PITR and regional HA; an HTTPS load balancer with a TLS 1.2+ policy,
 * HTTP redirect and Cloud Armor; a locked-down audit log bucket.
 */
import type {
  ComputeKind,
  Design,
  FirewallRule,
} from '@plinth/backstage-plugin-infra-common';
import {
  block,
  comment,
  data,
  HclBody,
  HclFileItem,
  nested,
  raw,
  ref,
  resource,
} from '../../hcl';
import type { CloudTarget } from '../cloud';
import { firewallRulesOf, ruleLabel } from '../firewall';
import {
  NAME_VARIABLE,
  OutputSpec,
  TerraformModule,
  VariableSpec,
  logRetentionDays,
  nameWith,
  subnetsOf,
} from '../module';

// The modules take `tags` like every cloud; on GCP they become labels (`LABELS_LOCAL`).
const TAGS: VariableSpec = {
  name: 'tags',
  type: 'map(string)',
  description:
    'Labels on every resource that takes them (keys and values lower-cased).',
  default: {},
};

/**
 * GCP calls tags labels, and a label key or value is lower-case only. The network and edge
 * modules create nothing that takes labels in the GA provider, so they do not declare `tags`.
 */
const LABELS_LOCAL: HclFileItem = block('locals', [], {
  labels: raw('{ for key, value in var.tags : lower(key) => lower(value) }'),
});
const LABELS = ref('local', 'labels');
const SUBNET_LIST =
  'list(object({ name = string, zone = string, cidr = string }))';
/** The ranges Google's front ends (load balancer proxies and health checks) connect from. */
const GOOGLE_FRONT_END_RANGES = ['130.211.0.0/22', '35.191.0.0/16'];

/**
 * Google service agents that encrypt with the environment's key, by the documented e-mail
 * `service-<project number>@<domain>`. `google_project_service_identity` would create them,
 * but it is a google-beta resource and only `hashicorp/google` is pinned.
 */
const SERVICE_AGENTS = {
  cloud_sql: 'gcp-sa-cloud-sql.iam.gserviceaccount.com',
  redis: 'cloud-redis.iam.gserviceaccount.com',
  gke: 'container-engine-robot.iam.gserviceaccount.com',
  compute_engine: 'compute-system.iam.gserviceaccount.com',
  cloud_run: 'serverless-robot-prod.iam.gserviceaccount.com',
} as const;

const KEY_USER_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

/** The project whose number names the service agents. */
const PROJECT = data('google_project', 'current', {});

/** Grants a service agent the use of the environment's key (`var.kms_key_id`). */
function serviceAgentKeyUser(agent: keyof typeof SERVICE_AGENTS): HclFileItem {
  return resource('google_kms_crypto_key_iam_member', agent, {
    crypto_key_id: ref('var', 'kms_key_id'),
    role: KEY_USER_ROLE,
    member: raw(
      `"serviceAccount:service-\${data.google_project.current.number}@${SERVICE_AGENTS[agent]}"`,
    ),
  });
}

/** `depends_on` the grants, so a resource is encrypted only once its service agent may use the key. */
function afterGrants(...agents: Array<keyof typeof SERVICE_AGENTS>) {
  return agents.map(agent => ref('google_kms_crypto_key_iam_member', agent));
}

/** 90 days: the longest rotation CKV_GCP_43 accepts. */
const KMS_ROTATION = '7776000s';

const network: TerraformModule = {
  name: 'network',
  variables: [
    NAME_VARIABLE,
    { name: 'region', type: 'string', description: 'Region of the subnets.' },
    {
      name: 'subnets',
      type: SUBNET_LIST,
      description: 'One regional subnet per tier.',
    },
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

/** A rule's peer as source ranges; a tier peer is matched by network tag instead. */
function sourceRanges(peer: FirewallRule['peer']): string[] | undefined {
  if (peer.kind === 'internet') return ['0.0.0.0/0'];
  if (peer.kind === 'cidr') return [peer.cidr];
  return undefined;
}

function security(design: Design): TerraformModule {
  const rules: HclFileItem[] = firewallRulesOf(design)
    .filter(rule => rule.direction === 'ingress')
    .map((rule, index) =>
      resource('google_compute_firewall', ruleLabel(rule, index), {
        name: raw(
          `"\${var.name}-${ruleLabel(rule, index).replace(/_/g, '-')}"`,
        ),
        network: ref('var', 'network_id'),
        description: rule.description,
        direction: 'INGRESS',
        allow: nested({
          protocol: rule.protocol,
          ports:
            rule.protocol === 'all'
              ? undefined
              : [`${rule.fromPort}-${rule.toPort}`],
        }),
        source_ranges: sourceRanges(rule.peer),
        source_tags: rule.peer.kind === 'tier' ? [rule.peer.tier] : undefined,
        target_tags: [rule.tier],
        log_config: nested({ metadata: 'INCLUDE_ALL_METADATA' }),
      }),
    );
  return {
    name: 'security',
    variables: [
      NAME_VARIABLE,
      {
        name: 'region',
        type: 'string',
        description: 'Region of the key ring.',
      },
      { name: 'network_id', type: 'string', description: 'The VPC.' },
      TAGS,
    ],
    main: [
      LABELS_LOCAL,
      resource('google_kms_key_ring', 'main', {
        name: ref('var', 'name'),
        location: ref('var', 'region'),
      }),
      resource('google_kms_crypto_key', 'main', {
        name: ref('var', 'name'),
        key_ring: ref('google_kms_key_ring', 'main', 'id'),
        rotation_period: KMS_ROTATION,
        purpose: 'ENCRYPT_DECRYPT',
        labels: LABELS,
        lifecycle: nested({ prevent_destroy: true }),
      }),
      ...rules,
      resource('google_service_account', 'workload', {
        account_id: raw('substr(var.name, 0, 28)'),
        display_name: 'Workload identity of the service',
      }),
      resource('google_kms_crypto_key_iam_member', 'workload', {
        crypto_key_id: ref('google_kms_crypto_key', 'main', 'id'),
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        member: raw(
          '"serviceAccount:${google_service_account.workload.email}"',
        ),
      }),
    ],
    outputs: [
      {
        name: 'kms_key_id',
        value: ref('google_kms_crypto_key', 'main', 'id'),
        description: 'The environment key.',
      },
      {
        name: 'workload_service_account',
        value: ref('google_service_account', 'workload', 'email'),
        description: 'The workload identity.',
      },
    ],
    usedBy: () => true,
    args: ({ network: n }) => ({
      region: n.region,
      network_id: ref('module', 'network', 'network_id'),
    }),
  };
}

const COMPUTE_VARIABLES = [
  NAME_VARIABLE,
  { name: 'region', type: 'string', description: 'Region of the workload.' },
  { name: 'network_id', type: 'string', description: 'The VPC.' },
  { name: 'subnet_id', type: 'string', description: 'Workload subnet.' },
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
  { name: 'min_size', type: 'number', description: 'Fewest replicas.' },
  { name: 'max_size', type: 'number', description: 'Most replicas.' },
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
  TAGS,
];

/** GKE: a private, shielded cluster with an autoscaled node pool. */
function gkeResources(): HclFileItem[] {
  return [
    PROJECT,
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
    PROJECT,
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
        port: 8080,
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
      allow: nested({ protocol: 'tcp', ports: ['8080'] }),
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
      named_port: nested({ name: 'http', port: 8080 }),
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
    PROJECT,
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
          ports: nested({ container_port: 8080 }),
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

function compute(design: Design): TerraformModule {
  const kind = design.environments[0].compute.kind;
  const main = [LABELS_LOCAL, ...COMPUTE_RESOURCES[kind]()];
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
      health_check_path: env.compute.healthCheckPath,
    }),
  };
}

function dataModule(design: Design): TerraformModule {
  const db = design.environments.find(e => e.database)?.database;
  const cache = design.environments.some(e => e.cache);
  const version = db
    ? `${
        db.engine === 'postgres' ? 'POSTGRES' : 'MYSQL'
      }_${db.engineVersion.replace(/\./g, '_')}`
    : '';
  const main: HclFileItem[] = [LABELS_LOCAL, PROJECT];
  if (db) {
    main.push(
      comment(
        'The Cloud SQL service agent exists once created: run `gcloud beta services identity create --service=sqladmin.googleapis.com` once per project before the first apply.',
      ),
      serviceAgentKeyUser('cloud_sql'),
      resource('google_sql_database_instance', 'main', {
        name: ref('var', 'name'),
        region: ref('var', 'region'),
        database_version: version,
        encryption_key_name: ref('var', 'kms_key_id'),
        deletion_protection: ref('var', 'deletion_protection'),
        settings: nested({
          tier: ref('var', 'tier'),
          user_labels: LABELS,
          availability_type: raw(
            'var.high_availability ? "REGIONAL" : "ZONAL"',
          ),
          disk_autoresize: true,
          deletion_protection_enabled: ref('var', 'deletion_protection'),
          ip_configuration: nested({
            ipv4_enabled: false,
            private_network: ref('var', 'network_id'),
            ssl_mode: 'ENCRYPTED_ONLY',
          }),
          backup_configuration: nested({
            enabled: true,
            start_time: '02:00',
            point_in_time_recovery_enabled:
              db.engine === 'postgres' ? true : undefined,
            binary_log_enabled: db.engine === 'mysql' ? true : undefined,
            backup_retention_settings: nested({
              retained_backups: ref('var', 'backup_retention_days'),
            }),
          }),
        }),
        depends_on: afterGrants('cloud_sql'),
      }),
    );
  }
  if (cache) {
    main.push(
      serviceAgentKeyUser('redis'),
      resource('google_redis_instance', 'main', {
        name: nameWith('cache'),
        region: ref('var', 'region'),
        tier: raw('var.high_availability ? "STANDARD_HA" : "BASIC"'),
        memory_size_gb: 4,
        authorized_network: ref('var', 'network_id'),
        connect_mode: 'PRIVATE_SERVICE_ACCESS',
        transit_encryption_mode: 'SERVER_AUTHENTICATION',
        auth_enabled: true,
        customer_managed_key: ref('var', 'kms_key_id'),
        labels: LABELS,
        depends_on: afterGrants('redis'),
      }),
    );
  }
  return {
    name: 'data',
    variables: [
      NAME_VARIABLE,
      {
        name: 'region',
        type: 'string',
        description: 'Region of the database.',
      },
      {
        name: 'network_id',
        type: 'string',
        description: 'The VPC (private IP only).',
      },
      {
        name: 'kms_key_id',
        type: 'string',
        description: 'Key that encrypts the data.',
      },
      {
        name: 'tier',
        type: 'string',
        description: 'Cloud SQL machine tier.',
        default: 'db-custom-2-8192',
      },
      {
        name: 'high_availability',
        type: 'bool',
        description: 'A standby in another zone.',
      },
      {
        name: 'backup_retention_days',
        type: 'number',
        description: 'Backups kept.',
      },
      {
        name: 'deletion_protection',
        type: 'bool',
        description: 'Refuse deletion (production).',
      },
      TAGS,
    ],
    main,
    outputs: db
      ? [
          {
            name: 'database_private_ip',
            value: ref(
              'google_sql_database_instance',
              'main',
              'private_ip_address',
            ),
            description: 'Private address of the database.',
          },
        ]
      : [],
    usedBy: ({ env, network: n }) =>
      n.role === 'primary' && Boolean(env.database || env.cache),
    args: ({ env, network: n }) => ({
      region: n.region,
      network_id: ref('module', 'network', 'network_id'),
      // Cloud SQL and Memorystore need the private service access of the network first.
      depends_on: [ref('module', 'network')],
      kms_key_id: ref('module', 'security', 'kms_key_id'),
      tier: env.database?.instanceType,
      high_availability: env.database?.multiAz ?? env.multiAz,
      backup_retention_days: Math.max(
        7,
        env.database?.backupRetentionDays ?? 7,
      ),
      deletion_protection:
        env.database?.deletionProtection ?? env.stage === 'production',
    }),
  };
}

/** The backend service's backend, per compute kind; GKE builds its own (see `gkeEdgeNote`). */
function backendService(kind: ComputeKind): HclBody {
  const vms = kind === 'vms';
  return {
    name: ref('var', 'name'),
    protocol: 'HTTP',
    load_balancing_scheme: 'EXTERNAL_MANAGED',
    // The instance group's named port; a serverless NEG has none.
    port_name: vms ? 'http' : undefined,
    backend: nested({
      group: ref('var', 'backend_group'),
      balancing_mode: vms ? 'UTILIZATION' : undefined,
      capacity_scaler: vms ? 1 : undefined,
    }),
    // A serverless NEG must not have a health check: Cloud Run checks its own instances.
    health_checks: vms ? [ref('var', 'health_check_id')] : undefined,
    security_policy: raw(
      'var.waf_enabled ? google_compute_security_policy.main[0].id : null',
    ),
    log_config: nested({ enable: true }),
  };
}

/** The HTTPS load balancer in front of the backend service, and the HTTP -> HTTPS redirect. */
function loadBalancerResources(kind: ComputeKind): HclFileItem[] {
  return [
    resource('google_compute_backend_service', 'main', backendService(kind)),
    resource('google_compute_url_map', 'main', {
      name: ref('var', 'name'),
      default_service: ref('google_compute_backend_service', 'main', 'id'),
    }),
    resource('google_compute_target_https_proxy', 'main', {
      name: ref('var', 'name'),
      url_map: ref('google_compute_url_map', 'main', 'id'),
      ssl_certificates: [
        ref('google_compute_managed_ssl_certificate', 'main', 'id'),
      ],
      ssl_policy: ref('google_compute_ssl_policy', 'main', 'id'),
    }),
    resource('google_compute_global_forwarding_rule', 'https', {
      name: nameWith('https'),
      target: ref('google_compute_target_https_proxy', 'main', 'id'),
      ip_address: ref('google_compute_global_address', 'main', 'id'),
      port_range: '443',
      load_balancing_scheme: 'EXTERNAL_MANAGED',
    }),
    resource('google_compute_url_map', 'redirect', {
      name: nameWith('redirect'),
      default_url_redirect: nested({
        https_redirect: true,
        strip_query: false,
        redirect_response_code: 'MOVED_PERMANENTLY_DEFAULT',
      }),
    }),
    resource('google_compute_target_http_proxy', 'redirect', {
      name: nameWith('redirect'),
      url_map: ref('google_compute_url_map', 'redirect', 'id'),
    }),
    resource('google_compute_global_forwarding_rule', 'http', {
      name: nameWith('http'),
      target: ref('google_compute_target_http_proxy', 'redirect', 'id'),
      ip_address: ref('google_compute_global_address', 'main', 'id'),
      port_range: '80',
      load_balancing_scheme: 'EXTERNAL_MANAGED',
    }),
  ];
}

/**
 * Why GKE gets no backend service here: the GKE Gateway controller creates the backend
 * services (container-native, one per Kubernetes Service, health-checked from the Pods'
 * readiness), URL map, proxies and forwarding rules from the Gateway and HTTPRoute objects.
 * A backend service made here could hold no backend (its NEGs exist only once the controller
 * has made them) and would serve nothing.
 */
const gkeEdgeNote = comment(
  [
    'GKE: the GKE Gateway controller (GatewayClass gke-l7-global-external-managed) creates the',
    'backend services, URL map, proxies and forwarding rules from the Gateway and HTTPRoute',
    'objects, so none are made here: a backend service made by Terraform would have no backend.',
    'The Gateway uses what this module creates (see its outputs):',
    '- the address: spec.addresses [{ type: NamedAddress, value: <address_name> }];',
    '- the certificate: tls.options networking.gke.io/pre-shared-certs: <certificate_name>;',
    '- the TLS policy: a GCPGatewayPolicy with sslPolicy: <ssl_policy_name>;',
    '- Cloud Armor: a GCPBackendPolicy with securityPolicy: <security_policy_name>;',
    '- HTTP to HTTPS: a port-80 listener whose HTTPRoute has a RequestRedirect filter (scheme https, 301).',
  ].join('\n'),
);

const GKE_EDGE_OUTPUTS: OutputSpec[] = [
  {
    name: 'address_name',
    value: ref('google_compute_global_address', 'main', 'name'),
    description: 'Global address for the Gateway (NamedAddress).',
  },
  {
    name: 'certificate_name',
    value: ref('google_compute_managed_ssl_certificate', 'main', 'name'),
    description: 'Managed certificate for the Gateway (pre-shared-certs).',
  },
  {
    name: 'ssl_policy_name',
    value: ref('google_compute_ssl_policy', 'main', 'name'),
    description: 'TLS policy for the Gateway (GCPGatewayPolicy sslPolicy).',
  },
  {
    name: 'security_policy_name',
    value: raw(
      'var.waf_enabled ? google_compute_security_policy.main[0].name : null',
    ),
    description:
      'Cloud Armor policy for the Gateway backends (GCPBackendPolicy securityPolicy), null without WAF.',
  },
];

function edge(design: Design): TerraformModule {
  const kind = design.environments[0].compute.kind;
  const gke = kind === 'kubernetes';
  const backendVariables: VariableSpec[] = [
    {
      name: 'backend_group',
      type: 'string',
      description: 'Instance group or serverless NEG the load balancer serves.',
    },
  ];
  if (kind === 'vms') {
    backendVariables.push({
      name: 'health_check_id',
      type: 'string',
      description: 'Health check of the instance group.',
    });
  }
  return {
    name: 'edge',
    variables: [
      NAME_VARIABLE,
      {
        name: 'domains',
        type: 'list(string)',
        description: 'Domains of the managed certificate.',
      },
      {
        name: 'min_tls_version',
        type: 'string',
        description: 'TLS_1_2 or TLS_1_3 (via the RESTRICTED profile).',
      },
      {
        name: 'waf_enabled',
        type: 'bool',
        description: 'Attach a Cloud Armor policy.',
      },
      ...(gke ? [] : backendVariables),
    ],
    main: [
      resource('google_compute_global_address', 'main', {
        name: nameWith('lb'),
      }),
      resource('google_compute_ssl_policy', 'main', {
        name: ref('var', 'name'),
        profile: 'RESTRICTED',
        min_tls_version: ref('var', 'min_tls_version'),
      }),
      resource('google_compute_managed_ssl_certificate', 'main', {
        name: ref('var', 'name'),
        managed: nested({ domains: ref('var', 'domains') }),
      }),
      resource('google_compute_security_policy', 'main', {
        count: raw('var.waf_enabled ? 1 : 0'),
        name: nameWith('armor'),
        rule: [
          nested({
            action: 'deny(403)',
            priority: 1000,
            match: nested({
              expr: nested({
                expression:
                  "evaluatePreconfiguredWaf('sqli-v33-stable') || evaluatePreconfiguredWaf('xss-v33-stable')",
              }),
            }),
          }),
          nested({
            action: 'allow',
            priority: 2147483647,
            match: nested({
              versioned_expr: 'SRC_IPS_V1',
              config: nested({ src_ip_ranges: ['*'] }),
            }),
          }),
        ],
      }),
      ...(gke ? [gkeEdgeNote] : loadBalancerResources(kind)),
    ],
    outputs: gke
      ? GKE_EDGE_OUTPUTS
      : [
          {
            name: 'backend_service_id',
            value: ref('google_compute_backend_service', 'main', 'id'),
            description: 'Backend service of the load balancer.',
          },
          {
            name: 'address',
            value: ref('google_compute_global_address', 'main', 'address'),
            description: 'The public address to point the domains at.',
          },
        ],
    usedBy: ({ network: n }) => n.role === 'primary',
    args: ({ env }) => ({
      domains: ref('var', 'domains'),
      min_tls_version:
        env.loadBalancer.tlsMinVersion === '1.3' ? 'TLS_1_3' : 'TLS_1_2',
      waf_enabled: env.loadBalancer.waf,
      backend_group: gke
        ? undefined
        : ref('module', 'compute', 'backend_group'),
      health_check_id:
        kind === 'vms'
          ? ref('module', 'compute', 'health_check_id')
          : undefined,
    }),
  };
}

const observability: TerraformModule = {
  name: 'observability',
  variables: [
    NAME_VARIABLE,
    {
      name: 'region',
      type: 'string',
      description: 'Location of the log bucket.',
    },
    {
      name: 'kms_key_id',
      type: 'string',
      description: 'Key that encrypts the logs.',
    },
    {
      name: 'log_retention_days',
      type: 'number',
      description: 'Days to keep audit logs.',
    },
    TAGS,
  ],
  main: [
    LABELS_LOCAL,
    data('google_client_config', 'current', {}),
    // Reading the Cloud Storage service agent also creates it if the project has none yet.
    data('google_storage_project_service_account', 'current', {}),
    resource('google_kms_crypto_key_iam_member', 'gcs', {
      crypto_key_id: ref('var', 'kms_key_id'),
      role: KEY_USER_ROLE,
      member: raw(
        '"serviceAccount:${data.google_storage_project_service_account.current.email_address}"',
      ),
    }),
    resource('google_storage_bucket', 'audit', {
      name: raw(
        '"${var.name}-audit-${data.google_client_config.current.project}"',
      ),
      location: ref('var', 'region'),
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      force_destroy: false,
      versioning: nested({ enabled: true }),
      encryption: nested({ default_kms_key_name: ref('var', 'kms_key_id') }),
      labels: LABELS,
      retention_policy: nested({
        retention_period: raw('var.log_retention_days * 86400'),
      }),
      depends_on: [ref('google_kms_crypto_key_iam_member', 'gcs')],
    }),
    resource('google_logging_project_sink', 'audit', {
      name: nameWith('audit'),
      destination: raw(
        '"storage.googleapis.com/${google_storage_bucket.audit.name}"',
      ),
      filter: 'logName:"cloudaudit.googleapis.com"',
      unique_writer_identity: true,
    }),
    resource('google_storage_bucket_iam_member', 'audit_writer', {
      bucket: ref('google_storage_bucket', 'audit', 'name'),
      role: 'roles/storage.objectCreator',
      member: ref('google_logging_project_sink', 'audit', 'writer_identity'),
    }),
    resource('google_project_iam_audit_config', 'all', {
      project: raw('data.google_client_config.current.project'),
      service: 'allServices',
      audit_log_config: [
        nested({ log_type: 'ADMIN_READ' }),
        nested({ log_type: 'DATA_READ' }),
        nested({ log_type: 'DATA_WRITE' }),
      ],
    }),
  ],
  outputs: [
    {
      name: 'audit_bucket',
      value: ref('google_storage_bucket', 'audit', 'name'),
      description: 'Bucket with the audit logs.',
    },
  ],
  usedBy: ({ network: n }) => n.role === 'primary',
  args: ({ env, network: n }) => ({
    region: n.region,
    kms_key_id: ref('module', 'security', 'kms_key_id'),
    log_retention_days: logRetentionDays(env),
  }),
};

export const gcp: CloudTarget = {
  provider: { name: 'google', source: 'hashicorp/google', version: '~> 6.14' },
  modules: design => [
    network,
    security(design),
    compute(design),
    dataModule(design),
    edge(design),
    observability,
  ],
  providerBlock: region => ({ project: ref('var', 'project'), region }),
  backend: (design, env) =>
    nested(
      {
        bucket: design.iac.stateBackend.bucket,
        prefix: `${design.iac.stateBackend.keyPrefix}/${env.name}`,
      },
      'gcs',
    ),
  rootVariables: env => [
    {
      spec: {
        name: 'project',
        type: 'string',
        description: 'The Google Cloud project of this environment.',
      },
      value: `REPLACE-ME-${env.name}`,
    },
    {
      spec: {
        name: 'instance_type',
        type: 'string',
        description: 'Machine type for nodes or instances.',
      },
      value: env.compute.instanceType,
    },
    {
      spec: {
        name: 'domains',
        type: 'list(string)',
        description: 'Domains served over HTTPS.',
      },
      value: ['REPLACE-ME.example.com'],
    },
  ],
};
