/*
 * GCP regressions on the parsed HCL: the load balancer serves the workload of every compute
 * kind (an instance group with its health check, a Cloud Run serverless NEG, or on GKE the
 * pieces a Gateway uses), with resources of the production root resolved through the module
 * calls.
 */
import type { ComputeKind } from '@plinth/backstage-plugin-infra-common';
import { renderTerraform } from './index';
import { fixtureDesign } from './__testUtils__/designs';
import {
  environmentResources,
  parseFiles,
  ParsedResource,
} from './__testUtils__/hclTree';

async function production(compute: ComputeKind, targetPort?: number) {
  const design = fixtureDesign('gcp', { compute });
  if (targetPort !== undefined) {
    for (const env of design.environments)
      env.loadBalancer.targetPort = targetPort;
  }
  const files = renderTerraform(design);
  const parsed = await parseFiles(files);
  const resources = await environmentResources(files, 'prod');
  const find = (type: string, name = 'main'): ParsedResource[] =>
    resources.filter(r => r.type === type && r.name === name);
  return { parsed, resources, find };
}

describe('the GCP load balancer serves the workload', () => {
  it('of an instance group, health-checked on the design path through the named port', async () => {
    const { parsed, find } = await production('vms');
    const [service] = find('google_compute_backend_service');
    expect(service.module).toBe('edge');
    // One backend per region, written as a dynamic block over the regions' groups.
    const [backend] = service.body.dynamic.backend;
    expect(backend.for_each).toEqual(['${module.compute.backend_group}']);
    expect(backend.content).toEqual([
      {
        group: '${backend.value}',
        balancing_mode: 'UTILIZATION',
        capacity_scaler: 1,
      },
    ]);
    expect(service.body.health_checks).toEqual([
      '${module.compute.health_check_id}',
    ]);
    expect(service.body.port_name).toBe('http');

    const outputs = parsed.get('terraform/modules/compute/outputs.tf').output;
    expect(outputs.backend_group[0].value).toBe(
      '${google_compute_region_instance_group_manager.main.instance_group}',
    );
    expect(outputs.health_check_id[0].value).toBe(
      '${google_compute_health_check.main.id}',
    );
    const [check] = find('google_compute_health_check');
    expect(check.body.http_health_check).toEqual([
      { port: 8080, request_path: '/healthz' },
    ]);
    const [group] = find('google_compute_region_instance_group_manager');
    expect(group.body.named_port).toEqual([{ name: 'http', port: 8080 }]);
  });

  it("lets only Google's front ends reach the instances on the serving port", async () => {
    const { find } = await production('vms');
    const [rule] = find('google_compute_firewall', 'load_balancer');
    expect(rule.body.source_ranges).toEqual([
      '130.211.0.0/22',
      '35.191.0.0/16',
    ]);
    expect(rule.body.allow).toEqual([{ protocol: 'tcp', ports: [8080] }]);
    expect(rule.body.target_tags).toEqual(['private']);
  });

  it("serves the design's target port, not a fixed one", async () => {
    const vms = await production('vms', 9090);
    expect(
      vms.find('google_compute_health_check')[0].body.http_health_check,
    ).toEqual([{ port: 9090, request_path: '/healthz' }]);
    expect(
      vms.find('google_compute_region_instance_group_manager')[0].body
        .named_port,
    ).toEqual([{ name: 'http', port: 9090 }]);
    expect(
      vms.find('google_compute_firewall', 'load_balancer')[0].body.allow,
    ).toEqual([{ protocol: 'tcp', ports: [9090] }]);
    const run = await production('containers', 9090);
    const [service] = run.find('google_cloud_run_v2_service');
    expect(service.body.template[0].containers[0].ports).toEqual([
      { container_port: 9090 },
    ]);
  });

  it.each(['containers', 'serverless'] as ComputeKind[])(
    'of Cloud Run through a serverless NEG, without a health check (%s)',
    async compute => {
      const { parsed, find } = await production(compute);
      const [service] = find('google_compute_backend_service');
      const [backend] = service.body.dynamic.backend;
      expect(backend.for_each).toEqual(['${module.compute.backend_group}']);
      expect(backend.content).toEqual([{ group: '${backend.value}' }]);
      expect(service.body).not.toHaveProperty('health_checks');
      expect(service.body).not.toHaveProperty('port_name');
      const [neg] = find('google_compute_region_network_endpoint_group');
      expect(neg.body.network_endpoint_type).toBe('SERVERLESS');
      expect(neg.body.cloud_run).toEqual([
        { service: '${google_cloud_run_v2_service.main.name}' },
      ]);
      expect(
        parsed.get('terraform/modules/compute/outputs.tf').output
          .backend_group[0].value,
      ).toBe('${google_compute_region_network_endpoint_group.main.id}');
    },
  );

  it.each(['vms', 'containers'] as ComputeKind[])(
    'on one address for HTTPS and the HTTP redirect (%s)',
    async compute => {
      const { find } = await production(compute);
      const rules = [
        ...find('google_compute_global_forwarding_rule', 'https'),
        ...find('google_compute_global_forwarding_rule', 'http'),
      ];
      expect(rules.map(r => r.body.ip_address)).toEqual([
        '${google_compute_global_address.main.id}',
        '${google_compute_global_address.main.id}',
      ]);
    },
  );

  it('on GKE leaves the backend services to the Gateway controller and gives it the address, TLS policy and Cloud Armor', async () => {
    const { parsed, resources, find } = await production('kubernetes');
    const types = resources.map(r => r.type);
    for (const made of [
      'google_compute_backend_service',
      'google_compute_url_map',
      'google_compute_target_https_proxy',
      'google_compute_global_forwarding_rule',
    ])
      expect(types).not.toContain(made);
    expect(types).toEqual(
      expect.arrayContaining([
        'google_compute_global_address',
        'google_compute_ssl_policy',
        'google_compute_security_policy',
        'google_compute_managed_ssl_certificate',
      ]),
    );
    const outputs = parsed.get('terraform/modules/edge/outputs.tf').output;
    expect(
      Object.fromEntries(
        Object.entries<any>(outputs).map(([name, [o]]) => [name, o.value]),
      ),
    ).toEqual({
      address_name: '${google_compute_global_address.main.name}',
      certificate_name: '${google_compute_managed_ssl_certificate.main.name}',
      ssl_policy_name: '${google_compute_ssl_policy.main.name}',
      security_policy_name:
        '${var.waf_enabled ? google_compute_security_policy.main[0].name : null}',
    });
    const [cluster] = find('google_container_cluster');
    expect(cluster.body.gateway_api_config).toEqual([
      { channel: 'CHANNEL_STANDARD' },
    ]);
    const root = parsed.get('terraform/envs/prod/main.tf');
    expect(root.module.edge[0]).not.toHaveProperty('backend_group');
  });
});

