/*
 * The overview's view (filters, search, sort, page) as URL query parameters, so a reload
 * or a shared link shows the same rows. Filters are a definition list: a new filter is
 * one entry here and one in OverviewPage's FILTERS.
 */
import {
  OVERVIEW_SORTS,
  OverviewQuery,
  OverviewSort,
} from '@plinth/backstage-plugin-infra-common';

/** Query keys of the filters, as the backend reads them. */
export const FILTER_KEYS = ['owner', 'system', 'framework', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_SORT: OverviewSort = 'failures';

export interface OverviewViewState {
  filters: Partial<Record<FilterKey, string>>;
  q: string;
  /** Only services with an SLO whose error budget is spent. */
  outOfBudget: boolean;
  sort: OverviewSort;
  order: 'asc' | 'desc';
  /** 0-based, as MUI's pagination counts. */
  page: number;
  pageSize: number;
}

export function readOverviewState(params: URLSearchParams): OverviewViewState {
  const filters: OverviewViewState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const sort = params.get('sort') as OverviewSort | null;
  const pageSize = Number(params.get('pageSize'));
  const page = Number(params.get('page'));
  return {
    filters,
    q: params.get('q') ?? '',
    outOfBudget: params.get('outOfBudget') === 'true',
    sort: sort && OVERVIEW_SORTS.includes(sort) ? sort : DEFAULT_SORT,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    // The URL counts pages from 1, as people do.
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Only what differs from the defaults, so a plain /infra stays plain. */
export function writeOverviewState(state: OverviewViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.outOfBudget) params.set('outOfBudget', 'true');
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.order !== 'asc') params.set('order', state.order);
  if (state.page > 0) params.set('page', String(state.page + 1));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(state.pageSize));
  }
  return params;
}

/** The backend query of a view. */
export function overviewQueryOf(state: OverviewViewState): OverviewQuery {
  return {
    ...state.filters,
    status: state.filters.status as OverviewQuery['status'],
    q: state.q.trim() || undefined,
    outOfBudget: state.outOfBudget || undefined,
    sort: state.sort,
    order: state.order,
    page: state.page + 1,
    pageSize: state.pageSize,
  };
}
