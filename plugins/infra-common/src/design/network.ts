/*
 * Network layout: a VPC/VNet block per environment and region, carved into public,
 * private and data subnets without overlaps, and the rules between the tiers.
 *
 * Layout inside a block of prefix p: zonal subnets (AWS) are /(p+4), slot
 * `tier * 4 + zone`; regional subnets (GCP, Azure) are /(p+2), one quarter per tier.
 * Either way the tiers never overlap and all stay inside the block.
 */
import type { Cloud } from '../catalog';
import {
  Cidr,
  cidrSize,
  contains,
  formatCidr,
  parseCidr,
  privateRangeOf,
  subBlock,
} from './cidr';
import type { Reasoned } from './reasoned';
import type { FirewallRule, Subnet, SubnetTier } from './types';

export const SUBNET_TIERS: SubnetTier[] = ['public', 'private', 'data'];

/** The port workloads listen on behind the load balancer. */
export const APP_PORT = 8080;
export const DATABASE_PORTS = { postgres: 5432, mysql: 3306 } as const;
export const REDIS_PORT = 6379;

function parseOrThrow(text: string): Cidr {
  const cidr = parseCidr(text);
  if ('error' in cidr) throw new Error(cidr.error);
  return cidr;
}

/**
 * The block of an environment's primary region. A given CIDR is used for every
 * environment (each lives in its own account or project); otherwise each environment gets
 * its own /16 in 10.0.0.0/8, eight apart so secondary regions fit in between.
 */
export function environmentCidr(
  answered: string | undefined,
  environmentIndex: number,
): Reasoned<string> {
  if (answered !== undefined) {
    return {
      value: answered,
      reason:
        'answered; each environment has its own network, so the block is reused',
      origin: 'answered',
    };
  }
  const value = `10.${16 + environmentIndex * 8}.0.0/16`;
  return {
    value,
    reason:
      'no CIDR given: a /16 per environment, apart from the others so they can be peered later',
    origin: 'default',
  };
}

/**
 * The block of the `index`-th secondary region: the next blocks of the same size after
 * the primary's, or before it when that would leave the private range.
 */
export function secondaryRegionCidr(primary: string, index: number): string {
  const cidr = parseOrThrow(primary);
  const range = privateRangeOf(cidr) ?? cidr;
  const size = cidrSize(cidr.prefix);
  const after: Cidr = {
    base: cidr.base + (index + 1) * size,
    prefix: cidr.prefix,
  };
  if (contains(range, after)) return formatCidr(after);
  return formatCidr({
    base: cidr.base - (index + 1) * size,
    prefix: cidr.prefix,
  });
}

/** Subnets per tier: one per zone on AWS, one regional subnet per tier on GCP and Azure. */
export function planSubnets(
  cloud: Cloud,
  block: string,
  zones: string[],
): Subnet[] {
  const cidr = parseOrThrow(block);
  const subnets: Subnet[] = [];
  if (cloud === 'aws') {
    if (zones.length > 4)
      throw new Error('at most four zones fit the subnet layout');
    SUBNET_TIERS.forEach((tier, t) => {
      zones.forEach((zone, z) => {
        subnets.push({
          name: `${tier}-${z + 1}`,
          tier,
          zone,
          cidr: formatCidr(subBlock(cidr, cidr.prefix + 4, t * 4 + z)),
        });
      });
    });
  } else {
    SUBNET_TIERS.forEach((tier, t) => {
      subnets.push({
        name: tier,
        tier,
        cidr: formatCidr(subBlock(cidr, cidr.prefix + 2, t)),
      });
    });
  }
  return subnets;
}

/**
 * Rules by tier, least privilege: the internet (or the VPC, for internal services) reaches
 * only the load balancer on 443 (and 80 to redirect); the load balancer reaches the
 * workloads; the workloads reach the data tier on its ports. No SSH or RDP anywhere: hosts
 * are reached through the cloud's session manager.
 */
export function firewallRules(options: {
  publicIngress: boolean;
  vpcCidr: string;
  databasePort?: number;
  cachePort?: number;
}): FirewallRule[] {
  const edge = options.publicIngress
    ? ({ kind: 'internet' } as const)
    : ({ kind: 'cidr', cidr: options.vpcCidr } as const);
  const edgeName = options.publicIngress
    ? 'the internet'
    : 'inside the network';
  const rules: FirewallRule[] = [
    {
      name: 'public-https-in',
      tier: 'public',
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      peer: edge,
      description: `HTTPS from ${edgeName} to the load balancer`,
    },
    {
      name: 'public-http-redirect-in',
      tier: 'public',
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: 80,
      toPort: 80,
      peer: edge,
      description: `HTTP from ${edgeName}, only to redirect to HTTPS`,
    },
    {
      name: 'public-to-private-app',
      tier: 'public',
      direction: 'egress',
      protocol: 'tcp',
      fromPort: APP_PORT,
      toPort: APP_PORT,
      peer: { kind: 'tier', tier: 'private' },
      description: 'load balancer to the workloads',
    },
    {
      name: 'private-app-in',
      tier: 'private',
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: APP_PORT,
      toPort: APP_PORT,
      peer: { kind: 'tier', tier: 'public' },
      description: 'workloads accept traffic from the load balancer only',
    },
    {
      name: 'private-https-out',
      tier: 'private',
      direction: 'egress',
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      peer: { kind: 'internet' },
      description:
        'workloads call cloud APIs and dependencies over HTTPS through NAT',
    },
  ];
  for (const [port, what] of [
    [options.databasePort, 'database'],
    [options.cachePort, 'cache'],
  ] as const) {
    if (port === undefined) continue;
    rules.push(
      {
        name: `private-to-${what}`,
        tier: 'private',
        direction: 'egress',
        protocol: 'tcp',
        fromPort: port,
        toPort: port,
        peer: { kind: 'tier', tier: 'data' },
        description: `workloads to the ${what}`,
      },
      {
        name: `data-${what}-in`,
        tier: 'data',
        direction: 'ingress',
        protocol: 'tcp',
        fromPort: port,
        toPort: port,
        peer: { kind: 'tier', tier: 'private' },
        description: `the ${what} accepts the workloads only`,
      },
    );
  }
  return rules;
}
