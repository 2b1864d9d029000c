/*
 * The Azure renderer on designs planned from answers (the HIPAA example, a non-production
 * variant, containers and VMs): every file parses with HashiCorp's parser, and the
 * production environment passes scanner-derived rules checked on the parsed HCL with the
 * module variables resolved. Rule ids claimed as scanner rules must exist in the reference
 * (the shared reference data's scanner-rules/iac_rules.json); the Azure rules the reference does not
 * carry (CKV_AZURE_42, the database rules) are checked by meaning under their own names.
 */
import { parse } from '@cdktf/hcl2json';
import {
  ComputeKind,
  Design,
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { renderTerraform } from './index';
import { environmentResources, ParsedResource } from './__testUtils__/hclTree';
import { loadScannerRules } from './__testUtils__/scannerRules';

/** Answers like examples/answers/azure-hipaa-9999.yaml, with hostile text in the description. */
function answers(options: {
  compute?: ComputeKind;
  stages?: Array<'development' | 'staging' | 'production'>;
  cache?: boolean;
}) {
  const stages = options.stages ?? ['development', 'staging', 'production'];
  return {
    service: {
      name: 'records-api',
      owner: 'group:default/clinical',
      description: 'Patient records API: "PHI" ${var.x} %{ if true }',
    },
    workload: {
      type: 'http-api',
      trafficPattern: 'steady',
      peakRps: 400,
      dataClassification: 'restricted',
      dataKinds: ['phi', 'pii'],
      storageGb: 500,
      stateful: true,
    },
    slos: {
      availability: 99.99,
      latencyP99Ms: 250,
      latencyTarget: 99.5,
      window: '30d',
    },
    constraints: {
      complianceFrameworks: ['hipaa', 'soc2'],
      dataResidency: 'us',
    },
    environments: stages.map(stage => ({
      name: { development: 'dev', staging: 'staging', production: 'prod' }[
        stage
      ],
      stage,
    })),
    topology: {
      cloud: 'azure',
      primaryRegion: 'eastus',
      publicIngress: true,
      compute: options.compute ?? 'kubernetes',
      database: 'postgres',
      ...(options.cache ? { cache: 'redis' } : {}),
    },
    iac: {
      tool: 'terraform',
      ciProvider: 'github-actions',
      prodApproval: true,
    },
    security: { tlsMinVersion: '1.3', waf: true },
    operations: { monitoring: 'prometheus', alertRouting: 'opsgenie' },
  };
}

function plan(options: Parameters<typeof answers>[0]): Design {
  const parsed = parseAnswers(answers(options));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

const DESIGNS: Array<[string, Design]> = [
  ['hipaa kubernetes with redis', plan({ cache: true })],
  ['non-production only', plan({ stages: ['development', 'staging'] })],
  ['containers', plan({ compute: 'containers' })],
  ['vms', plan({ compute: 'vms' })],
  ['serverless', plan({ compute: 'serverless' })],
];

describe('renderTerraform for Azure', () => {
  it.each(DESIGNS)(
    "writes files that HashiCorp's parser accepts (%s)",
    async (_, design) => {
      const files = renderTerraform(design);
      for (const module of [
        'network',
        'security',
        'compute',
        'edge',
        'observability',
      ]) {
        expect(files.map(f => f.path)).toContain(
          `terraform/modules/${module}/main.tf`,
        );
      }
      for (const env of design.environments) {
        expect(files.map(f => f.path)).toContain(
          `terraform/envs/${env.name}/terraform.tfvars`,
        );
      }
      for (const file of files) {
        await expect(parse(file.path, file.content)).resolves.toBeDefined();
      }
    },
  );

  it('pins azurerm and keeps the state in an azurerm backend with Entra ID auth', async () => {
    const design = plan({});
    const files = renderTerraform(design);
    const content = (p: string) => files.find(f => f.path === p)!.content;
    const versions = await parse(
      'versions.tf',
      content('terraform/envs/prod/versions.tf'),
    );
    expect(versions.terraform[0].required_providers[0].azurerm).toEqual({
      source: 'hashicorp/azurerm',
      version: '~> 4.32',
    });
    const backend = await parse(
      'backend.tf',
      content('terraform/envs/prod/backend.tf'),
    );
    expect(backend.terraform[0].backend.azurerm[0]).toMatchObject({
      storage_account_name: design.iac.stateBackend.bucket,
      container_name: 'tfstate',
      key: 'records-api/prod.tfstate',
      use_azuread_auth: true,
    });
    const main = await parse('main.tf', content('terraform/envs/prod/main.tf'));
    expect(main.provider.azurerm[0].features).toBeDefined();
  });

  it('calls the modules again under the secondary provider in a multi-region production', async () => {
    const design = plan({});
    const prod = design.environments.find(e => e.stage === 'production')!;
    expect(prod.regions.secondary.length).toBeGreaterThan(0);
    const files = renderTerraform(design);
    const main = await parse(
      'main.tf',
      files.find(f => f.path === 'terraform/envs/prod/main.tf')!.content,
    );
    expect(main.module.network_secondary[0].providers).toEqual({
      azurerm: '${azurerm.secondary}',
    });
    expect(main.module.network_secondary[0].location).toBe(
      prod.regions.secondary[0],
    );
    expect(main.module.compute_secondary[0].log_analytics_workspace_id).toBe(
      '${module.observability_secondary.log_analytics_workspace_id}',
    );
    // The subscription's activity log is exported once, from the primary region.
    expect(main.module.observability[0].export_activity_log).toBe(true);
    expect(main.module.observability_secondary[0].export_activity_log).toBe(
      false,
    );
  });
});

const one = (value: any) => (Array.isArray(value) ? value[0] : value);
const ANYWHERE = ['*', '0.0.0.0', '0.0.0.0/0', '/0', 'internet', 'any'];

/** CKV_AZURE_9/10: an allowed inbound TCP rule reaching `port` from anywhere. */
function openFromInternet(r: ParsedResource, port: number): boolean {
  const rules =
    r.type === 'azurerm_network_security_group'
      ? r.body.security_rule ?? []
      : [r.body];
  return rules.some((rule: any) => {
    if (rule.access !== 'Allow' || rule.direction !== 'Inbound') return false;
    if (!['Tcp', '*'].includes(rule.protocol)) return false;
    const sources = [
      rule.source_address_prefix,
      ...(rule.source_address_prefixes ?? []),
    ].filter((s): s is string => typeof s === 'string');
    if (!sources.some(s => ANYWHERE.includes(s.toLowerCase()))) return false;
    const ranges = [
      rule.destination_port_range,
      ...(rule.destination_port_ranges ?? []),
    ].filter((p): p is string => typeof p === 'string');
    return ranges.some(range => {
      if (range === '*') return true;
      const [from, to = from] = range.split('-').map(Number);
      return from <= port && port <= to;
    });
  });
}

type Check = (r: ParsedResource, all: ParsedResource[]) => boolean;

/** Scanner rules the reference defines: checked on every resource of the rule's types. */
const CLAIMED: Record<string, Check> = {
  CKV_AZURE_10: r => !openFromInternet(r, 22),
  CKV_AZURE_9: r => !openFromInternet(r, 3389),
  CKV_AZURE_12: r =>
    r.body.enabled === true &&
    one(r.body.retention_policy).enabled === true &&
    (one(r.body.retention_policy).days >= 90 ||
      one(r.body.retention_policy).days === 0),
  CKV_AZURE_44: r => ['TLS1_2', 'TLS1_3'].includes(r.body.min_tls_version),
  CKV_AZURE_3: r =>
    r.body.enable_https_traffic_only !== false &&
    r.body.https_traffic_only_enabled === true,
  CKV_AZURE_190: r => r.body.allow_nested_items_to_be_public === false,
  CKV_AZURE_35: r => one(r.body.network_rules)?.default_action === 'Deny',
  CKV_AZURE_110: r => r.body.purge_protection_enabled === true,
};

const DATABASES = [
  'azurerm_postgresql_flexible_server',
  'azurerm_mysql_flexible_server',
];

/**
 * Azure rules the reference does not carry, checked by their meaning: each names the
 * resource types it needs (at least one must exist) and what each must satisfy.
 */
const BY_MEANING: Record<string, { types: string[]; check: Check }> = {
  // checkov CKV_AZURE_42: the vault is recoverable (soft delete kept, purge protected).
  'CKV_AZURE_42 Key Vault soft delete and purge protection': {
    types: ['azurerm_key_vault'],
    check: r =>
      r.body.soft_delete_retention_days >= 7 &&
      r.body.purge_protection_enabled === true,
  },
  'private database: no public network access, delegated subnet, private DNS': {
    types: DATABASES,
    check: r =>
      (r.body.public_network_access_enabled === false ||
        r.body.public_network_access === 'Disabled') &&
      /^\$\{module\.network(_secondary(_\d+)?)?\.data_subnet_id\}$/.test(
        r.body.delegated_subnet_id,
      ) &&
      typeof r.body.private_dns_zone_id === 'string',
  },
  'backed-up database: 7 to 35 days of backups, geo-redundant in production': {
    types: DATABASES,
    // A read replica keeps no backups of its own (its source does) until it is promoted.
    check: r =>
      r.body.create_mode === 'Replica' ||
      (r.body.backup_retention_days >= 7 &&
        r.body.backup_retention_days <= 35 &&
        r.body.geo_redundant_backup_enabled === true),
  },
  'database sign-in through Entra ID only (no password)': {
    types: ['azurerm_postgresql_flexible_server'],
    check: r => one(r.body.authentication).password_auth_enabled === false,
  },
  'Redis: TLS 1.2, no non-TLS port, no public access': {
    types: ['azurerm_redis_cache'],
    check: r =>
      r.body.minimum_tls_version === '1.2' &&
      r.body.non_ssl_port_enabled === false &&
      r.body.public_network_access_enabled === false,
  },
  'customer-managed key rotated by Key Vault': {
    types: ['azurerm_key_vault_key'],
    check: r => {
      const policy = one(r.body.rotation_policy);
      return /^P\d+D$/.test(one(policy?.automatic)?.time_after_creation ?? '');
    },
  },
  'Application Gateway: HTTPS listener, TLS 1.3 minimum, HTTP only redirects': {
    types: ['azurerm_application_gateway'],
    check: r => {
      const listeners = r.body.http_listener as any[];
      const http = listeners.filter(l => l.protocol === 'Http');
      const rules = r.body.request_routing_rule as any[];
      return (
        listeners.some(l => l.protocol === 'Https') &&
        r.body.min_tls_version === undefined &&
        http.every(l =>
          rules.some(
            rule =>
              rule.http_listener_name === l.name &&
              rule.redirect_configuration_name &&
              !rule.backend_address_pool_name,
          ),
        ) &&
        one(r.body.redirect_configuration).target_listener_name ===
          listeners.find(l => l.protocol === 'Https').name
      );
    },
  },
  'AKS: private cluster, RBAC, no local accounts, autoscaling nodes': {
    types: ['azurerm_kubernetes_cluster'],
    check: r =>
      r.body.private_cluster_enabled === true &&
      r.body.role_based_access_control_enabled === true &&
      r.body.local_account_disabled === true &&
      one(r.body.default_node_pool).auto_scaling_enabled === true,
  },
};

const rules = loadScannerRules();

(rules ? describe : describe.skip)(
  'scanner rules on the production environment of an Azure design',
  () => {
    const design = plan({ cache: true });
    const prod = design.environments.find(e => e.stage === 'production')!;
    let resources: ParsedResource[];
    beforeAll(async () => {
      resources = await environmentResources(
        renderTerraform(design),
        prod.name,
      );
    });

    it.each(Object.keys(CLAIMED))('%s passes', id => {
      const rule = rules!.get(id);
      expect(rule).toBeDefined();
      const applicable = resources.filter(r =>
        rule!.resource_type.includes(r.type),
      );
      expect(applicable.length).toBeGreaterThan(0);
      const failing = applicable.filter(r => !CLAIMED[id](r, resources));
      expect(failing.map(r => `${r.module}.${r.type}.${r.name}`)).toEqual([]);
    });

    it.each(Object.keys(BY_MEANING))('%s', name => {
      const { types, check } = BY_MEANING[name];
      const applicable = resources.filter(r => types.includes(r.type));
      expect(applicable.length).toBeGreaterThan(0);
      const failing = applicable.filter(r => !check(r, resources));
      expect(failing.map(r => `${r.module}.${r.type}.${r.name}`)).toEqual([]);
    });

    it('keeps audit logs at least the design audit retention (HIPAA, SOC 2: a year)', () => {
      expect(prod.auditLog.retentionDays).toBeGreaterThanOrEqual(365);
      const policies = resources.filter(
        r => r.type === 'azurerm_storage_management_policy',
      );
      expect(policies.length).toBeGreaterThan(0);
      for (const policy of policies) {
        const baseBlob = one(one(one(policy.body.rule).actions).base_blob);
        expect(
          baseBlob.delete_after_days_since_creation_greater_than,
        ).toBeGreaterThanOrEqual(prod.auditLog.retentionDays);
      }
      const workspaces = resources.filter(
        r => r.type === 'azurerm_log_analytics_workspace',
      );
      expect(workspaces.length).toBeGreaterThan(0);
      for (const workspace of workspaces) {
        expect(workspace.body.retention_in_days).toBeGreaterThanOrEqual(
          Math.min(730, prod.auditLog.retentionDays),
        );
      }
      const activityLog = resources.filter(
        r =>
          r.type === 'azurerm_monitor_diagnostic_setting' &&
          r.name === 'activity_log',
      );
      expect(activityLog.map(r => r.module)).toContain('observability');
      for (const setting of activityLog) {
        expect(setting.body.storage_account_id).toBe(
          '${azurerm_storage_account.logs.id}',
        );
      }
    });

    it('the NSG checks catch SSH and RDP from the internet', () => {
      const rule = (source: string, port: string): ParsedResource => ({
        type: 'azurerm_network_security_rule',
        name: 'x',
        module: 'security',
        body: {
          access: 'Allow',
          direction: 'Inbound',
          protocol: 'Tcp',
          source_address_prefix: source,
          destination_port_range: port,
        },
      });
      expect(CLAIMED.CKV_AZURE_10(rule('Internet', '22'), [])).toBe(false);
      expect(CLAIMED.CKV_AZURE_10(rule('*', '20-30'), [])).toBe(false);
      expect(CLAIMED.CKV_AZURE_9(rule('0.0.0.0/0', '3389'), [])).toBe(false);
      expect(CLAIMED.CKV_AZURE_10(rule('10.0.0.0/8', '22'), [])).toBe(true);
    });

    it('production is zone-redundant: database HA and zone-redundant log storage', async () => {
      const files = renderTerraform(design);
      const main = await parse(
        'main.tf',
        files.find(f => f.path === `terraform/envs/${prod.name}/main.tf`)!
          .content,
      );
      expect(main.module.data[0].high_availability).toBe(true);
      expect(main.module.data[0].geo_redundant_backup).toBe(true);
      expect(main.module.observability[0].storage_replication_type).toBe('ZRS');
      expect(main.module.edge[0].min_tls_version).toBe('1.3');
      expect(main.module.edge[0].waf_enabled).toBe(true);
    });
  },
);

describe('Azure renderer refusals', () => {
  it('refuses a design rule that opens SSH to the internet', () => {
    const design = plan({});
    design.environments[0].firewallRules.push({
      name: 'ssh-in',
      tier: 'private',
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      peer: { kind: 'internet' },
      description: 'never',
    });
    expect(() => renderTerraform(design)).toThrow(/SSH\/RDP/);
  });
});
