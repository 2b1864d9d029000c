import type { Design, SloDesign } from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { RULES_PATH, RULES_TEST_PATH, sloRunbookPath } from '../names';
import { GENERATED_HEADER, toYaml } from '../yaml';
import { sloGroups } from './rules';
import { TEST_EVALUATION_MINUTES } from './scenarios';
import { unitTests } from './tests';

export {
  alertThreshold,
  alertAnnotations,
  alertLabels,
  sloLabels,
  teamOf,
  ABSENT_TIER,
} from './rules';

/** Where an alert of an SLO links to: the section of its runbook for the alert's tier. */
export const runbookUrlFor = (slo: SloDesign) => (anchor: string) =>
  `${sloRunbookPath(slo)}#${anchor}`;

const ruleGroups = (design: Design) =>
  design.slos.flatMap(slo => sloGroups(design, slo, runbookUrlFor(slo)));

/** The rule file's content: every SLO's Sloth-style groups. */
export function renderRules(design: Design): string {
  return toYaml({ groups: ruleGroups(design) }, GENERATED_HEADER);
}

/**
 * `monitoring/prometheus/slo-rules.yaml` (SLI and meta recording rules, burn-rate and
 * SLI-absent alerts) and its promtool unit tests.
 */
export function renderPrometheus(design: Design): GeneratedFile[] {
  const tests = {
    rule_files: [RULES_PATH.split('/').pop()],
    evaluation_interval: `${TEST_EVALUATION_MINUTES}m`,
    // Recordings before the alerts that read them, at every instant (promtool's own
    // order is otherwise unspecified).
    group_eval_order: ruleGroups(design).map(g => g.name),
    tests: design.slos.flatMap(slo =>
      unitTests(design, slo, runbookUrlFor(slo)),
    ),
  };
  return [
    { path: RULES_PATH, content: renderRules(design) },
    {
      path: RULES_TEST_PATH,
      content: toYaml(
        tests,
        `${GENERATED_HEADER} Run: promtool test rules ${RULES_TEST_PATH}`,
      ),
    },
  ];
}
