/*
 * Which monitoring systems a cloud offers: Amazon CloudWatch exists only on AWS, while
 * Prometheus and Datadog run on every cloud. The wizard offers only these, and the
 * answers schema rejects any other pairing.
 */
import type { Cloud } from '../catalog';

export const MONITORING_SYSTEMS = [
  'prometheus',
  'cloudwatch',
  'datadog',
] as const;

export type MonitoringSystem = (typeof MONITORING_SYSTEMS)[number];

const CLOUD_NAMES: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
};

const CLOUD_ONLY: Partial<Record<MonitoringSystem, Cloud>> = {
  cloudwatch: 'aws',
};

/** The monitoring systems that can be chosen on a cloud, in the wizard's order. */
export function monitoringFor(cloud: Cloud): MonitoringSystem[] {
  return MONITORING_SYSTEMS.filter(m => {
    const only = CLOUD_ONLY[m];
    return only === undefined || only === cloud;
  });
}

/** Why a monitoring system cannot be used on a cloud, or undefined when it can. */
export function monitoringProblem(
  cloud: Cloud,
  monitoring: MonitoringSystem,
): string | undefined {
  const only = CLOUD_ONLY[monitoring];
  if (only === undefined || only === cloud) return undefined;
  return `${MONITORING_NAMES[monitoring]} is only available on ${
    CLOUD_NAMES[only]
  }; on ${CLOUD_NAMES[cloud]} choose ${monitoringFor(cloud)
    .map(m => MONITORING_NAMES[m])
    .join(' or ')}`;
}

export const MONITORING_NAMES: Record<MonitoringSystem, string> = {
  prometheus: 'Prometheus',
  cloudwatch: 'Amazon CloudWatch',
  datadog: 'Datadog',
};
