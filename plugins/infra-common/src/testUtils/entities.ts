import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';

/*
 * Catalog entities as the catalog returns them (a service, its environments, its SLOs),
 * built to the contract of docs/catalog-contract.md, for every package's tests.
 */

/**
 * A service Component, with its frameworks annotation and `options.annotations` (such as
 * `plinth.dev/infra-source`) when given.
 *
 * @public
 */
export function service(
  name: string,
  options: {
    frameworks?: string;
    owner?: string;
    system?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        ...(options.frameworks && {
          'plinth.dev/compliance-frameworks': options.frameworks,
        }),
        ...options.annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'group:default/payments',
      system: options.system ?? 'system:default/payments',
    },
  };
}

/**
 * An environment Resource of a service, with `options.annotations` (such as
 * `plinth.dev/iac-path`) when given.
 *
 * @public
 */
export function environment(
  serviceName: string,
  env: string,
  environmentSpec: Record<string, unknown>,
  options: { annotations?: Record<string, string> } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${serviceName}-${env}`,
      namespace: 'default',
      ...(options.annotations && { annotations: options.annotations }),
    },
    spec: {
      type: 'environment',
      owner: 'group:default/payments',
      dependencyOf: [`component:default/${serviceName}`],
      environment: environmentSpec as JsonObject,
    },
    relations: [
      {
        type: 'dependencyOf',
        targetRef: `component:default/${serviceName}`,
      },
    ],
  };
}

/** @public */
export const goodControls = {
  encryptionAtRest: 'managed-key',
  encryptionInTransit: true,
  tlsMinVersion: '1.2',
  auditLogging: true,
  auditLogRetentionDays: 400,
  backups: true,
  backupRetentionDays: 35,
  pointInTimeRecovery: true,
  multiAz: true,
  flowLogs: true,
  privateDataTier: true,
  networkSegmentation: true,
  deletionProtection: true,
  waf: true,
  leastPrivilegeRoles: true,
  secretsManagement: true,
  dataResidency: 'eu',
  restoreTested: true,
};

/**
 * A service's production environment on AWS in eu-west-1, multi-AZ with a warm standby;
 * `spec` changes its environment fields (a second region), `options` as `environment`.
 *
 * @public
 */
export function prod(
  serviceName: string,
  controls: Record<string, unknown>,
  spec: Record<string, unknown> = {},
  options: { annotations?: Record<string, string> } = {},
) {
  return environment(
    serviceName,
    'prod',
    {
      name: 'prod',
      stage: 'production',
      cloud: 'aws',
      regions: ['eu-west-1'],
      multiAz: true,
      multiRegion: false,
      drPattern: 'warm-standby',
      controls,
      ...spec,
    },
    options,
  );
}

/**
 * An OpenSLO SLO of a service on its HTTP request ratio; `options` adds the display name,
 * description and annotations Plinth writes.
 *
 * @public
 */
export function slo(
  serviceName: string,
  name: string,
  target: number,
  duration = '28d',
  options: {
    displayName?: string;
    description?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: `${serviceName}-${name}`,
      namespace: 'default',
      ...(options.displayName && { displayName: options.displayName }),
      ...(options.annotations && { annotations: options.annotations }),
    },
    spec: {
      service: serviceName,
      ...(options.description && { description: options.description }),
      budgetingMethod: 'Occurrences',
      timeWindow: [{ duration, isRolling: true }],
      objectives: [{ displayName: name, target }],
      indicator: {
        metadata: { name: `${serviceName}-${name}-sli` },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                type: 'Prometheus',
                spec: {
                  query: 'sum(rate(http_requests_total{code!~"5.."}[5m]))',
                },
              },
            },
            total: {
              metricSource: {
                type: 'Prometheus',
                spec: { query: 'sum(rate(http_requests_total[5m]))' },
              },
            },
          },
        },
      },
    },
    relations: [
      { type: 'sloOf', targetRef: `component:default/${serviceName}` },
    ],
  };
}
