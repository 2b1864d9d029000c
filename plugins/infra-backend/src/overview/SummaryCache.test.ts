import { mockServices } from '@backstage/backend-test-utils';
import { SummaryCache } from './SummaryCache';
import { summary } from './testRows';

describe('SummaryCache', () => {
  const logger = mockServices.logger.mock();

  function setup() {
    let now = 1_000_000;
    let version = 0;
    const load = jest.fn(async () => [summary(`v${++version}`)]);
    const cache = new SummaryCache({
      load,
      ttlMs: 30_000,
      logger,
      now: () => now,
    });
    return { cache, load, advance: (ms: number) => (now += ms) };
  }

  it('loads once and serves the snapshot while it is fresh', async () => {
    const { cache, load, advance } = setup();
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a.rows[0].name).toBe('v1');
    expect(b).toBe(a);
    advance(29_999);
    expect((await cache.get()).rows[0].name).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('serves the stale snapshot and recomputes it in the background', async () => {
    const { cache, load, advance } = setup();
    await cache.get();
    advance(30_000);
    expect((await cache.get()).rows[0].name).toBe('v1');
    expect(load).toHaveBeenCalledTimes(2);
    await cache.refresh(); // joins or runs the refresh
    expect((await cache.get()).rows[0].name).toMatch(/^v[23]$/);
  });

  it('keeps the last snapshot when a refresh fails', async () => {
    const { cache, load, advance } = setup();
    await cache.get();
    load.mockRejectedValueOnce(new Error('catalog down'));
    advance(30_000);
    expect((await cache.get()).rows[0].name).toBe('v1');
    await new Promise(resolve => setImmediate(resolve));
    expect(logger.warn).toHaveBeenCalled();
    expect((await cache.get()).rows[0].name).toBe('v1');
  });

  it('fails the first request when there is nothing to serve', async () => {
    const { cache, load } = setup();
    load.mockRejectedValueOnce(new Error('catalog down'));
    await expect(cache.get()).rejects.toThrow('catalog down');
    // the next request tries again
    expect((await cache.get()).rows[0].name).toBe('v1');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
