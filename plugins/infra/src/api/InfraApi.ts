import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AnswerIssue,
  DesignDiff,
  OverviewPage,
  OverviewQuery,
  PlanResult,
  ServiceCompliance,
  ServiceSlosLive,
} from '@plinth/backstage-plugin-infra-common';

/**
 * What the planner answers for the wizard's answers: `T`, or every invalid answer by its
 * dotted path (`topology.primaryRegion`). Invalid answers are an outcome the wizard
 * shows, not a failure.
 */
type PlannerOutcome<T extends object> =
  | ({ ok: true } & T)
  | { ok: false; issues: AnswerIssue[] };

/** What planning the wizard's answers gives: the plan, or the invalid answers. */
export type PlanOutcome = PlannerOutcome<{ plan: PlanResult }>;

/** A Plinth-managed service's stored inputs (`GET /services/:namespace/:name/change`). */
export interface ServiceChangeSource {
  /** The answers the repository was last generated from (`.plinth/answers.yaml`). */
  answers: Record<string, unknown>;
  generation: { plinthVersion: string; designVersion: string };
  source: { type: 'local' | 'url'; target: string };
}

/** What applying new answers to a service would change (`POST .../change/preview`). */
export interface ChangePreview extends DesignDiff {
  files: {
    added: string[];
    changed: string[];
    removed: string[];
    /** Files edited by hand that the change also touches: left for the reviewer. */
    conflicts: string[];
  };
}

/** A change preview, or the invalid answers, as the planner reports them. */
export type ChangePreviewOutcome = PlannerOutcome<{ preview: ChangePreview }>;

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
   * The stored answers of a service Plinth manages; `undefined` when Plinth does not
   * manage it or cannot read its repository (404).
   */
  getServiceChange?(
    entityRef: string,
  ): Promise<ServiceChangeSource | undefined>;
  /** What new answers would change in a managed service's repository and design. */
  previewChange?(
    entityRef: string,
    answers: unknown,
  ): Promise<ChangePreviewOutcome>;
  /**
   * One Terraform file of an environment's local repository (`GET /source`), for the
   * evidence links; refused outside that repository or without read access.
   */
  getSourceFile?(entityRef: string, path: string): Promise<string>;
}

export const infraApiRef = createApiRef<InfraApi>({
  id: 'plugin.infra.api',
});
