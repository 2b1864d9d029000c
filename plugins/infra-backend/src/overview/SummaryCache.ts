import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceSummary } from '@plinth/backstage-plugin-infra-common';

export interface Snapshot<Rows = ServiceSummary[]> {
  rows: Rows;
  generatedAt: Date;
}

/**
 * Where replicas share their snapshots: Backstage's cache service (memory by default,
 * Redis or another store with `backend.cache`), under `key`.
 */
type CacheValue = Parameters<CacheService['set']>[1];

export interface SharedSnapshots {
  cache: CacheService;
  key: string;
}

/**
 * Holds the computed summaries of every service for a short time.
 *
 * A fresh snapshot is served as is. A stale one is served while one refresh runs
 * in the background (stale-while-revalidate), so no request waits for the
 * catalog once the first snapshot exists. Concurrent callers share one load.
 *
 * With `shared`, every snapshot computed is also written to the cache service, and
 * every request first asks it for the time of the newest one (a small key): when
 * another replica computed a newer snapshot it is read and served, so replicas
 * behind one URL agree, and one refresh per TTL serves them all.
 */
export class SummaryCache<Rows = ServiceSummary[]> {
  readonly #load: () => Promise<Rows>;
  readonly #ttlMs: number;
  readonly #logger: LoggerService;
  readonly #now: () => number;
  readonly #shared?: SharedSnapshots;
  #snapshot?: Snapshot<Rows>;
  #inFlight?: Promise<Snapshot<Rows>>;

  constructor(options: {
    load: () => Promise<Rows>;
    ttlMs: number;
    logger: LoggerService;
    now?: () => number;
    shared?: SharedSnapshots;
  }) {
    this.#shared = options.shared;
    this.#load = options.load;
    this.#ttlMs = options.ttlMs;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  async get(): Promise<Snapshot<Rows>> {
    if (this.#shared) {
      await this.#adoptNewerShared();
    }
    const snapshot = this.#snapshot;
    if (!snapshot) {
      return this.refresh();
    }
    if (this.#now() - snapshot.generatedAt.getTime() >= this.#ttlMs) {
      this.refresh().catch(error =>
        this.#logger.warn(
          `Could not refresh the infrastructure overview; serving the data of ${snapshot.generatedAt.toISOString()}`,
          error,
        ),
      );
    }
    return snapshot;
  }

  /** Loads now (or joins the load already running). */
  refresh(): Promise<Snapshot<Rows>> {
    if (!this.#inFlight) {
      const startedAt = this.#now();
      this.#inFlight = this.#load()
        .then(rows => {
          const snapshot = { rows, generatedAt: new Date(startedAt) };
          // Another replica may have written a newer one meanwhile; keep the newest.
          if (
            !this.#snapshot ||
            this.#snapshot.generatedAt.getTime() <= startedAt
          ) {
            this.#snapshot = snapshot;
          }
          return this.#publish(snapshot).then(() => snapshot);
        })
        .finally(() => {
          this.#inFlight = undefined;
        });
    }
    return this.#inFlight;
  }

  /** Keys of the shared snapshot: its time, and the rows (read only when newer). */
  #keys() {
    const { key } = this.#shared!;
    return { at: `${key}:generatedAt`, rows: `${key}:rows` };
  }

  /** Written for long enough that a replica can read it after one missed refresh. */
  async #publish(snapshot: Snapshot<Rows>): Promise<void> {
    // Not when a newer one from another replica has replaced it here meanwhile.
    if (!this.#shared || this.#snapshot !== snapshot) return;
    const { cache } = this.#shared;
    const keys = this.#keys();
    const ttl = this.#ttlMs * 10;
    try {
      // Rows first: a replica that sees the new time finds the rows it names.
      await cache.set(
        keys.rows,
        {
          generatedAt: snapshot.generatedAt.getTime(),
          rows: snapshot.rows as unknown as CacheValue,
        },
        { ttl },
      );
      await cache.set(keys.at, snapshot.generatedAt.getTime(), { ttl });
    } catch (error) {
      this.#logger.warn(
        'Could not share the infrastructure overview with other replicas',
        error as Error,
      );
    }
  }

  async #adoptNewerShared(): Promise<void> {
    const { cache } = this.#shared!;
    const keys = this.#keys();
    const local = this.#snapshot?.generatedAt.getTime() ?? -1;
    try {
      const at = await cache.get<number>(keys.at);
      if (typeof at !== 'number' || at <= local) return;
      const shared = await cache.get<{
        generatedAt: number;
        rows: CacheValue;
      }>(keys.rows);
      if (!shared || shared.generatedAt <= local) return;
      this.#snapshot = {
        rows: shared.rows as unknown as Rows,
        generatedAt: new Date(shared.generatedAt),
      };
    } catch (error) {
      // The cache store being down costs agreement between replicas, never the overview.
      this.#logger.warn(
        "Could not read the shared infrastructure overview; serving this replica's",
        error as Error,
      );
    }
  }
}
