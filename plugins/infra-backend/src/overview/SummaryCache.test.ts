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

  describe('shared between replicas through the cache service', () => {
    /** A cache store as Redis is one: values cross it as JSON. */
    function sharedStore() {
      const values = new Map<string, string>();
      return {
        get: jest.fn(async (key: string) =>
          values.has(key) ? JSON.parse(values.get(key)!) : undefined,
        ),
        set: jest.fn(async (key: string, value: unknown) => {
          values.set(key, JSON.stringify(value));
        }),
        delete: jest.fn(async (key: string) => {
          values.delete(key);
        }),
        withOptions: jest.fn(),
      };
    }

    function replicas() {
      let now = 1_000_000;
      const store = sharedStore();
      const make = (name: string) => {
        let version = 0;
        const load = jest.fn(async () => [summary(`${name}${++version}`)]);
        const cache = new SummaryCache({
          load,
          ttlMs: 30_000,
          logger,
          now: () => now,
          shared: { cache: store as any, key: 'overview' },
        });
        return { cache, load };
      };
      return {
        a: make('a'),
        b: make('b'),
        store,
        advance: (ms: number) => (now += ms),
      };
    }

    it('serves the snapshot another replica computed, without loading', async () => {
      const { a, b } = replicas();
      const first = await a.cache.get();
      const second = await b.cache.get();
      expect(second.rows).toEqual(first.rows);
      expect(second.generatedAt).toEqual(first.generatedAt);
      expect(b.load).not.toHaveBeenCalled();
    });

    it('moves every replica to the newest snapshot after a refresh', async () => {
      const { a, b, advance } = replicas();
      await a.cache.get();
      await b.cache.get();
      advance(30_000);
      await b.cache.refresh();
      const [fromA, fromB] = [await a.cache.get(), await b.cache.get()];
      expect(fromA.rows[0].name).toBe('b1');
      expect(fromA).toEqual(fromB);
      expect(a.load).toHaveBeenCalledTimes(1);
    });

    it('serves its own snapshot when the cache store fails', async () => {
      const { a, store } = replicas();
      store.get.mockRejectedValue(new Error('redis down'));
      store.set.mockRejectedValue(new Error('redis down'));
      expect((await a.cache.get()).rows[0].name).toBe('a1');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('shared infrastructure overview'),
        expect.any(Error),
      );
    });
  });
});
