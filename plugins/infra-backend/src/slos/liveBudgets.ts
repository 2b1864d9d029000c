/*
 * The overview's live columns: one instant vector query per Prometheus per
 * refresh, for every SLO at once (the remaining budget of each, and the alerts
 * firing now), never one query per SLO.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  seriesKeys,
  SloLiveSummary,
  SLOTH_LABEL_SLO,
  SLOTH_META_RECORDS,
} from '@plinth/backstage-plugin-infra-common';
import { PrometheusClient } from '../prometheus/PrometheusClient';

/** Budget remaining of every SLO, plus the firing alerts that carry an SLO label. */
export const OVERVIEW_QUERY = `${SLOTH_META_RECORDS.budgetRemaining} or ALERTS{alertstate="firing",${SLOTH_LABEL_SLO}!=""}`;

/** One refresh's live data: per instance, per Sloth key. */
export interface LiveBudgets {
  byInstance: Map<string, Map<string, SloLiveSummary>>;
  /** Instances that could not be read in this refresh. */
  unavailable: string[];
}

export async function loadLiveBudgets(
  clients: ReadonlyMap<string, PrometheusClient>,
  logger: LoggerService,
): Promise<LiveBudgets> {
  const byInstance = new Map<string, Map<string, SloLiveSummary>>();
  const unavailable: string[] = [];
  await Promise.all(
    [...clients].map(async ([name, client]) => {
      try {
        const samples = await client.query(OVERVIEW_QUERY);
        const map = new Map<string, SloLiveSummary>();
        // Each series answers to its sloth_id and its sloth_slo; both keys share one entry.
        const entry = (labels: Record<string, string>) => {
          const keys = seriesKeys(labels);
          const summary = keys.map(k => map.get(k)).find(Boolean) ?? {
            burning: false,
          };
          for (const key of keys) map.set(key, summary);
          return summary;
        };
        for (const { metric, value } of samples) {
          if (metric.__name__ === 'ALERTS') entry(metric).burning = true;
          else if (Number.isFinite(value)) {
            entry(metric).budgetRemaining = value;
          }
        }
        byInstance.set(name, map);
      } catch (error) {
        logger.warn(`Live SLO budgets: ${(error as Error).message}`);
        unavailable.push(name);
      }
    }),
  );
  return { byInstance, unavailable };
}
