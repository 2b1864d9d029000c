/*
 * The SLO card's data for one service: per Prometheus instance one instant query
 * for every Sloth series of the service, the firing alerts, and one range query
 * per SLO window length for the budget history, all in parallel.
 */
import { Entity } from '@backstage/catalog-model';
import {
  BudgetPoint,
  CARD_SERIES_REGEX,
  FiringAlert,
  historyStepSeconds,
  parseSlo,
  readSlo,
  SloLive,
  seriesOf,
  SLOTH_LABEL_ID,
  SLOTH_LABEL_SERVICE,
  SLOTH_META_RECORDS,
  slothSelector,
  sloServiceName,
  SloView,
} from '@plinth/backstage-plugin-infra-common';
import {
  PrometheusClient,
  PromAlert,
  PromSeries,
} from '../prometheus/PrometheusClient';
import { PrometheusUnavailableError } from '../prometheus/errors';
import { instanceFor } from './instanceFor';

/** The query that reads one SLO's current series (what the no-data state shows). */
export function cardQueryFor(slo: SloView): string {
  return slothSelector(CARD_SERIES_REGEX, {
    [SLOTH_LABEL_SERVICE]: sloServiceName(slo),
    [SLOTH_LABEL_ID]: slo.name,
  });
}

const NO_DATA_HINT =
  'Prometheus has no series for this SLO. Check that the recording rules in monitoring/prometheus/slo-rules.yaml are loaded (rule_files in prometheus.yml, then Status > Rules) and that the SLI metrics they read exist.';

function firingFor(
  alerts: PromAlert[],
  service: string,
  slo: string,
): FiringAlert[] {
  return alerts
    .filter(a => a.state === 'firing' && seriesOf(a.labels, service, slo))
    .map(a => ({
      name: a.labels.alertname,
      severity: a.labels.severity ?? a.labels.sloth_severity,
      activeAt: a.activeAt,
      summary: a.annotations.summary,
    }));
}

function historyOf(
  series: PromSeries[] | undefined,
  service: string,
  slo: string,
): BudgetPoint[] {
  const match = series?.find(s => seriesOf(s.metric, service, slo));
  return (match?.values ?? [])
    .filter(([, v]) => Number.isFinite(v))
    .map(([t, remaining]) => ({ t: t * 1000, remaining }));
}

async function readInstance(
  client: PrometheusClient,
  slos: SloView[],
  now: Date,
): Promise<SloLive[]> {
  const service = sloServiceName(slos[0]);
  const serviceMatcher = { [SLOTH_LABEL_SERVICE]: service };
  const windows = [...new Set(slos.map(s => s.windowDays))];
  const [samples, alerts, histories] = await Promise.all([
    client.query(slothSelector(CARD_SERIES_REGEX, serviceMatcher), now),
    client.alerts(),
    Promise.all(
      windows.map(days =>
        client.queryRange(
          slothSelector(SLOTH_META_RECORDS.budgetRemaining, serviceMatcher),
          {
            start: new Date(now.getTime() - days * 86400_000),
            end: now,
            stepSeconds: historyStepSeconds(days),
          },
        ),
      ),
    ),
  ]);
  return slos.map((slo): SloLive => {
    const reading = readSlo(
      samples.filter(s => seriesOf(s.metric, service, slo.name)),
      slo,
    );
    if (!reading) {
      return {
        sloRef: slo.ref,
        state: 'problem',
        problem: {
          kind: 'no-data',
          message: NO_DATA_HINT,
          query: cardQueryFor(slo),
        },
      };
    }
    return {
      sloRef: slo.ref,
      state: 'live',
      prometheus: client.name,
      demo: client.demo,
      reading,
      alerts: firingFor(alerts, service, slo.name),
      history: historyOf(
        histories[windows.indexOf(slo.windowDays)],
        service,
        slo.name,
      ),
      historyStepSeconds: historyStepSeconds(slo.windowDays),
    };
  });
}

/** Live state of every readable SLO of a service, in the order of `sloEntities`. */
export async function serviceSlosLive(options: {
  sloEntities: Entity[];
  environments: Entity[];
  clients: ReadonlyMap<string, PrometheusClient>;
  now?: Date;
}): Promise<SloLive[]> {
  const { clients } = options;
  const now = options.now ?? new Date();
  const configured = new Set(clients.keys());
  const results = new Map<string, SloLive>();
  const byInstance = new Map<string, SloView[]>();
  const order: string[] = [];
  for (const entity of options.sloEntities) {
    const parsed = parseSlo(entity);
    if (!parsed.ok) continue; // the card lists its contract issues already
    const slo = parsed.value;
    order.push(slo.ref);
    const choice = instanceFor(entity, options.environments, configured);
    if (!choice.ok) {
      results.set(slo.ref, {
        sloRef: slo.ref,
        state: 'problem',
        problem: { kind: 'not-configured', message: choice.message },
      });
      continue;
    }
    const group = byInstance.get(choice.name) ?? [];
    group.push(slo);
    byInstance.set(choice.name, group);
  }
  await Promise.all(
    [...byInstance].map(async ([name, slos]) => {
      const client = clients.get(name)!;
      try {
        for (const live of await readInstance(client, slos, now)) {
          results.set(live.sloRef, live);
        }
      } catch (error) {
        if (!(error instanceof PrometheusUnavailableError)) throw error;
        for (const slo of slos) {
          results.set(slo.ref, {
            sloRef: slo.ref,
            state: 'problem',
            problem: {
              kind: 'unreachable',
              prometheus: name,
              message: `${error.message}. Check that it is running and reachable from the Backstage backend; the card retries on the next visit.`,
            },
          });
        }
      }
    }),
  );
  return order.map(ref => results.get(ref)!);
}
