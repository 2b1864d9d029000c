/*
 * Acceptance for the generated alerts (issue 13): Debian's real `prometheus` evaluates
 * the rule file Plinth generates against three days of backfilled traffic
 * (`promtool tsdb create-blocks-from openmetrics`, through @plinth/test-support), one
 * service per incident, and the HTTP API says which alerts fire. The expected tiers follow
 * from the SLO (99.9% over 30 days: page at 14.4x and 6x, ticket at 3x and 1x the 0.1%
 * budget) and the traffic below, worked out by hand in each case.
 */
import {
  bucketLabel,
  DEFAULT_LATENCY_BUCKETS_MS,
  parseAnswers,
  planDesign,
  type Design,
} from '@plinth/backstage-plugin-infra-common';
import {
  hasPrometheus,
  requireOrSkip,
  startRecordingPrometheus,
  type RecordingPrometheus,
} from '@plinth/test-support';
import yaml from 'yaml';
import { renderRules } from '.';

const MINUTE = 60_000;
/** Three days and an hour of history: the 3-day window is full. */
const HISTORY_MINUTES = 3 * 1440 + 60;

const REQUESTS_PER_MINUTE = 1000;

/** Error share (or slow share, for latency) of the minute that ends `m` minutes before T, the end of the data. */
type Profile = (m: number) => number;

interface Incident {
  service: string;
  /** What goes wrong: errors, slow requests, or no samples after a point. */
  errors?: Profile;
  slow?: Profile;
  silentAfter?: number;
  firing: string[];
}

const TIERS = ['PageQuick', 'PageSlow', 'TicketQuick', 'TicketSlow'];
const burn = (tiers: string[], kind = 'Availability') =>
  tiers.map(t => `${kind}Burn${t}`);

const INCIDENTS: Incident[] = [
  {
    // Every request failing for the last 15 minutes: 1h 25%, 6h 4.2%, 1d 1%, 3d 0.35%,
    // all over their thresholds. All tiers.
    service: 'outage',
    errors: m => (m < 15 ? 1 : 0),
    firing: burn(TIERS),
  },
  {
    // 10% errors for the last 12 minutes: 1h 2% > 1.44% pages quickly (1.8% a minute
    // earlier); 6h 0.33% < 0.6%, 1d and 3d far below their thresholds.
    service: 'spike',
    errors: m => (m < 12 ? 0.1 : 0),
    firing: burn(['PageQuick']),
  },
  {
    // The same spike, over 30 minutes ago: the short windows are clean again.
    service: 'spike-over',
    errors: m => (m >= 30 && m < 40 ? 0.1 : 0),
    firing: [],
  },
  {
    // 0.2% errors all along, twice the budget: only the 3-day ticket (1x) fires.
    service: 'slow-burn',
    errors: () => 0.002,
    firing: burn(['TicketSlow']),
  },
  {
    // Exactly the objective: the budget is spent as planned, nothing fires (not even the
    // 1x ticket, whose ratio equals its threshold up to float noise).
    service: 'at-objective',
    errors: () => 0.001,
    firing: [],
  },
  {
    // The target went away 30 minutes ago: no ratio to burn, the absent alert pages.
    service: 'vanished',
    silentAfter: 30,
    firing: ['AvailabilitySliAbsent', 'LatencySliAbsent'],
  },
  {
    // Every request takes 1.2 s for the last 12 minutes (default buckets, threshold 250 ms,
    // 99% under it, so a 1% budget): 1h 20% > 14.4% (18% a minute earlier), 6h 3.3% < 6%,
    // 1d and 3d far below. The quick page fires; availability is fine.
    service: 'latency',
    slow: m => (m < 12 ? 1 : 0),
    firing: burn(['PageQuick'], 'Latency'),
  },
];

