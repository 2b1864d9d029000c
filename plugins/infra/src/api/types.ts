/*
 * The infra backend's responses (plugins/infra-backend/src/overview/types.ts):
 * GET /api/infra/overview and POST /api/infra/plan.
 */

export type ComplianceStatus =
  | 'compliant'
  | 'at-risk'
  | 'non-compliant'
  | 'unknown';

export interface SummaryIssue {
  entityRef: string;
  path: string;
  message: string;
}

export interface SummarySlo {
  ref: string;
  name: string;
  displayName?: string;
  /** Objective as a fraction, 0.9995 */
  target: number;
  windowDays: number;
}

export interface ServiceSummary {
  ref: string;
  name: string;
  namespace: string;
  title?: string;
  owner?: string;
  system?: string;
  slos: SummarySlo[];
  environmentCount: number;
  frameworks: Array<{ id: string; status: ComplianceStatus }>;
  status: ComplianceStatus;
  issues: SummaryIssue[];
}

export type OverviewSort =
  | 'failures'
  | 'name'
  | 'owner'
  | 'system'
  | 'environments';

export interface OverviewQuery {
  owner?: string;
  system?: string;
  framework?: string;
  status?: ComplianceStatus;
  hasIssues?: boolean;
  q?: string;
  sort?: OverviewSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface OverviewPage {
  items: ServiceSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: { owners: string[]; systems: string[]; frameworks: string[] };
  generatedAt: string;
}

/** POST /plan: the planner's answer for valid answers. */
export interface PlanResult {
  design: unknown;
  warnings: unknown[];
  compliance: unknown;
  cost: unknown;
}
