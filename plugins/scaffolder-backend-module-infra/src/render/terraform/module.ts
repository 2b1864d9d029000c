/*
 * What every generated module is made of, and the small helpers the cloud files share.
 * A module is rendered once per design and called by every environment root; what
 * differs between environments comes in through its variables, set by `args`.
 */
import type {
  Design,
  EnvironmentDesign,
  RegionNetwork,
} from '@plinth/backstage-plugin-infra-common';
import type { HclBody, HclFileItem, HclValue } from '../hcl';
import { block, HclExpression, raw, ref, renderHclFile } from '../hcl';
import { hasStandbyRegion, replicatesInto } from './drClaims';

export type ModuleName =
  | 'network'
  | 'security'
  | 'compute'
  | 'data'
  | 'replica'
  | 'edge'
  | 'failover'
  | 'observability';

/** The order modules are written and called in; also the order of the README's list. */
export const MODULE_ORDER: readonly ModuleName[] = [
  'network',
  'security',
  'compute',
  'data',
  'replica',
  'edge',
  'failover',
  'observability',
];

/**
 * A reference a secondary region's module call keeps as written: its calls otherwise point at
 * their own sibling modules, but a replica reads its source from the primary region.
 */
export class PrimaryRegionRef extends HclExpression {}

/** `module.<name>.<output>` of the primary region's call, also from a secondary region's call. */
export function primaryOutput(module: ModuleName, output: string) {
  return new PrimaryRegionRef(ref('module', module, output).source);
}

export interface VariableSpec {
  name: string;
  /** A Terraform type expression, e.g. `string` or `list(object({ cidr = string }))`. */
  type: string;
  description: string;
  default?: HclValue;
}

export interface OutputSpec {
  name: string;
  value: HclExpression;
  description: string;
  sensitive?: boolean;
  /** Resources a caller must wait for besides the value's own (e.g. the listener of a target group). */
  dependsOn?: HclExpression[];
}

/** Where a module call runs: the environment and one of its regions. */
export interface ModuleCall {
  design: Design;
  env: EnvironmentDesign;
  network: RegionNetwork;
}

export interface TerraformModule {
  name: ModuleName;
  variables: VariableSpec[];
  main: HclFileItem[];
  outputs: OutputSpec[];
  /** Whether an environment region calls this module (the data module only with a database). */
  usedBy(call: ModuleCall): boolean;
  /** The module block's arguments for one environment region (besides `source`). */
  args(call: ModuleCall): HclBody;
}

/*
 * Which environment regions call the modules that only some regions need, the same rule on
 * every cloud (a module's `usedBy`).
 */

/** The data module: the primary region of an environment with a database or a cache. */
export function callsData({ env, network }: ModuleCall): boolean {
  return network.role === 'primary' && Boolean(env.database || env.cache);
}

/** The replica module: each secondary region the environment's database replicates into. */
export function callsReplica({ env, network }: ModuleCall): boolean {
  return network.role === 'secondary' && replicatesInto(env, network.region);
}

/** The failover module: the primary region, when the environment has a standby region. */
export function callsFailover({ env, network }: ModuleCall): boolean {
  return network.role === 'primary' && hasStandbyRegion(env);
}

/** The names of the variables `items` read (`var.<name>`), found in their rendered HCL. */
export function variablesRead(items: readonly HclFileItem[]): Set<string> {
  return new Set(
    [...renderHclFile(items).matchAll(/\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map(
      match => match[1],
    ),
  );
}

/**
 * The module with only the variables its resources and outputs read, and calls that pass only
 * those: a module shares variable lists across compute kinds and engines, and tflint's
 * `terraform_unused_declarations` (run by the generated CI) reports a variable nothing reads.
 * An argument that names no variable of the module at all is still passed, so a mistake
 * stays visible (`terraform validate` and the cross-reference test report it).
 */
export function withoutUnusedVariables(
  module: TerraformModule,
): TerraformModule {
  const read = variablesRead([...module.main, ...outputsFile(module.outputs)]);
  const unused = new Set(
    module.variables.map(v => v.name).filter(name => !read.has(name)),
  );
  if (unused.size === 0) return module;
  return {
    ...module,
    variables: module.variables.filter(v => !unused.has(v.name)),
    args: call =>
      Object.fromEntries(
        Object.entries(module.args(call)).filter(([name]) => !unused.has(name)),
      ),
  };
}

export function variablesFile(
  variables: readonly VariableSpec[],
): HclFileItem[] {
  return variables.map(v =>
    block('variable', [v.name], {
      type: raw(v.type),
      description: v.description,
      default: v.default,
    }),
  );
}

export function outputsFile(outputs: readonly OutputSpec[]): HclFileItem[] {
  return outputs.map(o =>
    block('output', [o.name], {
      value: o.value,
      description: o.description,
      sensitive: o.sensitive,
      depends_on: o.dependsOn,
    }),
  );
}

const NAME_SUFFIX = /^[a-z0-9-]*$/;

/**
 * A cloud resource name inside a module: `"${var.name}-<suffix>"`. The suffix is fixed
 * text of our own, checked here; `var.name` is the environment's checked prefix.
 */
export function nameWith(suffix: string): HclExpression {
  if (!NAME_SUFFIX.test(suffix))
    throw new TypeError(`bad name suffix ${suffix}`);
  return raw(suffix ? `"\${var.name}-${suffix}"` : 'var.name');
}

/** The resource-name prefix of an environment region: `<service>-<env>` (plus the region role). */
export function namePrefix({ design, env, network }: ModuleCall): string {
  const base = `${design.service.name}-${env.name}`;
  return network.role === 'primary' ? base : `${base}-dr`;
}

export function isProduction(env: EnvironmentDesign): boolean {
  return env.stage === 'production';
}

export function commonTags({
  design,
  env,
  network,
}: ModuleCall): Record<string, string> {
  return {
    service: design.service.name,
    environment: env.name,
    stage: env.stage,
    region_role: network.role,
    data_classification: design.service.dataClassification,
    managed_by: 'plinth',
  };
}

export const TAGS_VARIABLE: VariableSpec = {
  name: 'tags',
  type: 'map(string)',
  description: 'Tags (labels) applied to every resource.',
  default: {},
};

export const NAME_VARIABLE: VariableSpec = {
  name: 'name',
  type: 'string',
  description: 'Prefix of every resource name: <service>-<environment>.',
};

/** A network module's variable that takes a list of subnets, as `subnetsOf` gives them. */
export function subnetListVariable(
  name: string,
  description: string,
): VariableSpec {
  return {
    name,
    type: 'list(object({ name = string, zone = string, cidr = string }))',
    description,
  };
}

/** The subnets of one tier, as the network modules take them. */
export function subnetsOf(
  network: RegionNetwork,
  tier: 'public' | 'private' | 'data',
) {
  return network.subnets
    .filter(subnet => subnet.tier === tier)
    .map(subnet => ({
      name: subnet.name,
      zone: subnet.zone ?? null,
      cidr: subnet.cidr,
    }));
}

/** The longest of the environment's log retentions, in days: audit and flow logs alike. */
export function logRetentionDays(env: EnvironmentDesign): number {
  return Math.max(env.auditLog.retentionDays, env.flowLogs.retentionDays);
}
