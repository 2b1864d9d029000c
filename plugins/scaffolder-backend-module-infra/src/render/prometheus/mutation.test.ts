/*
 * The generated promtool tests must catch broken rules, not only pass on good ones: each
 * mutant below changes one factor, window or threshold of the generated rule file (the
 * faults the issue found passing 4 times out of 6), and `promtool test rules` with the
 * generated tests must fail on every one of them.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  parseAnswers,
  planDesign,
  type Design,
} from '@plinth/backstage-plugin-infra-common';
import yaml from 'yaml';
import { hasPromtool, promtool } from '../../__testUtils__/promtool';
import { renderPrometheus } from '.';

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  labels?: Record<string, string>;
}

function design(): Design {
  const parsed = parseAnswers({
    service: { name: 'mutant-api', owner: 'group:default/sre' },
    slos: { availability: 99.9, window: '30d' },
    environments: [{ name: 'prod', stage: 'production' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

const THRESHOLD = /> ([0-9.e-]+)\)/g;

/** Applies `change` to the rule whose alert or record name ends with `suffix`. */
function mutate(
  rules: string,
  suffix: string,
  change: (expr: string) => string,
): string {
  const doc = yaml.parse(rules) as { groups: Array<{ rules: Rule[] }> };
  let found = 0;
  for (const group of doc.groups) {
    for (const rule of group.rules) {
      const name = rule.alert ?? rule.record ?? '';
      if (name.endsWith(suffix)) {
        const changed = change(rule.expr);
        if (changed === rule.expr)
          throw new Error(`mutant of ${suffix} is no change`);
        rule.expr = changed;
        found++;
      }
    }
  }
  if (found !== 1) throw new Error(`${suffix} names ${found} rules`);
  return yaml.stringify(doc);
}

const scaleThreshold = (factor: number) => (expr: string) =>
  expr.replace(THRESHOLD, (_, v) => `> ${Number(v) * factor})`);

const windows = (map: Record<string, string>) => (expr: string) =>
  expr.replace(/ratio_rate(\w+)\{/g, (all, w) =>
    map[w] ? `ratio_rate${map[w]}{` : all,
  );

/** Each mutant: what it breaks, and the rule file with that fault. */
const MUTANTS: Array<[string, (rules: string) => string]> = [
  // page-quick at 1x the budget instead of 14.4x
  [
    'page-quick threshold at 1x',
    r => mutate(r, 'BurnPageQuick', scaleThreshold(1 / 14.4)),
  ],
  [
    'ticket-slow never firing',
    r => mutate(r, 'BurnTicketSlow', e => e.replace(THRESHOLD, '> 1)')),
  ],
  [
    'page-quick short window removed',
    r => mutate(r, 'BurnPageQuick', e => e.split('\nand\n')[0]),
  ],
  [
    'ticket windows swapped',
    r =>
      mutate(
        mutate(r, 'BurnTicketQuick', windows({ '1d': '3d', '2h': '6h' })),
        'BurnTicketSlow',
        windows({ '3d': '1d', '6h': '2h' }),
      ),
  ],
  [
    'page-slow factor 6 -> 5',
    r => mutate(r, 'BurnPageSlow', scaleThreshold(5 / 6)),
  ],
  [
    'page-slow long window 6h -> 1h',
    r => mutate(r, 'BurnPageSlow', windows({ '6h': '1h' })),
  ],
  [
    'ticket-quick threshold x1.1',
    r => mutate(r, 'BurnTicketQuick', scaleThreshold(1.1)),
  ],
  [
    'the 1h recording reads 5m',
    r => mutate(r, 'ratio_rate1h', e => e.split('[1h]').join('[5m]')),
  ],
  [
    'the absent alert waits 1h',
    r => mutate(r, 'SliAbsent', e => e.replace('[10m]', '[1h]')),
  ],
];

(hasPromtool() ? describe : describe.skip)(
  'mutants of the generated rules against the generated tests',
  () => {
    const files = new Map(
      renderPrometheus(design()).map(f => [
        f.path.split('/').pop()!,
        f.content,
      ]),
    );
    const dir = createMockDirectory();
    const run = (rules: string) => {
      dir.setContent({
        'slo-rules.yaml': rules,
        'slo-rules.test.yaml': files.get('slo-rules.test.yaml')!,
      });
      return promtool(['test', 'rules', 'slo-rules.test.yaml'], dir.path);
    };

    it('passes on the rules as generated', async () => {
      await expect(run(files.get('slo-rules.yaml')!)).resolves.toMatch(
        /SUCCESS/,
      );
    }, 300_000);

    it.each(MUTANTS)(
      'catches: %s',
      async (_, mutant) => {
        const rules = mutant(files.get('slo-rules.yaml')!);
        await expect(run(rules)).rejects.toThrow(/FAILED/);
      },
      300_000,
    );
  },
);
