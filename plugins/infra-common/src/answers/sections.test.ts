import { ANSWER_SECTIONS } from './sections';
import { answersObjectSchema, parseAnswers } from './schema';

describe('ANSWER_SECTIONS', () => {
  it('lists the schema sections in workflow order', () => {
    expect(ANSWER_SECTIONS).toEqual(Object.keys(answersObjectSchema.shape));
    expect(ANSWER_SECTIONS).toEqual([
      'service',
      'workload',
      'slos',
      'constraints',
      'environments',
      'topology',
      'iac',
      'reliability',
      'security',
      'operations',
      'improvement',
    ]);
  });

  it('names exactly the keys the schema accepts at the top level', () => {
    const result = parseAnswers({
      service: { name: 'orders', owner: 'group:default/shop' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(Object.keys(result.answers).sort()).toEqual(
      [...ANSWER_SECTIONS].sort(),
    );
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(ANSWER_SECTIONS)).toBe(true);
  });
});
