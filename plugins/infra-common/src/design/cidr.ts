/*
 * IPv4 CIDR arithmetic on plain numbers: enough to validate the VPC block and to carve
 * subnets out of it without overlaps.
 */

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The private ranges of RFC 1918. */
export const PRIVATE_RANGES: Cidr[] = [
  { base: 0x0a000000, prefix: 8 },
  { base: 0xac100000, prefix: 12 },
  { base: 0xc0a80000, prefix: 16 },
];

export function cidrSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Parses `a.b.c.d/p`; returns a reason instead of throwing. */
export function parseCidr(text: string): Cidr | { error: string } {
  const match = CIDR_PATTERN.exec(text);
  if (!match) {
    return {
      error: `'${text}' is not an IPv4 CIDR block such as 10.20.0.0/16`,
    };
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some(o => o > 255) || prefix > 32) {
    return { error: `'${text}' is not a valid IPv4 CIDR block` };
  }
  const base =
    ((octets[0] << 24) >>> 0) +
    (octets[1] << 16) +
    (octets[2] << 8) +
    octets[3];
  if (base % cidrSize(prefix) !== 0) {
    const aligned = base - (base % cidrSize(prefix));
    return {
      error: `'${text}' has host bits set; the network address is ${formatCidr({
        base: aligned,
        prefix,
      })}`,
    };
  }
  return { base, prefix };
}

export function formatCidr(cidr: Cidr): string {
  const b = cidr.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${
    cidr.prefix
  }`;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.prefix >= outer.prefix &&
    inner.base >= outer.base &&
    inner.base + cidrSize(inner.prefix) <= outer.base + cidrSize(outer.prefix)
  );
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return (
    a.base < b.base + cidrSize(b.prefix) && b.base < a.base + cidrSize(a.prefix)
  );
}

export function privateRangeOf(cidr: Cidr): Cidr | undefined {
  return PRIVATE_RANGES.find(range => contains(range, cidr));
}

/** The `index`-th block of length `prefix` inside `parent`. */
export function subBlock(parent: Cidr, prefix: number, index: number): Cidr {
  return { base: parent.base + index * cidrSize(prefix), prefix };
}
