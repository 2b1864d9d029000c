import { networksOfEnvironment, overlappingNetworks } from './networkOverlap';

const used = [
  {
    environment: 'payments-api-dev',
    region: 'eu-west-1',
    cidr: '10.40.0.0/16',
  },
  { environment: 'payments-api-prod', cidr: '10.42.0.0/16' },
];

describe('overlappingNetworks', () => {
  it('finds a range inside, around or equal to another environment', () => {
    for (const requested of [
      '10.40.0.0/16',
      '10.40.128.0/20',
      '10.40.0.0/15',
    ]) {
      expect(
        overlappingNetworks(requested, used).map(o => o.environment),
      ).toEqual(['payments-api-dev']);
    }
    expect(overlappingNetworks('10.40.0.0/16', used)[0].message).toBe(
      'overlaps 10.40.0.0/16, the network of payments-api-dev in eu-west-1; choose a range that no other environment uses',
    );
  });

  it('accepts adjacent ranges and leaves malformed ones to the schema', () => {
    expect(overlappingNetworks('10.41.0.0/16', used)).toEqual([]);
    expect(overlappingNetworks('10.43.0.0/16', used)).toEqual([]);
    expect(overlappingNetworks('not a cidr', used)).toEqual([]);
    expect(
      overlappingNetworks('10.40.0.0/16', [
        { environment: 'x', cidr: 'garbage' },
      ]),
    ).toEqual([]);
  });
});

describe('networksOfEnvironment', () => {
  it('reads spec.environment.networks and skips entries without a cidr', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'payments-api-prod' },
      spec: {
        environment: {
          networks: [
            { region: 'eu-west-1', cidr: '10.42.0.0/16' },
            { region: 'eu-central-1' },
            null,
          ],
        },
      },
    };
    expect(networksOfEnvironment(entity)).toEqual([
      {
        environment: 'payments-api-prod',
        region: 'eu-west-1',
        cidr: '10.42.0.0/16',
      },
    ]);
    expect(
      networksOfEnvironment({ ...entity, spec: { environment: {} } }),
    ).toEqual([]);
  });
});
