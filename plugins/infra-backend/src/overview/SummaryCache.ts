import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceSummary } from '@plinth/backstage-plugin-infra-common';

export interface Snapshot<Rows = ServiceSummary[]> {
  rows: Rows;
  generatedAt: Date;
}

/**
 * Holds the computed summaries of every service for a short time.
 *
 * A fresh snapshot is served as is. A stale one is served while one refresh runs
 * in the background (stale-while-revalidate), so no request waits for the
 * catalog once the first snapshot exists. Concurrent callers share one load.
 */
export class SummaryCache<Rows = ServiceSummary[]> {
  readonly #load: () => Promise<Rows>;
  readonly #ttlMs: number;
  readonly #logger: LoggerService;
  readonly #now: () => number;
  #snapshot?: Snapshot<Rows>;
  #inFlight?: Promise<Snapshot<Rows>>;

  constructor(options: {
    load: () => Promise<Rows>;
    ttlMs: number;
    logger: LoggerService;
    now?: () => number;
  }) {
    this.#load = options.load;
    this.#ttlMs = options.ttlMs;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  async get(): Promise<Snapshot<Rows>> {
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
          this.#snapshot = snapshot;
          return snapshot;
        })
        .finally(() => {
          this.#inFlight = undefined;
        });
    }
    return this.#inFlight;
  }
}
