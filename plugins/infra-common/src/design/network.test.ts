import { contains, overlaps, parseCidr, Cidr } from './cidr';
import {
  environmentCidr,
  firewallRules,
  planSubnets,
  secondaryRegionCidr,
} from './network';

const cidr = (text: string) => parseCidr(text) as Cidr;

describe('network', () => {
  it('carves zonal subnets per tier on AWS, inside the block and without overlaps', () => {
    const subnets = planSubnets('aws', '10.20.0.0/16', [
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    expect(subnets.map(s => `${s.name} ${s.zone} ${s.cidr}`)).toEqual([
      'public-1 eu-west-1a 10.20.0.0/20',
      'public-2 eu-west-1b 10.20.16.0/20',
      'public-3 eu-west-1c 10.20.32.0/20',
      'private-1 eu-west-1a 10.20.64.0/20',
      'private-2 eu-west-1b 10.20.80.0/20',
      'private-3 eu-west-1c 10.20.96.0/20',
      'data-1 eu-west-1a 10.20.128.0/20',
      'data-2 eu-west-1b 10.20.144.0/20',
      'data-3 eu-west-1c 10.20.160.0/20',
    ]);
  });

  it('uses one regional subnet per tier on GCP and Azure', () => {
    const subnets = planSubnets('gcp', '192.168.0.0/24', ['a', 'b']);
    expect(subnets.map(s => [s.tier, s.zone, s.cidr])).toEqual([
      ['public', undefined, '192.168.0.0/26'],
      ['private', undefined, '192.168.0.64/26'],
      ['data', undefined, '192.168.0.128/26'],
    ]);
  });

  it('never overlaps and stays inside a /24', () => {
    const subnets = planSubnets('aws', '172.16.5.0/24', ['x', 'y', 'z']).map(
      s => cidr(s.cidr),
    );
    for (const [i, a] of subnets.entries()) {
      expect(contains(cidr('172.16.5.0/24'), a)).toBe(true);
      for (const b of subnets.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('gives each environment its own default block and places secondary regions next to it', () => {
    expect([0, 1, 2].map(i => environmentCidr(undefined, i).value)).toEqual([
      '10.16.0.0/16',
      '10.24.0.0/16',
      '10.32.0.0/16',
    ]);
    expect(secondaryRegionCidr('10.20.0.0/16', 0)).toBe('10.21.0.0/16');
    expect(secondaryRegionCidr('172.31.0.0/16', 0)).toBe('172.30.0.0/16');
  });

  it('allows no SSH or RDP and keeps the data tier reachable from the workloads only', () => {
    const rules = firewallRules({
      publicIngress: true,
      vpcCidr: '10.0.0.0/16',
      databasePort: 5432,
    });
    expect(
      rules.some(
        r =>
          r.direction === 'ingress' &&
          ((r.fromPort <= 22 && r.toPort >= 22) ||
            (r.fromPort <= 3389 && r.toPort >= 3389)),
      ),
    ).toBe(false);
    const internetIngress = rules.filter(
      r => r.direction === 'ingress' && r.peer.kind === 'internet',
    );
    expect(internetIngress.map(r => [r.tier, r.fromPort])).toEqual([
      ['public', 443],
      ['public', 80],
    ]);
    expect(rules.filter(r => r.tier === 'data')).toEqual([
      expect.objectContaining({
        fromPort: 5432,
        peer: { kind: 'tier', tier: 'private' },
      }),
    ]);
  });

  it('accepts HTTPS from inside the network only for internal services', () => {
    const rules = firewallRules({
      publicIngress: false,
      vpcCidr: '10.0.0.0/16',
    });
    expect(
      rules.filter(r => r.peer.kind === 'internet').map(r => r.direction),
    ).toEqual(['egress']);
  });
});

describe('parseCidr', () => {
  it('explains what is wrong', () => {
    expect(parseCidr('10.0.0.1/16')).toEqual({
      error:
        "'10.0.0.1/16' has host bits set; the network address is 10.0.0.0/16",
    });
    expect(parseCidr('300.0.0.0/16')).toEqual({
      error: "'300.0.0.0/16' is not a valid IPv4 CIDR block",
    });
  });
});
