import { exampleAnswers } from '../testUtils';
import { planFromInput } from '../plan';
import { rtoBeyondErrorBudget } from './warnings';

describe('rtoBeyondErrorBudget', () => {
  it('warns when one recovery within the RTO spends more than the error budget', () => {
    const [w] = rtoBeyondErrorBudget({
      rtoMinutes: 30,
      availability: 99.9999,
      windowDays: 30,
    });
    expect(w.code).toBe('rto-beyond-error-budget');
    expect(w.path).toBe('reliability.rtoMinutes');
    // 99.9999% of 30 days leaves 2.592 s; 30 min spends it 694 times over
    expect(w.message).toContain('about 694 times');
    expect(w.message).toContain('(2.6 s per 30 days)');
  });

  it('stays quiet while a full recovery fits in the budget', () => {
    // 99.9% of 30 days leaves 43.2 min
    expect(
      rtoBeyondErrorBudget({
        rtoMinutes: 30,
        availability: 99.9,
        windowDays: 30,
      }),
    ).toEqual([]);
    expect(
      rtoBeyondErrorBudget({
        rtoMinutes: 43.2,
        availability: 99.9,
        windowDays: 30,
      }),
    ).toEqual([]);
  });

  it('is raised by the planner for 99.9999% with an RTO of 30 minutes', () => {
    const result = planFromInput({
      ...exampleAnswers,
      slos: { ...exampleAnswers.slos, availability: 99.9999, window: '30d' },
      reliability: { ...exampleAnswers.reliability, rtoMinutes: 30 },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const warning = result.warnings.find(
      w => w.code === 'rto-beyond-error-budget',
    );
    expect(warning?.message).toMatch(/RTO of 30 min spends about 694 times/);
  });
});
