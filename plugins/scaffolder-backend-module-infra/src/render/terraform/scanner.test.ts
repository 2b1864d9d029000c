/*
 * Scanner-derived tests on the parsed HCL of every production environment: each rule id
 * below is a checkov rule, checked on the values Terraform will use (module variables
 * resolved through the environment root). The rules' resource types and attributes are
 * read at run time from the shared reference data (scanner-rules/iac_rules.json) (checkov and
 * trivy-checks sources, listed in that file), so a claim about a rule id that the
 * reference does not define fails.
 */
import type { Cloud } from '@plinth/backstage-plugin-infra-common';
import { renderTerraform } from './index';
import { environmentResources, ParsedResource } from './__testUtils__/hclTree';
import { fixtureDesign } from './__testUtils__/designs';
import { loadScannerRules } from './__testUtils__/scannerRules';

const one = (value: any) => (Array.isArray(value) ? value[0] : value);
const INTERNET = ['0.0.0.0/0', '::/0'];

function openToInternet(r: ParsedResource, port: number): boolean {
  const b = r.body;
  const cidr = b.cidr_ipv4 ?? b.cidr_ipv6;
  if (r.type !== 'aws_vpc_security_group_ingress_rule') return false;
  const all = b.ip_protocol === '-1';
  const covers = all || (b.from_port <= port && port <= b.to_port);
  const open =
    INTERNET.includes(cidr) ||
    (cidr === undefined && !b.referenced_security_group_id);
  return covers && open;
}

/** What each claimed rule requires of a resource of its types (true = passes). */
const AWS_CHECKS: Record<
  string,
  (r: ParsedResource, all: ParsedResource[]) => boolean
> = {
  CKV_AWS_24: r => !openToInternet(r, 22),
  CKV_AWS_25: r => !openToInternet(r, 3389),
  CKV_AWS_277: r =>
    !(r.body.ip_protocol === '-1' && INTERNET.includes(r.body.cidr_ipv4)),
  CKV_AWS_23: r =>
    typeof r.body.description === 'string' && r.body.description.length > 0,
  CKV2_AWS_12: (r, all) =>
    r.type !== 'aws_vpc' ||
    all.some(
      o =>
        o.type === 'aws_default_security_group' &&
        o.module === r.module &&
        !o.body.ingress &&
        !o.body.egress,
    ),
  CKV2_AWS_11: (r, all) =>
    r.type !== 'aws_vpc' ||
    all.some(
      o =>
        o.type === 'aws_flow_log' &&
        o.module === r.module &&
        o.body.vpc_id === '${aws_vpc.main.id}',
    ),
  CKV_AWS_130: r => r.body.map_public_ip_on_launch !== true,
  CKV_AWS_2: r =>
    ['HTTPS', 'TLS'].includes(r.body.protocol) ||
    (r.body.protocol === 'HTTP' &&
      one(r.body.default_action).type === 'redirect' &&
      one(one(r.body.default_action).redirect).protocol === 'HTTPS'),
  CKV_AWS_103: r =>
    r.body.protocol === 'HTTP' ||
    /^ELBSecurityPolicy-(TLS-1-2|FS-1-2|TLS13)/.test(r.body.ssl_policy),
  CKV_AWS_131: r => r.body.drop_invalid_header_fields === true,
  CKV_AWS_150: r => r.body.enable_deletion_protection === true,
  CKV_AWS_16: r => r.body.storage_encrypted === true,
  CKV_AWS_17: r => r.body.publicly_accessible !== true,
  CKV_AWS_157: r => r.body.multi_az === true,
  CKV_AWS_133: r =>
    r.body.backup_retention_period >= 7 && r.body.backup_retention_period <= 35,
  CKV_AWS_293: r => r.body.deletion_protection === true,
  CKV_AWS_161: r => r.body.iam_database_authentication_enabled === true,
  CKV_AWS_129: r =>
    Array.isArray(r.body.enabled_cloudwatch_logs_exports) &&
    r.body.enabled_cloudwatch_logs_exports.length > 0,
  CKV_AWS_226: r => r.body.auto_minor_version_upgrade === true,
  CKV_AWS_19: r =>
    r.type === 'aws_s3_bucket' ||
    ['aws:kms', 'AES256'].includes(
      one(one(r.body.rule).apply_server_side_encryption_by_default)
        .sse_algorithm,
    ),
  CKV_AWS_145: r =>
    r.type === 'aws_s3_bucket' ||
    one(one(r.body.rule).apply_server_side_encryption_by_default)
      .sse_algorithm === 'aws:kms',
  CKV_AWS_21: r =>
    r.type === 'aws_s3_bucket' ||
    one(r.body.versioning_configuration).status === 'Enabled',
  CKV2_AWS_6: (r, all) =>
    r.type !== 'aws_s3_bucket' ||
    all.some(
      o =>
        o.type === 'aws_s3_bucket_public_access_block' &&
        o.body.bucket === `\${aws_s3_bucket.${r.name}.id}` &&
        o.body.block_public_acls === true &&
        o.body.block_public_policy === true,
    ),
  CKV_AWS_53: r => r.body.block_public_acls === true,
  CKV_AWS_54: r => r.body.block_public_policy === true,
  CKV_AWS_55: r => r.body.ignore_public_acls === true,
  CKV_AWS_56: r => r.body.restrict_public_buckets === true,
  CKV2_AWS_61: (r, all) =>
    r.type !== 'aws_s3_bucket' ||
    all.some(
      o =>
        o.type === 'aws_s3_bucket_lifecycle_configuration' &&
        o.body.bucket === `\${aws_s3_bucket.${r.name}.id}`,
    ),
  CKV_AWS_7: r => r.body.enable_key_rotation === true,
  CKV_AWS_227: r => r.body.is_enabled !== false,
  CKV_AWS_67: r => r.body.is_multi_region_trail === true,
  CKV_AWS_36: r => r.body.enable_log_file_validation === true,
  CKV_AWS_35: r =>
    typeof r.body.kms_key_id === 'string' && r.body.kms_key_id.length > 0,
  CKV_AWS_158: r =>
    typeof r.body.kms_key_id === 'string' && r.body.kms_key_id.length > 0,
  CKV_AWS_66: r => typeof r.body.retention_in_days === 'number',
  // The fixture's production environment is PCI DSS: 365 days at least.
  CKV_AWS_338: r =>
    r.body.retention_in_days === 0 || r.body.retention_in_days >= 365,
  CKV_AWS_79: r =>
    r.type === 'aws_launch_configuration' ||
    one(r.body.metadata_options)?.http_tokens === 'required',
  CKV_AWS_88: r => r.body.associate_public_ip_address !== true,
  CKV_AWS_58: r =>
    JSON.stringify(one(r.body.encryption_config).resources) === '["secrets"]',
  CKV_AWS_39: r => one(r.body.vpc_config).endpoint_public_access === false,
  CKV_AWS_37: r =>
    ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].every(
      t => r.body.enabled_cluster_log_types.includes(t),
    ),
  CKV_AWS_274: r =>
    r.body.policy_arn !== 'arn:aws:iam::aws:policy/AdministratorAccess',
};

