import { planFromInput } from '../plan';
import { exampleAnswers, withAnswers } from '../testUtils';
import { diffDesigns } from './diffDesigns';

function design(answers: unknown) {
  const plan = planFromInput(answers);
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  return plan.design;
}

describe('diffDesigns', () => {
  const previous = design(
    withAnswers({
      slos: { availability: 99.9 },
      environments: [
        { name: 'dev', stage: 'development' },
        { name: 'prod', stage: 'production' },
      ],
    }),
  );

  it('finds nothing in the same design', () => {
    const diff = diffDesigns(previous, previous);
    expect(diff.decisions).toEqual({ added: [], changed: [], removed: [] });
    expect(diff.cost.every(c => c.delta === 0)).toBe(true);
    expect(diff.compliance.map(c => c.before)).toEqual(
      diff.compliance.map(c => c.after),
    );
  });

  it('reports a raised availability and a new environment with reasons, cost and compliance', () => {
    const next = design(
      withAnswers({
        slos: { availability: 99.95 },
        environments: [
          { name: 'dev', stage: 'development' },
          { name: 'staging', stage: 'staging' },
          { name: 'prod', stage: 'production' },
        ],
      }),
    );
    const diff = diffDesigns(previous, next);
    const changed = diff.decisions.changed.map(d => d.id);
    expect(changed.length).toBeGreaterThan(0);
    for (const d of diff.decisions.changed) {
      expect(d.before).not.toEqual(d.after);
      expect(d.reason).toBe(next.decisions.find(x => x.id === d.id)!.reason);
    }
    // Every decision about staging is new.
    const added = diff.decisions.added.map(d => d.id);
    expect(added.some(id => id.startsWith('staging.'))).toBe(true);
    for (const d of diff.decisions.added) {
      expect(previous.decisions.some(x => x.id === d.id)).toBe(false);
      expect(d.before).toBeUndefined();
    }
    expect(diff.decisions.removed).toEqual([]);

    const staging = diff.cost.find(c => c.environment === 'staging')!;
    expect(staging.before).toBeNull();
    expect(staging.after).toBeGreaterThan(0);
    expect(staging.delta).toBe(staging.after);
    expect(diff.cost.map(c => c.environment)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);

    expect(diff.compliance.map(c => c.framework).sort()).toEqual([
      'pci-dss',
      'soc2',
    ]);
  });

  it('reports a removed environment and a dropped framework', () => {
    const next = design(
      withAnswers({
        slos: { availability: 99.9 },
        environments: [{ name: 'prod', stage: 'production' }],
        constraints: { complianceFrameworks: ['soc2'] },
      }),
    );
    const diff = diffDesigns(previous, next);
    expect(diff.decisions.removed.some(d => d.id.startsWith('dev.'))).toBe(
      true,
    );
    const dev = diff.cost.find(c => c.environment === 'dev')!;
    expect(dev.after).toBeNull();
    expect(dev.delta).toBe(-dev.before!);
    const pci = diff.compliance.find(c => c.framework === 'pci-dss')!;
    expect(pci.before).not.toBeNull();
    expect(pci.after).toBeNull();
    expect(
      diff.compliance.find(c => c.framework === 'soc2')!.after,
    ).not.toBeNull();
  });

  it('is the example answers against themselves: empty', () => {
    const d = design(exampleAnswers);
    expect(diffDesigns(d, d).decisions.changed).toEqual([]);
  });
});
