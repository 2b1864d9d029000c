/*
 * GCP security: Cloud KMS with 90-day rotation, the tier firewall rules (never SSH/RDP
 * from the internet) and the workload's service account, allowed to use the key.
 */
import type {
  Design,
  FirewallRule,
} from '@plinth/backstage-plugin-infra-common';
import type { HclFileItem } from '../../hcl';
import { nested, raw, ref, resource, HclExpression } from '../../hcl';
import { firewallRulesOf, ruleLabel } from '../firewall';
import type { TerraformModule } from '../module';
import { NAME_VARIABLE } from '../module';
import { KEY_USER_ROLE, LABELS, LABELS_LOCAL, NETWORK, TAGS } from './common';

/** 90 days: the longest rotation CKV_GCP_43 accepts. */
const KMS_ROTATION = '7776000s';

/** A rule's peer as source ranges; a tier peer is matched by network tag instead. */
function sourceRanges(
  peer: FirewallRule['peer'],
  networkCidrs: Set<string>,
): Array<string | HclExpression> | undefined {
  if (peer.kind === 'internet') return ['0.0.0.0/0'];
  // The rules are shared by every environment: "the network" is the calling region's
  // VPC range, never the one environment's range the rule was planned with.
  if (peer.kind === 'cidr')
    return [networkCidrs.has(peer.cidr) ? ref('var', 'vpc_cidr') : peer.cidr];
  return undefined;
}

export function gcpSecurity(design: Design): TerraformModule {
  const networkCidrs = new Set(
    design.environments.flatMap(env => [
      env.cidr,
      ...env.networks.map(n => n.cidr),
    ]),
  );
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
        source_ranges: sourceRanges(rule.peer, networkCidrs),
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
      NETWORK,
      {
        name: 'vpc_cidr',
        type: 'string',
        description: 'Address range of the VPC in this region.',
      },
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
        role: KEY_USER_ROLE,
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
      vpc_cidr: n.cidr,
    }),
  };
}
