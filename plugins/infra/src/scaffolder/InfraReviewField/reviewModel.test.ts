import { planFromInput } from '@plinth/backstage-plugin-infra-common';
import { exampleAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';
import { costRows, groupDecisions, settingDecided } from './reviewModel';
import { formatValue, plainReason } from './words';

// The real planner on the shared example answers (AWS, PCI DSS and SOC 2, EU, 3 environments).
const outcome = planFromInput(exampleAnswers);
if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
const plan = outcome;

describe('groupDecisions', () => {
  const groups = groupDecisions(plan);

  it('keeps every decision once, in one group per workflow step', () => {
    expect(groups.map(g => g.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const shown = groups.flatMap(g => [
      ...g.decided,
      ...g.answered,
      ...g.perEnvironment.flatMap(s =>
        Object.values(s.byEnvironment).filter(Boolean),
      ),
    ]);
    expect(shown).toHaveLength(plan.design.decisions.length);
  });

  it("puts Plinth's own decisions apart from the answers", () => {
    for (const g of groups) {
      expect(g.decided.every(d => d.origin !== 'answered')).toBe(true);
      expect(g.answered.every(d => d.origin === 'answered')).toBe(true);
    }
  });

  it('shows a per-environment setting once, with a value for each environment', () => {
    const reliability = groups.find(g => g.step === 4)!;
    const multiAz = reliability.perEnvironment.find(
      s => s.label === 'multi-AZ',
    );
    expect(Object.keys(multiAz!.byEnvironment).sort()).toEqual([
      'dev',
      'prod',
      'staging',
    ]);
    expect(multiAz!.byEnvironment.prod!.value).toBe(true);
    expect(settingDecided(multiAz!)).toBe(true);
    // no setting of an environment is left among the service-wide decisions
    for (const g of groups) {
      for (const d of [...g.decided, ...g.answered]) {
        expect(d.title).not.toMatch(/^(dev|staging|prod): /);
      }
    }
  });
});

describe('costRows', () => {
  it('breaks the estimate down by component, adding up to each environment and the total', () => {
    const rows = costRows(plan.cost);
    expect(rows.map(r => r.component)).toEqual(
      expect.arrayContaining([
        'Compute (replicas)',
        'Kubernetes control plane',
        'Database instances',
        'Keys and WAF',
      ]),
    );
    for (const e of plan.cost.environments) {
      const sum = rows.reduce(
        (a, r) => a + (r.byEnvironment[e.environment] ?? 0),
        0,
      );
      expect(sum).toBeCloseTo(e.monthlyUsd, 1);
    }
    const total = rows.reduce((a, r) => a + r.total, 0);
    expect(total).toBeCloseTo(plan.cost.totalMonthlyUsd, 1);
  });
});

describe('words', () => {
  it('says ids and formulas in words', () => {
    expect(formatValue('managed-key')).toBe('customer-managed keys');
    expect(formatValue('gcs: fraud-scoring-tfstate')).toBe(
      'Cloud Storage bucket fraud-scoring-tfstate',
    );
    const burn = plan.design.decisions.find(d => d.id.endsWith('.burnRates'))!;
    expect(plainReason(burn)).not.toMatch(/budget share|long window/);
    expect(plainReason(burn)).toMatch(/pages someone/);
  });
});
