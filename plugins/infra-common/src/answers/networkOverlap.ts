/*
 * Whether a requested VPC / VNet range overlaps the networks other Plinth environments
 * already use (read from the catalog: `spec.environment.networks`, docs/catalog-contract.md).
 * Overlapping ranges cannot be peered or routed to each other later.
 */
import type { Entity } from '@backstage/catalog-model';
import { formatCidr, overlaps, parseCidr } from '../design/cidr';

/** A network another environment uses: its catalog entity and its CIDR block. */
export interface UsedNetwork {
  /** The environment entity's name, e.g. `payments-api-prod`. */
  environment: string;
  region?: string;
  cidr: string;
}

/** The networks an environment entity declares; malformed entries are skipped. */
export function networksOfEnvironment(entity: Entity): UsedNetwork[] {
  const networks = (entity.spec as any)?.environment?.networks;
  if (!Array.isArray(networks)) return [];
  return networks.flatMap(n =>
    n && typeof n.cidr === 'string'
      ? [
          {
            environment: entity.metadata.name,
            ...(typeof n.region === 'string' ? { region: n.region } : {}),
            cidr: n.cidr,
          },
        ]
      : [],
  );
}

/**
 * The used networks that overlap `requested`, each with a sentence for the person who
 * asked. An unparsable request gives no overlap (the schema words that problem).
 */
export function overlappingNetworks(
  requested: string,
  used: UsedNetwork[],
): Array<UsedNetwork & { message: string }> {
  const wanted = parseCidr(requested);
  if ('error' in wanted) return [];
  return used.flatMap(network => {
    const other = parseCidr(network.cidr);
    if ('error' in other || !overlaps(wanted, other)) return [];
    const where = network.region ? ` in ${network.region}` : '';
    return [
      {
        ...network,
        message: `overlaps ${formatCidr(other)}, the network of ${
          network.environment
        }${where}; choose a range that no other environment uses`,
      },
    ];
  });
}