function design(service: string): Design {
  const parsed = parseAnswers({
    service: { name: `acc-${service}`, owner: 'group:default/sre' },
    slos: { availability: 99.9, latencyP99Ms: 250, window: '30d' },
    environments: [{ name: 'prod', stage: 'production' }],
    // Debian's prometheus is 2.x: it keeps `le` as the client wrote it.
    operations: { prometheusMajor: 2 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

/** OpenMetrics for every incident: request counters by code and the latency histogram. */
function openMetrics(t: number): string {
  const lines: string[] = [];
  const at = (m: number) => (t - m * MINUTE) / 1000;
  const series = (
    name: string,
    labels: string,
    perMinute: (m: number) => number,
    silentAfter?: number,
  ) => {
    // Counters start high so that rate() never extrapolates below zero.
    let count = 1_000_000;
    for (let m = HISTORY_MINUTES; m >= (silentAfter ?? 0); m--) {
      lines.push(`${name}{${labels}} ${count} ${at(m)}`);
      if (m > 0) count += perMinute(m - 1);
    }
  };
  for (const incident of INCIDENTS) {
    const base = `service="acc-${incident.service}",environment="prod"`;
    const errors = incident.errors ?? (() => 0);
    series(
      'http_requests_total',
      `${base},code="200"`,
      m => REQUESTS_PER_MINUTE * (1 - errors(m)),
      incident.silentAfter,
    );
    series(
      'http_requests_total',
      `${base},code="500"`,
      m => REQUESTS_PER_MINUTE * errors(m),
      incident.silentAfter,
    );
  }
  for (const incident of INCIDENTS) {
    const base = `service="acc-${incident.service}",environment="prod"`;
    const slow = incident.slow ?? (() => 0);
    // Fast requests take 80 ms, slow ones 1.2 s: buckets from 100 ms and from 2.5 s.
    for (const bound of [...DEFAULT_LATENCY_BUCKETS_MS, Infinity]) {
      const le = bound === Infinity ? '+Inf' : bucketLabel(bound, 2);
      const share = (m: number) =>
        (bound >= 100 ? 1 - slow(m) : 0) + (bound >= 2500 ? slow(m) : 0);
      series(
        'http_request_duration_seconds_bucket',
        `${base},le="${le}"`,
        m => REQUESTS_PER_MINUTE * share(m),
        incident.silentAfter,
      );
    }
    series(
      'http_request_duration_seconds_count',
      base,
      () => REQUESTS_PER_MINUTE,
      incident.silentAfter,
    );
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

const runnable = requireOrSkip(
  'prometheus and promtool (Debian package prometheus)',
  hasPrometheus(),
);

(runnable ? describe : describe.skip)(
  'generated SLO alerts in a real Prometheus',
  () => {
    let prometheus: RecordingPrometheus;
    // T: the last full minute, the end of the data. The recording rules are backfilled
    // up to T (promtool tsdb create-blocks-from rules), and each alert's condition is
    // evaluated at T through the query API: a loaded machine that starts Prometheus late
    // cannot move the instant, and the windows hold exactly the traffic above.
    const t = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
    let alertRules: Array<{ alert: string; expr: string }> = [];
    let firing = new Map<string, Set<string>>();

    beforeAll(async () => {
      const groups = INCIDENTS.flatMap(
        i => yaml.parse(renderRules(design(i.service))).groups,
      );
      alertRules = groups.flatMap((g: any) =>
        g.rules.filter((r: any) => r.alert),
      );
      prometheus = (await startRecordingPrometheus({
        rules: yaml.stringify({ groups }),
        openMetrics: openMetrics(t),
        evaluationInterval: '5s',
      }))!;
      await prometheus.backfillRules({
        start: new Date(t - 2 * MINUTE),
        end: new Date(t),
        evalIntervalSeconds: 60,
      });
      firing = new Map();
      for (const rule of alertRules) {
        const res = await fetch(
          `${prometheus.baseUrl}/api/v1/query?time=${
            t / 1000
          }&query=${encodeURIComponent(rule.expr)}`,
        );
        const body = (await res.json()) as any;
        if (body.status !== 'success') throw new Error(JSON.stringify(body));
        for (const sample of body.data.result as Array<{
          metric: Record<string, string>;
        }>) {
          const service = (
            sample.metric.sloth_service ?? sample.metric.service
          ).replace(/^acc-/, '');
          const name = rule.alert.replace(
            new RegExp(
              `^Acc${service
                .split('-')
                .map(p => p[0].toUpperCase() + p.slice(1))
                .join('')}`,
            ),
            '',
          );
          firing.set(service, new Set([...(firing.get(service) ?? []), name]));
        }
      }
    }, 240_000);

    afterAll(() => prometheus?.stop());

    it('evaluates every generated rule without error', async () => {
      await new Promise(r => setTimeout(r, 12_000));
      const res = await fetch(`${prometheus.baseUrl}/api/v1/rules`);
      const body = (await res.json()) as any;
      const unhealthy = body.data.groups.flatMap((g: any) =>
        g.rules.filter((r: any) => r.health !== 'ok'),
      );
      expect(unhealthy).toEqual([]);
    });

    it.each(INCIDENTS.map(i => [i.service, i] as const))(
      '%s: exactly the expected alerts fire',
      (service, incident) => {
        expect([...(firing.get(service) ?? [])].sort()).toEqual(
          [...incident.firing].sort(),
        );
      },
    );

    it('records the remaining error budget with one query per SLO', async () => {
      const res = await fetch(
        `${prometheus.baseUrl}/api/v1/query?query=${encodeURIComponent(
          'slo:error_budget:ratio{sloth_service="acc-outage"}',
        )}`,
      );
      const body = (await res.json()) as any;
      expect(
        body.data.result.map((r: any) => [
          r.metric.sloth_slo,
          Number(r.value[1]),
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['availability', 0.001],
          ['latency', 0.01],
        ]),
      );
    });
  },
);
