import { exampleAnswers } from './testUtils/answers';
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

describe('planDesign runs the seven workflow steps in order', () => {
  const risky = {
    ...exampleAnswers,
    workload: { ...exampleAnswers.workload, dataKinds: ['phi' as const] },
    constraints: {
      ...exampleAnswers.constraints,
      monthlyBudgetUsd: 10,
      teamSkills: ['opentofu' as const],
    },
    slos: { ...exampleAnswers.slos, availability: 99.99 },
    topology: { ...exampleAnswers.topology, multiRegion: false },
    reliability: {
      ...exampleAnswers.reliability,
      autoscaling: { min: 1, max: 2 },
    },
    security: { ...exampleAnswers.security, waf: false },
    iac: { ...exampleAnswers.iac, prodApproval: false },
    operations: {
      ...exampleAnswers.operations,
      alertRouting: 'slack' as const,
    },
  };

  it('records the decisions step by step', () => {
    const result = planFromInput(risky);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const steps = result.design.decisions.map(d => d.step);
    expect(new Set(steps)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('raises the warnings in the order of the steps that find them', () => {
    const result = planFromInput(risky);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings.map(w => w.code)).toEqual([
      // 1: workloads, SLOs, constraints
      'phi-without-hipaa',
      // 2: topology
      'single-region-high-availability',
      // 3: infrastructure as code
      'iac-tool-unfamiliar',
      'compute-unfamiliar',
      'ungated-production-apply',
      // 4: reliability
      'rto-beyond-error-budget',
      'dr-pattern-needs-second-region',
      'autoscaling-raised',
      // 5: security
      'public-ingress-sensitive-data',
      'waf-disabled-pci-dss',
      // 6: operations
      'pages-without-pager',
      // 7: improvement
      'budget-exceeded',
    ]);
    expect(result.design.warnings).toEqual(result.warnings);
  });
});
