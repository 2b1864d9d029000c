/*
 * The overview endpoint's model, GET /api/infra/overview: what the frontend asks
 * (OverviewQuery), what the backend reads it as (ResolvedOverviewQuery) and what it
 * answers (OverviewPage). Both follow docs/user-guide-infrastructure.md.
 */
import type { ServiceView } from '../catalog/types';
import type { ComplianceReport, FrameworkStatus } from '../compliance/evaluate';
import type { SloLiveSummary } from '../slo/live/types';

/**
 * Compliance status of one framework, as the evaluator reports it.
 *
 * @public
 */
export type ComplianceStatus = FrameworkStatus;

/**
 * Every compliance status, in the order the query string accepts them.
 *
 * @public
 */
export const COMPLIANCE_STATUSES = [
  'compliant',
  'at-risk',
  'non-compliant',
  'unknown',
] as const satisfies readonly ComplianceStatus[];

/**
 * A problem found while reading one of the service's entities.
 *
 * @public
 */
export interface SummaryIssue {
  /** The entity the problem is in (the service, an environment or an SLO). */
  entityRef: string;
  path: string;
  message: string;
}

/** @public */
export interface SummarySlo {
  ref: string;
  name: string;
  displayName?: string;
  /** Objective as a fraction, 0.9995 */
  target: number;
  windowDays: number;
  /** The Prometheus instance its annotations name; the default one when absent. */
  prometheus?: string;
  /** Live budget from Prometheus; absent when it has no value for this SLO. */
  live?: SloLiveSummary;
}

/** A service's live SLO columns: its worst remaining budget, and whether any SLO burns now. */
export interface ServiceLive {
  /** The smallest remaining budget among its SLOs (a fraction); absent without live data. */
  budgetRemaining?: number;
  burning: boolean;
}

/**
 * One row of the overview: a service and what Plinth knows about it.
 *
 * @public
 */
export interface ServiceSummary
  extends Pick<
    ServiceView,
    'ref' | 'name' | 'namespace' | 'title' | 'owner' | 'system'
  > {
  slos: SummarySlo[];
  environmentCount: number;
  frameworks: Array<{ id: string; status: ComplianceStatus }>;
  /** The worst framework status; `unknown` when the service names no framework. */
  status: ComplianceStatus;
  /** Why the statuses are unknown although there are environments: `no production environment`. */
  complianceReason?: string;
  /**
   * Where the compliance comes from: environments whose code was read (and the oldest
   * read time), and environments that only declare their controls.
   */
  evidence?: { code: number; declaredOnly: number; readAt?: string };
  issues: SummaryIssue[];
  /** Live SLO columns; absent when no Prometheus answered for its SLOs. */
  live?: ServiceLive;
}

/**
 * The columns the overview sorts by.
 *
 * @public
 */
export const OVERVIEW_SORTS = [
  'failures',
  'name',
  'owner',
  'system',
  'environments',
  'budget',
  'burning',
] as const;

/** @public */
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/**
 * The overview's query parameters as a client sends them; the backend fills in the rest.
 *
 * @public
 */
export interface OverviewQuery {
  owner?: string;
  system?: string;
  framework?: string;
  /** With `framework`: that framework's status; without: the overall status. */
  status?: ComplianceStatus;
  /** Only services with (true) or without (false) contract issues. */
  hasIssues?: boolean;
  q?: string;
  /** Only services with an SLO whose error budget is spent (live data). */
  outOfBudget?: boolean;
  sort?: OverviewSort;
  order?: 'asc' | 'desc';
  /** 1-based */
  page?: number;
  pageSize?: number;
}

/**
 * The query once the backend has read it: sorting and paging always set.
 *
 * @public
 */
export interface ResolvedOverviewQuery extends OverviewQuery {
  sort: OverviewSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** @public */
export interface OverviewPage {
  items: ServiceSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Values for the filters, over every service (not only this page). */
  facets: { owners: string[]; systems: string[]; frameworks: string[] };
  /** When the summaries were computed (ISO 8601). */
  generatedAt: string;
  /** Live SLO data: whether a Prometheus is configured, and which did not answer. */
  live?: { configured: boolean; unavailable: string[] };
}

/**
 * GET /api/infra/compliance?entityRef=...: a service's compliance report with code
 * evidence, and per environment where its code was read from (absent: declared only).
 *
 * @public
 */
export interface ServiceCompliance {
  entityRef: string;
  report: ComplianceReport;
  environments: Array<{
    entityRef: string;
    /** The environment's root folder in the repository, when its code was read. */
    iacPath?: string;
    /** Where and when the code was read; absent when the environment is declared only. */
    source?: { location: string; revision: string; readAt: string };
    /** Files Plinth could not read as HCL. */
    errors: string[];
  }>;
  generatedAt: string;
}
