/*
 * GCP edge: a global HTTPS load balancer with a TLS 1.2+ policy, the HTTP redirect and
 * Cloud Armor; for GKE only the address, certificate and policies the Gateway uses.
 */
import type {
  ComputeKind,
  Design,
} from '@plinth/backstage-plugin-infra-common';
import type { HclBody, HclFileItem } from '../../hcl';
import { comment, nested, raw, ref, resource } from '../../hcl';
import type { OutputSpec, TerraformModule, VariableSpec } from '../module';
import { NAME_VARIABLE, nameWith } from '../module';
import { hasStandbyRegion, secondaryAlias } from '../drClaims';

/** The backend service's backend, per compute kind; GKE builds its own (see `gkeEdgeNote`). */
function backendService(kind: ComputeKind): HclBody {
  const vms = kind === 'vms';
  return {
    name: ref('var', 'name'),
    protocol: 'HTTP',
    load_balancing_scheme: 'EXTERNAL_MANAGED',
    // The instance group's named port; a serverless NEG has none.
    port_name: vms ? 'http' : undefined,
    // One backend per region: the global load balancer sends each request to the nearest
    // healthy one, so a standby region's backend takes over when the primary's fails.
    dynamic: nested(
      {
        for_each: ref('var', 'backend_groups'),
        content: nested({
          group: raw('backend.value'),
          balancing_mode: vms ? 'UTILIZATION' : undefined,
          capacity_scaler: vms ? 1 : undefined,
        }),
      },
      'backend',
    ),
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

export function gcpEdge(design: Design): TerraformModule {
  const kind = design.environments[0].compute.kind;
  const gke = kind === 'kubernetes';
  const backendVariables: VariableSpec[] = [
    {
      name: 'backend_groups',
      type: 'list(string)',
      description:
        'Instance groups or serverless NEGs the load balancer serves, one per region.',
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
      backend_groups: gke
        ? undefined
        : [
            ref('module', 'compute', 'backend_group'),
            ...(hasStandbyRegion(env)
              ? env.regions.secondary.map((_, index) =>
                  ref(
                    'module',
                    `compute_${secondaryAlias(index)}`,
                    'backend_group',
                  ),
                )
              : []),
          ],
      health_check_id:
        kind === 'vms'
          ? ref('module', 'compute', 'health_check_id')
          : undefined,
    }),
  };
}
