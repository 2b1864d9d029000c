import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';
import {
  COMPLIANCE_STATUSES,
  ComplianceStatus,
  OVERVIEW_SORTS,
  OverviewPage,
  ResolvedOverviewQuery,
  ServiceSummary,
} from '@plinth/backstage-plugin-infra-common';

export const MAX_PAGE_SIZE = 500;

/** Failures first: the lower the rank, the earlier the row. */
const STATUS_RANK: Record<ComplianceStatus, number> = {
  'non-compliant': 0,
  'at-risk': 1,
  unknown: 2,
  compliant: 3,
};

/** The worst of a list of statuses; `unknown` for none. */
export function worstStatus(statuses: ComplianceStatus[]): ComplianceStatus {
  if (statuses.length === 0) {
    return 'unknown';
  }
  return statuses.reduce((worst, s) =>
    STATUS_RANK[s] < STATUS_RANK[worst] ? s : worst,
  );
}

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform(v => (v ? v : undefined));

const querySchema = z.object({
  owner: optionalText,
  system: optionalText,
  framework: optionalText,
  status: z.enum(COMPLIANCE_STATUSES).optional(),
  hasIssues: z.enum(['true', 'false']).optional(),
  outOfBudget: z.enum(['true', 'false']).optional(),
  q: optionalText,
  sort: z.enum(OVERVIEW_SORTS).default('failures'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

/** Reads the overview's query string; throws InputError naming each bad parameter. */
export function parseOverviewQuery(raw: unknown): ResolvedOverviewQuery {
  const parsed = querySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
        .join('; '),
    );
  }
  const { hasIssues, outOfBudget, ...rest } = parsed.data;
  return {
    ...rest,
    hasIssues: hasIssues === undefined ? undefined : hasIssues === 'true',
    outOfBudget: outOfBudget === 'true' ? true : undefined,
  };
}

function statusFor(row: ServiceSummary, framework?: string): ComplianceStatus {
  if (!framework) {
    return row.status;
  }
  return row.frameworks.find(f => f.id === framework)?.status ?? 'unknown';
}

function matches(row: ServiceSummary, query: ResolvedOverviewQuery): boolean {
  if (query.owner && row.owner !== query.owner) return false;
  if (query.system && row.system !== query.system) return false;
  if (query.framework && !row.frameworks.some(f => f.id === query.framework)) {
    return false;
  }
  if (query.status && statusFor(row, query.framework) !== query.status) {
    return false;
  }
  if (
    query.hasIssues !== undefined &&
    row.issues.length > 0 !== query.hasIssues
  ) {
    return false;
  }
  if (query.outOfBudget && !((row.live?.budgetRemaining ?? 1) <= 0)) {
    return false;
  }
  if (query.q) {
    const needle = query.q.toLocaleLowerCase('en-US');
    const haystack = [row.name, row.title, row.owner, row.system]
      .filter(Boolean)
      .join(' ')
      .toLocaleLowerCase('en-US');
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

const budgetKey = (row: ServiceSummary) =>
  row.live?.budgetRemaining ?? Number.POSITIVE_INFINITY;

const byText = (a?: string, b?: string) => (a ?? '').localeCompare(b ?? '');

function comparator(query: ResolvedOverviewQuery, framework?: string) {
  const tieBreak = (a: ServiceSummary, b: ServiceSummary) =>
    byText(a.name, b.name) || byText(a.namespace, b.namespace);
  const primary: Record<
    ResolvedOverviewQuery['sort'],
    (a: ServiceSummary, b: ServiceSummary) => number
  > = {
    failures: (a, b) =>
      STATUS_RANK[statusFor(a, framework)] -
        STATUS_RANK[statusFor(b, framework)] ||
      // among equal statuses, services whose data is broken come first
      b.issues.length - a.issues.length,
    name: () => 0,
    owner: (a, b) => byText(a.owner, b.owner),
    system: (a, b) => byText(a.system, b.system),
    environments: (a, b) => a.environmentCount - b.environmentCount,
    // least budget first; services without live data last
    budget: (a, b) => budgetKey(a) - budgetKey(b),
    // burning first, then the least budget
    burning: (a, b) =>
      Number(b.live?.burning ?? false) - Number(a.live?.burning ?? false) ||
      budgetKey(a) - budgetKey(b),
  };
  const direction = query.order === 'desc' ? -1 : 1;
  return (a: ServiceSummary, b: ServiceSummary) =>
    direction * (primary[query.sort](a, b) || tieBreak(a, b));
}

function distinct(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort();
}

/** Filters, sorts and pages every summary: the whole catalog, not a page of it. */
export function applyOverviewQuery(
  rows: ServiceSummary[],
  query: ResolvedOverviewQuery,
  generatedAt: Date,
): OverviewPage {
  const filtered = rows.filter(row => matches(row, query));
  filtered.sort(comparator(query, query.framework));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: filtered.slice(start, start + query.pageSize),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      owners: distinct(rows.map(r => r.owner)),
      systems: distinct(rows.map(r => r.system)),
      frameworks: distinct(rows.flatMap(r => r.frameworks.map(f => f.id))),
    },
    generatedAt: generatedAt.toISOString(),
  };
}
