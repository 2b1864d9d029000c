/*
 * What the GCP modules share: `tags` taken like every cloud and applied as lower-case
 * labels, and the grants that let Google's service agents encrypt with the environment key.
 */
import type { HclFileItem } from '../../hcl';
import { block, data, raw, ref, resource } from '../../hcl';
import type { VariableSpec } from '../module';
import { NAME_VARIABLE } from '../module';

// The modules take `tags` like every cloud; on GCP they become labels (`LABELS_LOCAL`).
export const TAGS: VariableSpec = {
  name: 'tags',
  type: 'map(string)',
  description:
    'Labels on every resource that takes them (keys and values lower-cased).',
  default: {},
};

/** The VPC, as the modules that only attach to it take it. */
export const NETWORK: VariableSpec = {
  name: 'network_id',
  type: 'string',
  description: 'The VPC.',
};

/**
 * GCP calls tags labels, and a label key or value is lower-case only. The network and edge
 * modules create nothing that takes labels in the GA provider, so they do not declare `tags`.
 */
export const LABELS_LOCAL: HclFileItem = block('locals', [], {
  labels: raw('{ for key, value in var.tags : lower(key) => lower(value) }'),
});
export const LABELS = ref('local', 'labels');

/**
 * Google service agents that encrypt with the environment's key, by the documented e-mail
 * `service-<project number>@<domain>`. `google_project_service_identity` would create them,
 * but it is a google-beta resource and only `hashicorp/google` is pinned.
 */
export const SERVICE_AGENTS = {
  cloud_sql: 'gcp-sa-cloud-sql.iam.gserviceaccount.com',
  redis: 'cloud-redis.iam.gserviceaccount.com',
  gke: 'container-engine-robot.iam.gserviceaccount.com',
  compute_engine: 'compute-system.iam.gserviceaccount.com',
  cloud_run: 'serverless-robot-prod.iam.gserviceaccount.com',
} as const;

export const KEY_USER_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

/** The project whose number names the service agents. */
export const PROJECT = data('google_project', 'current', {});

/** Grants a service agent the use of the environment's key (`var.kms_key_id`). */
export function serviceAgentKeyUser(
  agent: keyof typeof SERVICE_AGENTS,
): HclFileItem {
  return resource('google_kms_crypto_key_iam_member', agent, {
    crypto_key_id: ref('var', 'kms_key_id'),
    role: KEY_USER_ROLE,
    member: raw(
      `"serviceAccount:service-\${data.google_project.current.number}@${SERVICE_AGENTS[agent]}"`,
    ),
  });
}

/** `depends_on` the grants, so a resource is encrypted only once its service agent may use the key. */
export function afterGrants(...agents: Array<keyof typeof SERVICE_AGENTS>) {
  return agents.map(agent => ref('google_kms_crypto_key_iam_member', agent));
}

/** `name` first, `tags` last, as every module that labels its resources takes them. */
export function moduleVariables(...rest: VariableSpec[]): VariableSpec[] {
  return [NAME_VARIABLE, ...rest, TAGS];
}

/** How a module that labels its resources and grants service agents the key begins. */
export const LABELS_AND_PROJECT: HclFileItem[] = [LABELS_LOCAL, PROJECT];
