/*
 * Low objectives: below about 93% the fastest tier's factor x budget is above 1, so its
 * threshold is capped (MAX_ERROR_RATIO_THRESHOLD). The capped tier still pages on a full
 * outage, and the generated promtool tests can still put the error ratio clearly above
 * it (the property test found a design at 60% whose tests could not be written).
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  MAX_ERROR_RATIO_THRESHOLD,
  parseAnswers,
  planDesign,
  type Design,
} from '@plinth/backstage-plugin-infra-common';
import { hasPromtool, promtool } from '../../__testUtils__/promtool';
import { renderPrometheus } from '.';
import { alertThreshold } from './rules';

function design(availability: number): Design {
  const parsed = parseAnswers({
    service: { name: 'batch-api', owner: 'group:default/sre' },
    slos: { availability, window: '30d' },
    environments: [{ name: 'prod', stage: 'production' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

/** A design whose objective was lowered after planning, as a caller may send it. */
function lowered(objectivePercent: number): Design {
  const d = design(99.9);
  return {
    ...d,
    slos: d.slos.map(s => ({ ...s, objectivePercent })),
  };
}

describe('alert thresholds of low objectives', () => {
  it('caps the page-quick threshold of a 90% objective, in the design and in the rules', () => {
    const d = design(90);
    const [slo] = d.slos;
    const [pageQuick] = slo.alerts;
    expect(pageQuick.errorRatioThreshold).toBe(MAX_ERROR_RATIO_THRESHOLD);
    expect(alertThreshold(slo, pageQuick)).toBe(MAX_ERROR_RATIO_THRESHOLD);
  });

  it('renders promtool tests for a 60% objective instead of refusing it', () => {
    expect(() => renderPrometheus(lowered(60))).not.toThrow();
  });
});

(hasPromtool() ? describe : describe.skip)('with promtool', () => {
  it.each([90, 60])(
    'passes the generated tests at %s%%: the capped tiers fire on a full outage',
    async objective => {
      const files = new Map(
        renderPrometheus(
          objective >= 90 ? design(objective) : lowered(objective),
        ).map(f => [f.path.split('/').pop()!, f.content]),
      );
      const dir = createMockDirectory();
      dir.setContent({
        'slo-rules.yaml': files.get('slo-rules.yaml')!,
        'slo-rules.test.yaml': files.get('slo-rules.test.yaml')!,
      });
      await expect(
        promtool(['test', 'rules', 'slo-rules.test.yaml'], dir.path),
      ).resolves.toMatch(/SUCCESS/);
    },
    300_000,
  );
});
