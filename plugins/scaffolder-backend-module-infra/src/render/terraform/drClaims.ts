/*
 * What a production environment's disaster-recovery pattern promises, and the Terraform
 * resources that keep each promise. The renderers create these resources, the DR page and the
 * failover runbook name them, and the claims-vs-code test finds each one in the parsed HCL,
 * so a promise without its resource fails the tests instead of reaching on-call.
 */
import type {
  Cloud,
  ComputeKind,
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';

export type DrClaimKind =
  | 'data-replica'
  | 'secondary-compute'
  | 'secondary-load-balancer'
  | 'traffic-failover';

export interface DrClaim {
  kind: DrClaimKind;
  /** The secondary region the claim is about. */
  region: string;
  /** The promise, in words for the DR page. */
  what: string;
  /** Resource addresses in the environment root (`module.<call>.<type>.<name>`). */
  addresses: string[];
  /**
   * A reference the module call of the addresses must pass: GCP's global load balancer fails
   * over only if its backend service is given the secondary region's backend.
   */
  via?: string;
}

/** The alias of a secondary region's provider and the suffix of its module calls. */
export function secondaryAlias(index: number): string {
  return index === 0 ? 'secondary' : `secondary_${index + 1}`;
}

/** Whether an environment gets a standby region: a pattern beyond backups and a second region. */
export function hasStandbyRegion(env: EnvironmentDesign): boolean {
  return env.drPattern !== 'backup-restore' && env.networks.length > 1;
}

/** Whether the environment's database is replicated into a secondary region. */
export function replicatesInto(env: EnvironmentDesign, region: string) {
  return Boolean(
    hasStandbyRegion(env) && env.database?.crossRegionReplicas.includes(region),
  );
}

/** Whether the design replicates a database anywhere: the cloud then has a replica module. */
export function anyReplica(design: Design): boolean {
  return design.environments.some(env =>
    env.regions.secondary.some(region => replicatesInto(env, region)),
  );
}

const REPLICA: Record<Cloud, (engine: 'postgres' | 'mysql') => string> = {
  aws: () => 'aws_db_instance.replica',
  gcp: () => 'google_sql_database_instance.replica',
  azure: engine =>
    engine === 'mysql'
      ? 'azurerm_mysql_flexible_server.replica'
      : 'azurerm_postgresql_flexible_server.replica',
};

const COMPUTE: Record<Cloud, Record<ComputeKind, string>> = {
  aws: {
    kubernetes: 'aws_eks_node_group.main',
    containers: 'aws_ecs_service.workload',
    vms: 'aws_autoscaling_group.workload',
    serverless: 'aws_lambda_function.workload',
  },
  gcp: {
    kubernetes: 'google_container_node_pool.main',
    containers: 'google_cloud_run_v2_service.main',
    vms: 'google_compute_region_instance_group_manager.main',
    serverless: 'google_cloud_run_v2_service.main',
  },
  azure: {
    kubernetes: 'azurerm_kubernetes_cluster.main',
    containers: 'azurerm_container_app.main',
    vms: 'azurerm_linux_virtual_machine_scale_set.main',
    serverless: 'azurerm_linux_function_app.main',
  },
};

function loadBalancerClaim(
  cloud: Cloud,
  kind: ComputeKind,
  region: string,
  suffix: string,
): DrClaim | undefined {
  if (cloud === 'aws')
    return {
      kind: 'secondary-load-balancer',
      region,
      what: `application load balancer with its own certificate in ${region}`,
      addresses: [
        `module.edge_${suffix}.aws_lb.main`,
        `module.edge_${suffix}.aws_acm_certificate.main`,
      ],
    };
  if (cloud === 'azure')
    return {
      kind: 'secondary-load-balancer',
      region,
      what: `Application Gateway in ${region}`,
      addresses: [`module.edge_${suffix}.azurerm_application_gateway.main`],
    };
  // GKE: the Gateway controller owns the backend services (see the edge module).
  if (kind === 'kubernetes') return undefined;
  return {
    kind: 'secondary-load-balancer',
    region,
    what: `the global load balancer's backend service also serves the backend in ${region}`,
    addresses: ['module.edge.google_compute_backend_service.main'],
    via: `module.compute_${suffix}.backend_group`,
  };
}

function failoverClaim(
  cloud: Cloud,
  kind: ComputeKind,
  env: EnvironmentDesign,
  region: string,
  suffix: string,
): DrClaim | undefined {
  const activeActive = env.drPattern === 'active-active';
  if (cloud === 'aws')
    return {
      kind: 'traffic-failover',
      region,
      what: activeActive
        ? `Route 53 latency records to both regions, each health-checked, so a failed region stops getting traffic`
        : `Route 53 failover records: the primary while its health check passes, else ${region}`,
      addresses: [
        'module.failover.aws_route53_health_check.primary',
        'module.failover.aws_route53_health_check.secondary',
        'module.failover.aws_route53_record.primary',
        'module.failover.aws_route53_record.secondary',
      ],
    };
  if (cloud === 'azure')
    return {
      kind: 'traffic-failover',
      region,
      what: activeActive
        ? 'Traffic Manager (performance routing) over both gateways, probed on the health path'
        : `Traffic Manager (priority routing): the primary gateway while its probe passes, else ${region}`,
      addresses: [
        'module.failover.azurerm_traffic_manager_profile.main',
        'module.failover.azurerm_traffic_manager_external_endpoint.primary',
        'module.failover.azurerm_traffic_manager_external_endpoint.secondary',
      ],
    };
  if (kind === 'kubernetes') return undefined;
  return {
    kind: 'traffic-failover',
    region,
    what: `one global anycast address: the load balancer sends requests to the nearest healthy backend, so ${region} takes over when the primary fails`,
    addresses: ['module.edge.google_compute_global_forwarding_rule.https'],
    via: `module.compute_${suffix}.backend_group`,
  };
}

/** The claims of one environment, for each of its standby regions. */
export function drClaims(design: Design, env: EnvironmentDesign): DrClaim[] {
  if (!hasStandbyRegion(env)) return [];
  const cloud = design.cloud;
  const kind = env.compute.kind;
  return env.regions.secondary.flatMap((region, index) => {
    const suffix = secondaryAlias(index);
    const claims: Array<DrClaim | undefined> = [];
    if (env.database && replicatesInto(env, region)) {
      claims.push({
        kind: 'data-replica',
        region,
        what: `${env.database.engine} read replica in ${region}, promoted on failover`,
        addresses: [
          `module.replica_${suffix}.${REPLICA[cloud](env.database.engine)}`,
        ],
      });
    }
    claims.push({
      kind: 'secondary-compute',
      region,
      what: `${kind} workload running in ${region}`,
      addresses: [`module.compute_${suffix}.${COMPUTE[cloud][kind]}`],
    });
    claims.push(loadBalancerClaim(cloud, kind, region, suffix));
    // DNS fails over to the first standby region only (one failover target per name).
    if (index === 0)
      claims.push(failoverClaim(cloud, kind, env, region, suffix));
    return claims.filter((c): c is DrClaim => c !== undefined);
  });
}

/**
 * What the pattern needs that Plinth does not create, said on the DR page instead of being
 * promised: GKE's multi-region traffic is a multi-cluster Gateway, configured in Kubernetes.
 */
export function drGaps(design: Design, env: EnvironmentDesign): string[] {
  if (!hasStandbyRegion(env)) return [];
  if (design.cloud === 'gcp' && env.compute.kind === 'kubernetes')
    return [
      'Traffic to the standby cluster: GKE serves through the Gateway controller, so a multi-cluster Gateway (fleet, GatewayClass gke-l7-global-external-managed-mc) must be set up in Kubernetes; Plinth does not create it.',
    ];
  return [];
}
