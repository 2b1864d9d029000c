/*
 * One root per environment: `terraform/envs/<environment>/`, with its pinned providers,
 * its state backend, its variables and tfvars, and the module calls for the primary region
 * and, in a multi-region design, again for each secondary region under a provider alias.
 */
import type {
  Design,
  EnvironmentDesign,
  RegionNetwork,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import type { HclBody, HclFileItem, HclValue } from '../hcl';
import {
  block,
  comment,
  HclExpression,
  nested,
  raw,
  ref,
  renderHclFile,
  renderHclAttributes,
} from '../hcl';
import type { CloudTarget, RootVariable } from './cloud';
import type { ModuleCall, TerraformModule } from './module';
import {
  commonTags,
  namePrefix,
  PrimaryRegionRef,
  variablesFile,
  variablesRead,
} from './module';
import { secondaryAlias } from './drClaims';

/** Terraform and OpenTofu 1.10+: the first with S3 native state locking (`use_lockfile`). */
const REQUIRED_VERSION = '>= 1.10.0';

/**
 * Args are written for the primary region (`module.network.vpc_id`); a secondary region's
 * calls point at their own sibling modules (`module.network_secondary.vpc_id`).
 */
function renameModuleRefs(
  value: HclValue | undefined,
  suffix: string,
): HclValue | undefined {
  if (!suffix || value === undefined || value === null) return value;
  if (value instanceof PrimaryRegionRef) return value;
  if (value instanceof HclExpression) {
    // An output (`module.network.vpc_id`) or a whole module (`depends_on = [module.network]`).
    const source = value.source.replace(
      /^module\.([a-z_]+)(\.|$)/,
      `module.$1_${suffix}$2`,
    );
    // Anything else (a call among them) keeps its own layout.
    return source === value.source ? value : raw(source);
  }
  if (Array.isArray(value))
    return value.map(item => renameModuleRefs(item, suffix) as HclValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        renameModuleRefs(item as HclValue, suffix),
      ]),
    );
  }
  return value;
}

function commonVariables(env: EnvironmentDesign): RootVariable[] {
  const variables: RootVariable[] = [
    {
      spec: {
        name: 'region',
        type: 'string',
        description: 'The primary region.',
      },
      value: env.regions.primary,
    },
    {
      spec: {
        name: 'min_size',
        type: 'number',
        description: 'Fewest workload replicas.',
      },
      value: env.compute.autoscaling.min,
    },
    {
      spec: {
        name: 'max_size',
        type: 'number',
        description: 'Most workload replicas.',
      },
      value: env.compute.autoscaling.max,
    },
  ];
  env.regions.secondary.forEach((region, index) => {
    const name = `${secondaryAlias(index)}_region`;
    variables.push({
      spec: {
        name,
        type: 'string',
        description: 'A secondary region (disaster recovery).',
      },
      value: region,
    });
  });
  return variables;
}

function moduleCalls(
  design: Design,
  env: EnvironmentDesign,
  network: RegionNetwork,
  modules: readonly TerraformModule[],
  cloud: CloudTarget,
  secondaryIndex?: number,
): HclFileItem[] {
  const call: ModuleCall = { design, env, network };
  const suffix =
    secondaryIndex === undefined ? '' : secondaryAlias(secondaryIndex);
  return modules
    .filter(module => module.usedBy(call))
    .map(module => {
      const args: HclBody = Object.fromEntries(
        Object.entries(module.args(call)).map(([key, value]) => [
          key,
          renameModuleRefs(value as HclValue, suffix),
        ]),
      );
      return block(
        'module',
        [suffix ? `${module.name}_${suffix}` : module.name],
        {
          source: `../../modules/${module.name}`,
          providers: suffix
            ? { [cloud.provider.name]: ref(cloud.provider.name, suffix) }
            : undefined,
          name: namePrefix(call),
          ...args,
          tags: module.variables.some(v => v.name === 'tags')
            ? commonTags(call)
            : undefined,
        },
      );
    });
}

export function renderEnvironment(
  design: Design,
  env: EnvironmentDesign,
  modules: readonly TerraformModule[],
  cloud: CloudTarget,
): GeneratedFile[] {
  const dir = `terraform/envs/${env.name}`;
  const tags = {
    service: design.service.name,
    environment: env.name,
    managed_by: 'plinth',
  };

  const providers: HclFileItem[] = [
    block(
      'provider',
      [cloud.provider.name],
      cloud.providerBlock(ref('var', 'region'), tags),
    ),
    ...env.regions.secondary.map((_, index) =>
      block('provider', [cloud.provider.name], {
        alias: secondaryAlias(index),
        ...cloud.providerBlock(
          ref('var', `${secondaryAlias(index)}_region`),
          tags,
        ),
      }),
    ),
  ];
  const [primary, ...secondaries] = env.networks;
  const main: HclFileItem[] = [
    comment(
      `Environment ${env.name} (${env.stage}) of ${design.service.name}, generated by Plinth from the design.`,
    ),
    ...providers,
    ...moduleCalls(design, env, primary, modules, cloud),
    ...secondaries.flatMap((network, index) => [
      comment(
        `Secondary region ${index + 1}: the disaster-recovery footprint (${
          env.drPattern
        }).`,
      ),
      ...moduleCalls(design, env, network, modules, cloud, index),
    ]),
  ];

  // Only the variables the root reads (azurerm, for one, has no provider region).
  const read = variablesRead(main);
  const variables = [
    ...commonVariables(env),
    ...cloud.rootVariables(env, design),
  ].filter(v => read.has(v.spec.name));

  // tfvars holds plain attribute assignments, written by the same serialiser.
  const tfvars = renderHclAttributes(
    variables
      .filter(v => v.value !== undefined)
      .map(v => [v.spec.name, v.value as HclValue] as const),
  );

  return [
    {
      path: `${dir}/versions.tf`,
      content: renderHclFile([
        block('terraform', [], {
          required_version: REQUIRED_VERSION,
          required_providers: nested(
            Object.fromEntries(
              [cloud.provider, ...(cloud.extraProviders?.(design) ?? [])].map(
                p => [p.name, { source: p.source, version: p.version }],
              ),
            ),
          ),
        }),
      ]),
    },
    {
      path: `${dir}/backend.tf`,
      content: renderHclFile([
        comment(
          'State lives remotely, encrypted and locked; one state per environment.',
        ),
        block('terraform', [], { backend: cloud.backend(design, env) }),
      ]),
    },
    {
      path: `${dir}/variables.tf`,
      content: renderHclFile(variablesFile(variables.map(v => v.spec))),
    },
    { path: `${dir}/terraform.tfvars`, content: tfvars },
    { path: `${dir}/main.tf`, content: renderHclFile(main) },
  ];
}
