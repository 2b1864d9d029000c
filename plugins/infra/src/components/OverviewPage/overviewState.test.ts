import {
  overviewQueryOf,
  readOverviewState,
  writeOverviewState,
} from './overviewState';

describe('overview view state in the URL', () => {
  it('round-trips filters, search, sort and page', () => {
    const params = new URLSearchParams(
      'q=eu-west-1&owner=group%3Adefault%2Fpayments&status=at-risk&outOfBudget=true&sort=budget&order=desc&page=3&pageSize=10',
    );
    const state = readOverviewState(params);
    expect(state).toEqual({
      filters: { owner: 'group:default/payments', status: 'at-risk' },
      q: 'eu-west-1',
      outOfBudget: true,
      sort: 'budget',
      order: 'desc',
      page: 2,
      pageSize: 10,
    });
    expect(readOverviewState(writeOverviewState(state))).toEqual(state);
    expect(overviewQueryOf(state)).toEqual({
      owner: 'group:default/payments',
      status: 'at-risk',
      q: 'eu-west-1',
      outOfBudget: true,
      sort: 'budget',
      order: 'desc',
      page: 3,
      pageSize: 10,
    });
  });

  it('falls back to the defaults for missing or unknown values, and writes none of them', () => {
    const state = readOverviewState(
      new URLSearchParams('sort=bogus&order=up&page=-2&pageSize=7&colour=red'),
    );
    expect(state).toEqual({
      filters: {},
      q: '',
      outOfBudget: false,
      sort: 'failures',
      order: 'asc',
      page: 0,
      pageSize: 20,
    });
    expect(writeOverviewState(state).toString()).toBe('');
  });
});
