import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AnswerIssue,
  OverviewPage,
  OverviewQuery,
  PlanResult,
  ServiceCompliance,
  ServiceSlosLive,
} from '@plinth/backstage-plugin-infra-common';

/**
 * What planning the wizard's answers gives: the plan, or every invalid answer by its
 * dotted path (`topology.primaryRegion`). Invalid answers are an outcome the wizard
 * shows, not a failure.
 */
export type PlanOutcome =
  | { ok: true; plan: PlanResult }
  | { ok: false; issues: AnswerIssue[] };

/** Plinth's infra backend: the overview across the catalog and the planner. */
export interface InfraApi {
  /** One page of service summaries, filtered and sorted over every service. */
  getOverview(query: OverviewQuery): Promise<OverviewPage>;
  /**
   * Plans a design from the wizard's answers (`POST /plan`, no side effects).
   * Answers the planner rejects resolve to `{ ok: false, issues }`; any other
   * failure rejects with a ResponseError.
   */
  plan(answers: unknown): Promise<PlanOutcome>;
  /** The live state of a service's SLOs from Prometheus (`GET /slos/live`). */
  getSlosLive(entityRef: string): Promise<ServiceSlosLive>;
  /**
   * A service's compliance with code evidence (`GET /compliance`): the report the
   * backend computed from the stored evidence of its environments' code.
   */
  getCompliance?(entityRef: string): Promise<ServiceCompliance>;
  /**
   * One Terraform file of an environment's local repository (`GET /source`), for the
   * evidence links; refused outside that repository or without read access.
   */
  getSourceFile?(entityRef: string, path: string): Promise<string>;
}

export const infraApiRef = createApiRef<InfraApi>({
  id: 'plugin.infra.api',
});
