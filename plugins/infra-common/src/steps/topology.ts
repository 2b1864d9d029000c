/*
 * Step 2, environments and topology: for each environment its regions (inside the
 * residency, a second one when the objectives need it), its network block, the subnets
 * of each region across its zones, and the tier firewall rules.
 */
import { zonesOf } from '../answers/regions';
import type { Answers } from '../answers/schema';
import {
  DATABASE_PORTS,
  REDIS_PORT,
  environmentCidr,
  firewallRules,
  planSubnets,
  secondaryRegionCidr,
} from '../design/network';
import {
  MULTI_REGION_AVAILABILITY,
  decideRegions,
  zoneCounts,
} from '../design/redundancy';
import type { FirewallRule, RegionNetwork } from '../design/types';
import {
  noProductionEnvironment,
  singleRegionHighAvailability,
} from '../design/warnings';
import { Defaults, StepResult, stepLog } from './record';
import type { Workloads } from './workloads';

export interface EnvironmentTopology {
  secondary: string[];
  multiRegion: boolean;
  /** Why the objectives' second region is missing, when it is. */
  shortfall?: string;
  cidr: string;
  networks: RegionNetwork[];
  /** The zones the workload spreads across, and how many it is meant to. */
  zones: string[];
  zoneSpread: number;
  firewallRules: FirewallRule[];
}

export function planTopology(
  answers: Answers,
  workloads: Workloads,
  defaults: Defaults,
): StepResult<{ environments: EnvironmentTopology[] }> {
  const log = stepLog(2, defaults);
  const { topology, slos, constraints } = answers;
  const { cloud, primaryRegion } = topology;
  const residency = constraints.dataResidency;
  log.warn(
    noProductionEnvironment(
      answers.environments.some(e => e.stage === 'production'),
    ),
  );
  const environments = answers.environments.map((env, index) => {
    const needs = workloads.recovery.environments[index];
    const id = (what: string) => `${env.name}.${what}`;
    const plan = decideRegions({
      stage: env.stage,
      availability: slos.availability,
      drPattern: needs.drPattern.value,
      answered: topology.secondaryRegions,
      multiRegionAnswer: topology.multiRegion,
      cloud,
      residency,
      primary: primaryRegion,
    });
    const shortfall =
      plan.shortfall &&
      (plan.shortfall === 'user-declined'
        ? 'a single region was chosen'
        : `${residency} residency offers no second ${cloud} region`);
    if (shortfall) {
      log.warn(
        singleRegionHighAvailability({
          environment: env.name,
          availability: slos.availability,
          needsSecondRegion: slos.availability >= MULTI_REGION_AVAILABILITY,
          cause: shortfall,
        }),
      );
    }
    const multiRegion = log.decide(
      id('multiRegion'),
      `${env.name}: multi-region`,
      plan.multiRegion,
    );
    const secondary = plan.secondary;
    log.decide(id('regions'), `${env.name}: regions`, {
      value: [primaryRegion, ...secondary],
      reason: `inside ${residency} residency; the primary region ${primaryRegion} first`,
      origin:
        secondary.length && plan.multiRegion.origin === 'derived'
          ? 'derived'
          : log.originOf('topology.primaryRegion'),
    });
    const cidr = log.decide(
      id('cidr'),
      `${env.name}: network block`,
      environmentCidr(topology.vpcCidr, index),
    );
    const zones = zoneCounts(needs.multiAz.value);
    const networks: RegionNetwork[] = [primaryRegion, ...secondary].map(
      (region, r) => {
        const block = r === 0 ? cidr : secondaryRegionCidr(cidr, r - 1);
        const regionZones = zonesOf(cloud, region, zones.network);
        return {
          region,
          role: r === 0 ? 'primary' : 'secondary',
          cidr: block,
          zones: regionZones,
          subnets: planSubnets(cloud, block, regionZones),
          natGateways: env.stage === 'production' ? regionZones.length : 1,
        };
      },
    );
    log.decide(id('subnets'), `${env.name}: subnets`, {
      value: networks[0].subnets.map(s => `${s.name} ${s.cidr}`),
      reason:
        'public, private and data tiers across the zones, carved from the block without overlaps; data is never on a public subnet',
      origin: 'derived',
    });
    const database =
      topology.database === 'none' ? undefined : topology.database;
    return {
      secondary,
      multiRegion,
      ...(shortfall && { shortfall }),
      cidr,
      networks,
      zones: networks[0].zones.slice(0, zones.workload),
      zoneSpread: zones.workload,
      firewallRules: firewallRules({
        publicIngress: topology.publicIngress,
        vpcCidr: cidr,
        databasePort: database ? DATABASE_PORTS[database] : undefined,
        cachePort: topology.cache === 'redis' ? REDIS_PORT : undefined,
      }),
    };
  });
  return log.result({ environments });
}
