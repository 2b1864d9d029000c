/*
 * Whether a firewall rule opens SSH or RDP to the world. The guard is on the addresses,
 * not on how the peer is spelt: `internet`, `0.0.0.0/0`, two `/1` halves or any public
 * block all count. Admin ports may only be reached from the private ranges or a tier.
 */
import { contains, parseCidr, PRIVATE_RANGES } from './cidr';

/** SSH and RDP. */
export const ADMIN_PORTS = [22, 3389] as const;

interface RuleLike {
  direction: string;
  protocol: string;
  fromPort: number;
  toPort: number;
  peer: { kind: string; cidr?: string };
}

function coversAdminPort(rule: RuleLike): boolean {
  // RDP also listens on UDP 3389, so both protocols count.
  if (rule.protocol === 'all') return true;
  return ADMIN_PORTS.some(p => rule.fromPort <= p && p <= rule.toPort);
}

function isPrivatePeer(peer: RuleLike['peer']): boolean {
  if (peer.kind === 'tier') return true;
  if (peer.kind !== 'cidr' || typeof peer.cidr !== 'string') return false;
  const parsed = parseCidr(peer.cidr);
  // Anything that is not a well-formed private IPv4 block (IPv6, `::/0`, typos) is refused.
  return !('error' in parsed) && PRIVATE_RANGES.some(r => contains(r, parsed));
}

/**
 * True when the rule lets SSH or RDP in from an address outside the private ranges.
 *
 * @public
 */
export function opensAdminPortsToTheWorld(rule: RuleLike): boolean {
  return (
    rule.direction === 'ingress' &&
    coversAdminPort(rule) &&
    !isPrivatePeer(rule.peer)
  );
}
