/*
 * The overview endpoint's response model. The frontend mirrors these types in
 * plugins/infra/src/api/types.ts; both follow docs/user-guide-infrastructure.md.
 */

/** Compliance status of one framework, as infra-common's evaluator reports it. */
export type ComplianceStatus =
  | 'compliant'
  | 'at-risk'
  | 'non-compliant'
  | 'unknown';

/** A problem found while reading one of the service's entities. */
export interface SummaryIssue {
  /** The entity the problem is in (the service, an environment or an SLO). */
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

/** One row of the overview: a service and what Plinth knows about it. */
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
  /** The worst framework status; `unknown` when the service names no framework. */
  status: ComplianceStatus;
  issues: SummaryIssue[];
}

export type OverviewSort = 'failures' | 'name' | 'owner' | 'system' | 'environments';

export interface OverviewQuery {
  owner?: string;
  system?: string;
  framework?: string;
  /** With `framework`: that framework's status; without: the overall status. */
  status?: ComplianceStatus;
  /** Only services with (true) or without (false) contract issues. */
  hasIssues?: boolean;
  q?: string;
  sort: OverviewSort;
  order: 'asc' | 'desc';
  /** 1-based */
  page: number;
  pageSize: number;
}

export interface OverviewPage {
  items: ServiceSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Values for the filters, over every service (not only this page). */
  facets: { owners: string[]; systems: string[]; frameworks: string[] };
  /** When the summaries were computed (ISO 8601). */
  generatedAt: string;
}
