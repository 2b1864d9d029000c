import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './backend';
import {
  DEMO_OUTAGES,
  demoHistory,
  demoSloRules,
  exampleDemoSlos,
} from './demoSlos';
import { hasPromtool, promtoolCommand } from './reference';

const slos = exampleDemoSlos(repoRoot);

describe('demo SLO data for the examples', () => {
  it('covers every example SLO with an outage plan, and leaves identity-api without rules', () => {
    expect(slos.map(s => s.name).sort()).toEqual(
      Object.keys(DEMO_OUTAGES).sort(),
    );
    expect(slos.find(s => s.service === 'identity-api')).toBeUndefined();
    expect(slos.find(s => s.name === 'ledger-service-availability')).toEqual({
      name: 'ledger-service-availability',
      service: 'ledger-service',
      objective: 0.999,
      windowDays: 30,
    });
  });

  it('records the budget each plan leaves: background failures spend a tenth, outages the rest', () => {
    const end = Date.UTC(2026, 0, 31, 12, 0);
    const history = demoHistory(slos, end);
    const remaining = (name: string) => {
      const s = history.find(
        h =>
          h.metric === 'slo:period_error_budget_remaining:ratio' &&
          h.labels.sloth_id === name,
      )!;
      const last = s.samples[s.samples.length - 1];
      expect(last[0]).toBe(end);
      return last[1];
    };
    // by hand: 0.9 - (minutes x (share - background)) / (window minutes x budget)
    const spent = (
      minutes: number,
      share: number,
      target: number,
      days: number,
    ) =>
      (minutes * (share - 0.1 * (1 - target))) / (days * 1440 * (1 - target));
    expect(remaining('events-pipeline-freshness')).toBeCloseTo(0.9, 9);
    expect(remaining('ledger-service-availability')).toBeCloseTo(
      0.9 - spent(60, 0.5, 0.999, 30),
      9,
    );
    expect(remaining('checkout-web-availability')).toBeCloseTo(
      0.9 - spent(18, 0.18, 0.9999, 30),
      9,
    );
    // the recorded series carry Sloth's labels, the raw counters the demo's own
    const ratio = history.find(
      h =>
        h.metric === 'slo:sli_error:ratio_rate5m' &&
        h.labels.sloth_id === 'ledger-service-availability',
    )!;
    expect(ratio.labels).toEqual({
      sloth_id: 'ledger-service-availability',
      sloth_service: 'ledger-service',
      sloth_slo: 'availability',
      sloth_window: '5m',
    });
    // the last five minutes carry only the background failures (a tenth of the budget)
    expect(ratio.samples[ratio.samples.length - 1][1]).toBeCloseTo(0.0001, 12);
    const groups = parse(demoSloRules(slos)).groups;
    expect(groups).toHaveLength(slos.length * 4);
  });
});

(hasPromtool() ? describe : describe.skip)('demo SLO rules', () => {
  it('writes rules promtool accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plinth-demo-rules-'));
    try {
      const file = join(dir, 'rules.yaml');
      writeFileSync(file, demoSloRules(slos));
      const result = spawnSync(promtoolCommand(), ['check', 'rules', file], {
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // SLI (7 alert windows + the period), 6 meta rules, 2 alerts per SLO
      expect(result.stdout).toContain(
        `SUCCESS: ${slos.length * 16} rules found`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
