/*
 * Redundancy from the availability objective. A single zone fails often enough to use up a
 * 99.9% budget (43 minutes a month), so 99.9% and above spreads production across zones;
 * a whole region can fail too, so 99.99% (4.3 minutes a month) needs a second region.
 */
import type { Cloud, DataResidency, DrPattern, Stage } from '../catalog';
import { REGIONS, findRegion } from '../answers/regions';
import type { Reasoned } from './reasoned';

export const MULTI_AZ_AVAILABILITY = 99.9;
export const MULTI_REGION_AVAILABILITY = 99.99;
/** Zones used by a multi-AZ environment: three, so losing one leaves two thirds. */
export const MULTI_AZ_ZONES = 3;
/** Load balancers and database subnet groups need two zones even for single-AZ workloads. */
export const MIN_NETWORK_ZONES = 2;

/** The health check path when none is given: the Kubernetes convention. */
export const DEFAULT_HEALTH_CHECK: Reasoned<string> = {
  value: '/healthz',
  reason: 'no path given: the Kubernetes convention',
  origin: 'default',
};

export function decideMultiAz(
  stage: Stage,
  availability: number,
): Reasoned<boolean> {
  if (stage !== 'production') {
    return {
      value: false,
      reason: `${stage} runs in one zone to save cost; only production carries the SLO`,
      origin: 'derived',
    };
  }
  if (availability >= MULTI_AZ_AVAILABILITY) {
    return {
      value: true,
      reason: `an availability of ${availability}% (>= ${MULTI_AZ_AVAILABILITY}%) cannot survive a zone outage, so production spans ${MULTI_AZ_ZONES} zones`,
      origin: 'derived',
    };
  }
  return {
    value: false,
    reason: `an availability of ${availability}% tolerates a zone outage; production stays in one zone`,
    origin: 'derived',
  };
}

/** The zones a workload spreads over, and the zones its network spans. */
export function zoneCounts(multiAz: boolean): {
  workload: number;
  network: number;
} {
  return multiAz
    ? { workload: MULTI_AZ_ZONES, network: MULTI_AZ_ZONES }
    : { workload: 1, network: MIN_NETWORK_ZONES };
}

/** A secondary region in the same jurisdiction as the primary, allowed by the residency. */
export function pickSecondaryRegion(
  cloud: Cloud,
  residency: DataResidency,
  primary: string,
): string | undefined {
  const jurisdiction = findRegion(cloud, primary)?.jurisdiction;
  const candidates = REGIONS[cloud].filter(
    r =>
      r.id !== primary && (residency === 'any' || r.jurisdiction === residency),
  );
  return (
    candidates.find(r => r.jurisdiction === jurisdiction) ?? candidates[0]
  )?.id;
}

export interface RegionPlan {
  multiRegion: Reasoned<boolean>;
  secondary: string[];
  /** True when the design needed a second region but could not get one. */
  shortfall?: 'user-declined' | 'no-region-available';
}

/**
 * Whether production gets secondary regions. Needed when the availability is >= 99.99% or
 * the DR pattern keeps a copy running elsewhere. Regions the user listed win; so does an
 * explicit `multiRegion: false`, and then the shortfall is reported for a warning.
 */
export function decideRegions(options: {
  stage: Stage;
  availability: number;
  drPattern: DrPattern;
  answered: string[] | undefined;
  /** `topology.multiRegion`: false keeps production in one region whatever it needs. */
  multiRegionAnswer?: boolean;
  cloud: Cloud;
  residency: DataResidency;
  primary: string;
}): RegionPlan {
  const { stage, availability, drPattern, answered } = options;
  const needsSecond =
    stage === 'production' &&
    (availability >= MULTI_REGION_AVAILABILITY ||
      drPattern !== 'backup-restore');
  const why =
    availability >= MULTI_REGION_AVAILABILITY
      ? `an availability of ${availability}% (>= ${MULTI_REGION_AVAILABILITY}%) must survive a region outage`
      : `the ${drPattern} disaster recovery pattern keeps a copy in a second region`;
  if (stage !== 'production') {
    return {
      multiRegion: {
        value: false,
        reason: `${stage} runs in the primary region only`,
        origin: 'derived',
      },
      secondary: [],
    };
  }
  if (options.multiRegionAnswer === false) {
    return {
      multiRegion: {
        value: false,
        reason: 'a single region was chosen',
        origin: 'answered',
      },
      secondary: [],
      ...(needsSecond && { shortfall: 'user-declined' as const }),
    };
  }
  if (answered !== undefined && answered.length > 0) {
    return {
      multiRegion: {
        value: true,
        reason: `secondary regions chosen: ${answered.join(', ')}`,
        origin: 'answered',
      },
      secondary: answered,
    };
  }
  if (!needsSecond) {
    return {
      multiRegion: {
        value: false,
        reason: `an availability of ${availability}% with ${drPattern} recovery needs one region`,
        origin: 'derived',
      },
      secondary: [],
    };
  }
  const second = pickSecondaryRegion(
    options.cloud,
    options.residency,
    options.primary,
  );
  if (!second) {
    return {
      multiRegion: {
        value: false,
        reason: `${why}, but ${options.residency} residency offers no second ${options.cloud} region`,
        origin: 'derived',
      },
      secondary: [],
      shortfall: 'no-region-available',
    };
  }
  return {
    multiRegion: {
      value: true,
      reason: `${why}: ${second} is the closest allowed region`,
      origin: 'derived',
    },
    secondary: [second],
  };
}
