/*
 * Infrastructure as code: the module layout, one root per environment, the remote state
 * backend of the chosen cloud (encrypted, locked) and CI that plans on review and gates
 * production applies.
 */
import type { Cloud, Stage } from '../catalog';
import type { IacDesign, StateBackend } from './types';

export function stateBackendFor(
  cloud: Cloud,
  service: string,
  region: string,
): StateBackend {
  // Every backend keeps one state per environment under the service's prefix, encrypted.
  const state = { keyPrefix: service, region, encrypted: true } as const;
  switch (cloud) {
    case 'aws':
    case 'gcp':
      // Both lock natively: GCS always, S3 with lock files (use_lockfile, Terraform and
      // OpenTofu >= 1.10).
      return {
        kind: cloud === 'aws' ? 's3' : 'gcs',
        bucket: `${service}-tfstate`,
        ...state,
        locking: 'native',
      };
    default:
      // Storage account names: 3-24 lower-case letters and digits, nothing else.
      return {
        kind: 'azurerm',
        bucket: `st${service.replace(/-/g, '').slice(0, 18)}tf`,
        ...state,
        locking: 'blob-lease',
      };
  }
}

/** The modules of the repository; `data` only when a database or cache is asked for. */
export function modulesFor(hasDataTier: boolean): string[] {
  const modules = ['network', 'compute', 'security', 'observability'];
  if (hasDataTier) modules.splice(2, 0, 'data');
  return modules;
}

export function iacFor(options: {
  tool: IacDesign['tool'];
  ciProvider: IacDesign['ciProvider'];
  prodApproval: boolean;
  cloud: Cloud;
  service: string;
  primaryRegion: string;
  environments: ReadonlyArray<{ name: string; stage: Stage }>;
  hasDataTier: boolean;
}): IacDesign {
  return {
    tool: options.tool,
    modules: modulesFor(options.hasDataTier),
    environmentRoots: options.environments.map(e => ({
      environment: e.name,
      path: `terraform/envs/${e.name}`,
    })),
    stateBackend: stateBackendFor(
      options.cloud,
      options.service,
      options.primaryRegion,
    ),
    ciProvider: options.ciProvider,
    planOnPullRequest: true,
    prodApproval: options.prodApproval,
    gatedEnvironments: options.prodApproval
      ? options.environments
          .filter(e => e.stage === 'production')
          .map(e => e.name)
      : [],
    policyChecks: ['fmt', 'validate', 'tflint', 'checkov'],
  };
}