const SERVICE_AGENT =
  /^serviceAccount:service-\$\{data\.google_project\.current\.number\}@(.+)$/;

describe("GCP service agents may use the environment's key before they encrypt with it", () => {
  it.each([
    [
      'data',
      'google_sql_database_instance',
      'cloud_sql',
      'gcp-sa-cloud-sql.iam.gserviceaccount.com',
    ],
    [
      'data',
      'google_redis_instance',
      'redis',
      'cloud-redis.iam.gserviceaccount.com',
    ],
  ])(
    '%s: %s after the %s service agent',
    async (module, type, grant, domain) => {
      const { parsed, find } = await production('kubernetes');
      const main = parsed.get(`terraform/modules/${module}/main.tf`);
      expect(main.data.google_project.current).toEqual([{}]);
      const [binding] = find('google_kms_crypto_key_iam_member', grant);
      expect(binding.body.role).toBe(
        'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      );
      expect(SERVICE_AGENT.exec(binding.body.member)?.[1]).toBe(domain);
      const [encrypted] = find(type);
      // The same key as the one the resource is encrypted with, resolved through the call.
      expect(binding.body.crypto_key_id).toBe('${module.security.kms_key_id}');
      expect(
        encrypted.body.encryption_key_name ??
          encrypted.body.customer_managed_key,
      ).toBe('${module.security.kms_key_id}');
      expect(encrypted.body.depends_on).toEqual([
        `\${google_kms_crypto_key_iam_member.${grant}}`,
      ]);
    },
  );

  it('observability: the audit bucket after the Cloud Storage service agent', async () => {
    const { parsed, find } = await production('vms');
    const main = parsed.get('terraform/modules/observability/main.tf');
    expect(main.data.google_storage_project_service_account.current).toEqual([
      {},
    ]);
    const [binding] = find('google_kms_crypto_key_iam_member', 'gcs');
    expect(binding.body).toEqual({
      crypto_key_id: '${module.security.kms_key_id}',
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member:
        'serviceAccount:${data.google_storage_project_service_account.current.email_address}',
    });
    const [bucket] = find('google_storage_bucket', 'audit');
    expect(bucket.body.encryption).toEqual([
      { default_kms_key_name: '${module.security.kms_key_id}' },
    ]);
    expect(bucket.body.depends_on).toEqual([
      '${google_kms_crypto_key_iam_member.gcs}',
    ]);
  });

  it.each([
    ['kubernetes', 'google_container_cluster', 'gke'],
    ['kubernetes', 'google_container_node_pool', 'compute_engine'],
    ['vms', 'google_compute_region_instance_group_manager', 'compute_engine'],
    ['containers', 'google_cloud_run_v2_service', 'cloud_run'],
  ] as Array<[ComputeKind, string, string]>)(
    'compute (%s): %s after the %s service agent',
    async (compute, type, grant) => {
      const { find } = await production(compute);
      const [binding] = find('google_kms_crypto_key_iam_member', grant);
      expect(binding.module).toBe('compute');
      expect(binding.body.crypto_key_id).toBe('${module.security.kms_key_id}');
      expect(binding.body.member).toMatch(SERVICE_AGENT);
      const [encrypted] = find(type);
      expect(encrypted.body.depends_on).toEqual([
        `\${google_kms_crypto_key_iam_member.${grant}}`,
      ]);
    },
  );
});

describe('GCP labels from the tags', () => {
  it.each([
    ['security', 'google_kms_crypto_key', 'labels'],
    ['compute', 'google_container_cluster', 'resource_labels'],
    ['data', 'google_redis_instance', 'labels'],
    ['observability', 'google_storage_bucket', 'labels'],
  ])('%s: %s carries the lower-cased tags', async (module, type, attribute) => {
    const { parsed, resources } = await production('kubernetes');
    const main = parsed.get(`terraform/modules/${module}/main.tf`);
    expect(main.locals).toEqual([
      {
        labels:
          '${{ for key, value in var.tags : lower(key) => lower(value) }}',
      },
    ]);
    const [labelled] = resources.filter(
      r => r.type === type && r.module === module,
    );
    expect(labelled.body[attribute]).toBe('${local.labels}');
    const root = parsed.get('terraform/envs/prod/main.tf');
    expect(root.module[module][0].tags).toMatchObject({
      service: expect.any(String),
      environment: 'prod',
    });
  });

  it('labels the Cloud SQL instance through its settings', async () => {
    const { find } = await production('vms');
    const [instance] = find('google_sql_database_instance');
    expect(instance.body.settings[0].user_labels).toBe('${local.labels}');
  });

  it.each(['network', 'edge'])(
    '%s creates nothing that takes labels, so it neither declares nor receives tags',
    async module => {
      const { parsed } = await production('kubernetes');
      expect(
        parsed.get(`terraform/modules/${module}/variables.tf`).variable,
      ).not.toHaveProperty('tags');
      expect(
        parsed.get('terraform/envs/prod/main.tf').module[module][0],
      ).not.toHaveProperty('tags');
    },
  );
});
