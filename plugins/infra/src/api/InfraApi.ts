import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  OverviewPage,
  OverviewQuery,
  PlanResult,
} from '@plinth/backstage-plugin-infra-common';

/** Plinth's infra backend: the overview across the catalog and the planner. */
export interface InfraApi {
  /** One page of service summaries, filtered and sorted over every service. */
  getOverview(query: OverviewQuery): Promise<OverviewPage>;
  /**
   * Plans a design from the wizard's answers. Invalid answers reject with a
   * ResponseError whose body carries `issues: [{ path, message }]`.
   */
  plan(answers: unknown): Promise<PlanResult>;
}

export const infraApiRef = createApiRef<InfraApi>({
  id: 'plugin.infra.api',
});
