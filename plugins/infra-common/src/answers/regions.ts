/*
 * The regions Plinth offers per cloud, grouped by the jurisdiction they sit in, so that
 * data residency can limit them. The lists are deliberately short: regions with at least
 * three availability zones, so every region can host a multi-AZ production environment.
 * Sources: the providers' public region pages (AWS "Regions and Availability Zones",
 * Google Cloud "Cloud locations", Azure "Azure regions list"), checked 2025-06.
 */
import type { Cloud, DataResidency } from '../catalog';

/**
 * Where a region sits; `other` regions are only offered with residency `any`.
 *
 * @public
 */
export type Jurisdiction = 'eu' | 'us' | 'uk' | 'other';

/** @public */
export interface RegionInfo {
  id: string;
  location: string;
  jurisdiction: Jurisdiction;
  /** Zone suffixes where they are not a, b, c (AWS and GCP skip letters in some regions). */
  zoneLetters?: string[];
}

function regions(
  jurisdiction: Jurisdiction,
  list: Array<[id: string, location: string, zoneLetters?: string[]]>,
): RegionInfo[] {
  return list.map(([id, location, zoneLetters]) =>
    zoneLetters
      ? { id, location, jurisdiction, zoneLetters }
      : { id, location, jurisdiction },
  );
}

/**
 * Regions per cloud; within a jurisdiction the first is the default primary.
 *
 * @public
 */
export const REGIONS: Record<Cloud, RegionInfo[]> = {
  aws: [
    ...regions('eu', [
      ['eu-west-1', 'Ireland'],
      ['eu-central-1', 'Frankfurt'],
      ['eu-west-3', 'Paris'],
      ['eu-north-1', 'Stockholm'],
      ['eu-south-1', 'Milan'],
    ]),
    ...regions('uk', [['eu-west-2', 'London']]),
    ...regions('us', [
      ['us-east-1', 'N. Virginia'],
      ['us-west-2', 'Oregon'],
      ['us-east-2', 'Ohio'],
    ]),
    ...regions('other', [
      ['ap-southeast-1', 'Singapore'],
      ['ap-northeast-1', 'Tokyo', ['a', 'c', 'd']],
      ['ca-central-1', 'Canada Central', ['a', 'b', 'd']],
      ['sa-east-1', 'Sao Paulo'],
    ]),
  ],
  gcp: [
    ...regions('eu', [
      ['europe-west1', 'Belgium', ['b', 'c', 'd']],
      ['europe-west4', 'Netherlands'],
      ['europe-west3', 'Frankfurt'],
      ['europe-north1', 'Finland'],
      ['europe-west9', 'Paris'],
    ]),
    ...regions('uk', [['europe-west2', 'London']]),
    ...regions('us', [
      ['us-central1', 'Iowa'],
      ['us-east1', 'South Carolina', ['b', 'c', 'd']],
      ['us-east4', 'N. Virginia'],
      ['us-west1', 'Oregon'],
    ]),
    ...regions('other', [
      ['asia-northeast1', 'Tokyo'],
      ['asia-southeast1', 'Singapore'],
      ['australia-southeast1', 'Sydney'],
    ]),
  ],
  azure: [
    ...regions('eu', [
      ['westeurope', 'Netherlands'],
      ['northeurope', 'Ireland'],
      ['germanywestcentral', 'Frankfurt'],
      ['francecentral', 'Paris'],
      ['swedencentral', 'Gavle'],
    ]),
    ...regions('uk', [['uksouth', 'London']]),
    ...regions('us', [
      ['eastus', 'Virginia'],
      ['eastus2', 'Virginia'],
      ['westus2', 'Washington'],
      ['centralus', 'Iowa'],
    ]),
    ...regions('other', [
      ['japaneast', 'Tokyo'],
      ['southeastasia', 'Singapore'],
      ['australiaeast', 'New South Wales'],
    ]),
  ],
};

/**
 * The regions of a cloud that satisfy a residency, in preference order.
 *
 * @public
 */
export function regionsFor(cloud: Cloud, residency: DataResidency): string[] {
  return REGIONS[cloud]
    .filter(r => residency === 'any' || r.jurisdiction === residency)
    .map(r => r.id);
}

export function findRegion(
  cloud: Cloud,
  region: string,
): RegionInfo | undefined {
  return REGIONS[cloud].find(r => r.id === region);
}

/** @public */
export function isRegionAllowed(
  cloud: Cloud,
  residency: DataResidency,
  region: string,
): boolean {
  const info = findRegion(cloud, region);
  return !!info && (residency === 'any' || info.jurisdiction === residency);
}

/**
 * The first `count` availability zones of a region (fewer if the region has fewer). How
 * many a design uses is decided once, by `zoneCounts` in design/redundancy.ts.
 * GCP and Azure subnets are regional, but compute and databases still take zones.
 */
export function zonesOf(cloud: Cloud, region: string, count: number): string[] {
  const known = findRegion(cloud, region)?.zoneLetters ?? ['a', 'b', 'c'];
  const letters = known.slice(0, count);
  switch (cloud) {
    case 'aws':
      return letters.map(l => `${region}${l}`);
    case 'gcp':
      return letters.map(l => `${region}-${l}`);
    default:
      return letters.map((_, i) => String(i + 1));
  }
}