const GCP_CHECKS: Record<
  string,
  (r: ParsedResource, all: ParsedResource[]) => boolean
> = {
  CKV_GCP_2: r => !gcpOpen(r, 22),
  CKV_GCP_3: r => !gcpOpen(r, 3389),
  CKV_GCP_26: r => r.body.log_config !== undefined,
  CKV_GCP_74: r => r.body.private_ip_google_access === true,
  CKV_GCP_60: r =>
    one(one(r.body.settings).ip_configuration).ipv4_enabled !== true,
  // The reference gives checkov's verdict for a replica as UNKNOWN: a read replica takes no
  // backups of its own (its primary's cover it); every other instance must have them.
  CKV_GCP_14: r =>
    r.body.master_instance_name !== undefined ||
    one(one(r.body.settings).backup_configuration).enabled === true,
  CKV_GCP_29: r => r.body.uniform_bucket_level_access === true,
  CKV_GCP_114: r => r.body.public_access_prevention === 'enforced',
  CKV_GCP_78: r => one(r.body.versioning).enabled === true,
  CKV_GCP_43: r => {
    const seconds = Number(/^(\d+)s$/.exec(r.body.rotation_period)?.[1]);
    return seconds >= 86400 && seconds <= 7776000;
  },
};

function gcpOpen(r: ParsedResource, port: number): boolean {
  if (!(r.body.source_ranges ?? []).some((c: string) => INTERNET.includes(c)))
    return false;
  return (r.body.allow ?? []).some((allow: any) => {
    if (allow.protocol === 'all') return true;
    return (allow.ports ?? []).some((range: string) => {
      const [from, to = from] = range.split('-').map(Number);
      return from <= port && port <= to;
    });
  });
}

/** Rules whose resources only exist for some compute kinds; the others must be present. */
const COMPUTE_SPECIFIC = new Set([
  'CKV_AWS_79',
  'CKV_AWS_88',
  'CKV_AWS_58',
  'CKV_AWS_39',
  'CKV_AWS_37',
]);

const rules = loadScannerRules();

(rules ? describe : describe.skip)(
  'scanner rules on every production environment',
  () => {
    const cases: Array<[string, Cloud, ReturnType<typeof fixtureDesign>]> = [
      [
        'aws kubernetes multi-region',
        'aws',
        fixtureDesign('aws', { multiRegion: true }),
      ],
      ['aws vms', 'aws', fixtureDesign('aws', { compute: 'vms' })],
      [
        'aws containers',
        'aws',
        fixtureDesign('aws', { compute: 'containers' }),
      ],
      ['gcp multi-region', 'gcp', fixtureDesign('gcp', { multiRegion: true })],
    ];

    describe.each(cases)('%s', (_, cloud, design) => {
      const checks = cloud === 'aws' ? AWS_CHECKS : GCP_CHECKS;
      it.each(Object.keys(checks))('%s passes', async id => {
        const rule = rules!.get(id);
        expect(rule).toBeDefined();
        const files = renderTerraform(design);
        // Production environments in which the rule matched no resource at all.
        const unmatched: string[] = [];
        for (const env of design.environments.filter(
          e => e.stage === 'production',
        )) {
          const resources = await environmentResources(files, env.name);
          const applicable = resources.filter(r =>
            rule!.resource_type.includes(r.type),
          );
          if (applicable.length === 0) unmatched.push(env.name);
          const failing = applicable.filter(r => !checks[id](r, resources));
          expect(failing.map(r => `${r.module}.${r.type}.${r.name}`)).toEqual(
            [],
          );
        }
        // Only compute-specific rules may match nothing (their resources exist for some
        // compute kinds only); every other rule must apply in each production environment.
        const mayMatchNothing = COMPUTE_SPECIFIC.has(id);
        expect(mayMatchNothing ? [] : unmatched).toEqual([]);
      });
    });
  },
);
