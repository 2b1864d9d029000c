import { ServiceSummary, sloKey } from '@plinth/backstage-plugin-infra-common';
import { DEFAULT_INSTANCE } from '../prometheus/config';
import type { LiveBudgets } from './liveBudgets';

/**
 * The overview rows with their live columns: each SLO takes its value from
 * the Prometheus it is measured by, keyed by its Sloth labels (service name,
 * SLO name); the row's budget is its worst SLO's. Rows are new objects, so
 * the cached summaries stay as the catalog gave them.
 */
export function withLiveBudgets(
  rows: ServiceSummary[],
  live: LiveBudgets,
): ServiceSummary[] {
  return rows.map(row => {
    let budgetRemaining: number | undefined;
    let burning = false;
    let any = false;
    const slos = row.slos.map(slo => {
      const summary = live.byInstance
        .get(slo.prometheus ?? DEFAULT_INSTANCE)
        ?.get(sloKey(row.name, slo.name));
      if (!summary) return slo;
      any = true;
      burning ||= summary.burning;
      if (
        summary.budgetRemaining !== undefined &&
        (budgetRemaining === undefined ||
          summary.budgetRemaining < budgetRemaining)
      ) {
        budgetRemaining = summary.budgetRemaining;
      }
      return { ...slo, live: summary };
    });
    return any ? { ...row, slos, live: { budgetRemaining, burning } } : row;
  });
}
