import { planFromInput } from '../plan';
import { exampleAnswers } from '../testUtils/answers';
import { PRICES, PRICE_SOURCE } from './cost';

function plan(overrides: Record<string, unknown> = {}) {
  const result = planFromInput({ ...exampleAnswers, ...overrides });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('cost estimate', () => {
  it('estimates each environment by family and adds them up', () => {
    const { cost } = plan();
    expect(cost.environments.map(e => e.environment)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
    for (const env of cost.environments) {
      const sum = Object.values(env.byFamily).reduce((a, b) => a + (b ?? 0), 0);
      expect(env.monthlyUsd).toBeCloseTo(sum, 1);
    }
    expect(cost.totalMonthlyUsd).toBeCloseTo(
      cost.environments.reduce((a, e) => a + e.monthlyUsd, 0),
      1,
    );
    expect(cost.priceSource).toBe(PRICE_SOURCE);
  });

  it('costs production more than development and more again when multi-region', () => {
    const single = plan().cost.environments;
    expect(single[2].monthlyUsd).toBeGreaterThan(single[0].monthlyUsd);
    const multi = plan({
      slos: { ...exampleAnswers.slos, availability: 99.99 },
    }).cost.environments;
    expect(multi[2].monthlyUsd).toBeGreaterThan(single[2].monthlyUsd);
  });

  it('warns when the estimate is above the budget', () => {
    const result = plan({
      constraints: { ...exampleAnswers.constraints, monthlyBudgetUsd: 100 },
    });
    expect(result.cost.withinBudget).toBe(false);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'budget-exceeded',
        path: 'constraints.monthlyBudgetUsd',
      }),
    );
  });

  it('has a price for every size on every cloud', () => {
    for (const table of Object.values(PRICES)) {
      for (const size of ['small', 'medium', 'large', 'xlarge'] as const) {
        expect(table.machine[size]).toBeGreaterThan(0);
        expect(table.database[size]).toBeGreaterThan(0);
      }
    }
  });
});
