/*
 * Which monitoring systems a cloud offers: Amazon CloudWatch exists only on AWS, while
 * Prometheus and Datadog run on every cloud. The wizard offers only these, and the
 * answers schema rejects any other pairing.
 */
import type { Cloud } from '../catalog';

interface MonitoringInfo {
  name: string;
  /** The one cloud it exists on, when it is limited to one. */
  only?: Cloud;
}

/** Each monitoring system, in the wizard's order. */
const MONITORING = {
  prometheus: { name: 'Prometheus' },
  cloudwatch: { name: 'Amazon CloudWatch', only: 'aws' },
  datadog: { name: 'Datadog' },
} satisfies Record<string, MonitoringInfo>;

export type MonitoringSystem = keyof typeof MONITORING;

export const MONITORING_SYSTEMS = Object.keys(MONITORING) as [
  MonitoringSystem,
  ...MonitoringSystem[],
];

const info = (m: MonitoringSystem): MonitoringInfo => MONITORING[m];

const CLOUD_NAMES: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
};

/** The monitoring systems that can be chosen on a cloud, in the wizard's order. */
export function monitoringFor(cloud: Cloud): MonitoringSystem[] {
  return MONITORING_SYSTEMS.filter(m => {
    const { only } = info(m);
    return only === undefined || only === cloud;
  });
}

/** Why a monitoring system cannot be used on a cloud, or undefined when it can. */
export function monitoringProblem(
  cloud: Cloud,
  monitoring: MonitoringSystem,
): string | undefined {
  const { name, only } = info(monitoring);
  if (only === undefined || only === cloud) return undefined;
  return `${name} is only available on ${CLOUD_NAMES[only]}; on ${
    CLOUD_NAMES[cloud]
  } choose ${monitoringFor(cloud)
    .map(m => info(m).name)
    .join(' or ')}`;
}
