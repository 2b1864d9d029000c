import { exampleAnswers } from './__fixtures__/answers';
import { planFromInput } from './plan';

describe('planFromInput', () => {
  it('plans the example of answers.md', () => {
    const result = planFromInput(exampleAnswers);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { design } = result;
    expect(design.version).toBe(1);
    expect(design.environments.map(e => e.name)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
    const prod = design.environments[2];
    expect(prod.multiAz).toBe(true);
    expect(prod.zones).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(design.slos.map(s => s.name)).toEqual([
      'payments-api-availability',
      'payments-api-latency',
    ]);
    expect(design.slos[0].errorBudget.minutes).toBe(20.16);
    expect(JSON.parse(JSON.stringify(design))).toEqual(design);
    expect(result.compliance.frameworks.map(f => f.framework)).toEqual([
      'pci-dss',
      'soc2',
    ]);
    expect(result.cost.environments).toHaveLength(3);
  });

  it('returns dotted paths for bad input', () => {
    const result = planFromInput({
      ...exampleAnswers,
      topology: { ...exampleAnswers.topology, primaryRegion: 'us-east-1' },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'topology.primaryRegion',
          message: expect.stringMatching(
            /^eu residency allows eu-west-1, eu-central-1, /,
          ),
        },
      ],
    });
  });
});
