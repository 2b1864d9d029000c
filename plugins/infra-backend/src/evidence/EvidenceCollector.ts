/*
 * Collects code evidence for every environment in the catalog, as a scheduled task
 * (ADR 1500): per repository one read (skipped when its revision is unchanged), per
 * environment root one run of infra-common's evidence rules. The results are kept here,
 * so the overview and the compliance endpoint read them and never parse HCL on a request,
 * and written to Backstage's cache service (ADR 1502): a restarted backend or a second
 * replica starts from them, and re-parses a repository only when its revision changed.
 */
import {
  AuthService,
  CacheService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  allEnvironmentsQuery,
  collectEnvironmentEvidence,
  EnvironmentFindings,
  IacFile,
  parseEnvironment,
} from '@plinth/backstage-plugin-infra-common';
import { allServicesQuery } from '../overview/loadCatalog';
import { readRepository } from './readRepository';
import { repositorySourceOf } from './repositorySource';

/** One environment's code evidence as stored. */
export interface StoredEvidence {
  entityRef: string;
  iacPath: string;
  source: { location: string; revision: string; readAt: string };
  findings: EnvironmentFindings;
}

/** Counters of the collector's work, for the benchmark and the tests. */
export interface CollectorStats {
  runs: number;
  /** Repositories read whose content changed (or was read for the first time). */
  reads: number;
  /** Repositories whose revision (ETag, file digest) had not changed: no read, no parse. */
  notModified: number;
  /** Environment roots evaluated. */
  evaluations: number;
  failures: number;
}

interface RepositoryState {
  revision: string;
  readAt: string;
  /** Empty when restored from the shared store: only the revision is kept there. */
  files: IacFile[];
  restored?: boolean;
}

/** What the collector writes to the cache service after each run. */
interface SharedState {
  evidence: StoredEvidence[];
  repositories: Array<{ location: string; revision: string; readAt: string }>;
}

/** The cache key; versioned, so a new shape never reads an old one. */
export const EVIDENCE_CACHE_KEY = 'evidence.collected.v1';
/** Long enough to outlive a restart or an outage of the collector, short of forever. */
const STORE_TTL_MS = 7 * 24 * 3600 * 1000;

export class EvidenceCollector {
  private readonly evidence = new Map<string, StoredEvidence>();
  private readonly repositories = new Map<string, RepositoryState>();
  private running: Promise<void> | undefined;
  readonly stats: CollectorStats = {
    runs: 0,
    reads: 0,
    notModified: 0,
    evaluations: 0,
    failures: 0,
  };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      reader: UrlReaderService;
      logger: LoggerService;
      /** Where results outlive this instance; none: memory only. */
      cache?: CacheService;
    },
  ) {}

  /**
   * Takes the results another instance (or this one before a restart) stored, where they
   * are newer than this instance's. A cache that is down only costs a re-read.
   */
  async restore(): Promise<void> {
    const { cache } = this.options;
    if (!cache) return;
    let shared: SharedState | undefined;
    try {
      shared = (await cache.get(EVIDENCE_CACHE_KEY)) as SharedState | undefined;
    } catch (error) {
      this.options.logger.warn(
        `Could not read stored code evidence: ${(error as Error).message}`,
      );
      return;
    }
    if (!shared) return;
    for (const entry of shared.evidence ?? []) {
      const mine = this.evidence.get(entry.entityRef);
      if (!mine || mine.source.readAt < entry.source.readAt)
        this.evidence.set(entry.entityRef, entry);
    }
    for (const repo of shared.repositories ?? []) {
      const mine = this.repositories.get(repo.location);
      if (!mine || mine.readAt < repo.readAt)
        this.repositories.set(repo.location, {
          revision: repo.revision,
          readAt: repo.readAt,
          files: [],
          restored: true,
        });
    }
  }

  private async store(): Promise<void> {
    const { cache } = this.options;
    if (!cache) return;
    const shared: SharedState = {
      evidence: [...this.evidence.values()],
      repositories: [...this.repositories].map(([location, r]) => ({
        location,
        revision: r.revision,
        readAt: r.readAt,
      })),
    };
    try {
      await cache.set(EVIDENCE_CACHE_KEY, shared as any, { ttl: STORE_TTL_MS });
    } catch (error) {
      this.options.logger.warn(
        `Could not store code evidence: ${(error as Error).message}`,
      );
    }
  }

  /** The stored evidence of an environment entity ref. */
  get(entityRef: string): StoredEvidence | undefined {
    return this.evidence.get(entityRef);
  }

  /** Runs once; a call while a run is under way waits for that run. */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.collect().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async readAll(filter: Record<string, string>, fields: string[]) {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of this.options.catalog.streamEntities(
      { filter, fields, pageSize: 1000 },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }

  private async collect(): Promise<void> {
    this.stats.runs++;
    await this.restore();
    const envQuery = allEnvironmentsQuery();
    const serviceQuery = allServicesQuery();
    const [environments, services] = await Promise.all([
      this.readAll(envQuery.filter, envQuery.fields),
      this.readAll(serviceQuery.filter, serviceQuery.fields),
    ]);
    const servicesByRef = new Map(
      services.map(s => [stringifyEntityRef(s), s]),
    );

    // Environments grouped by repository, so each repository is read once.
    const byRepository = new Map<
      string,
      {
        source: NonNullable<ReturnType<typeof repositorySourceOf>>;
        envs: Array<{ ref: string; iacPath: string }>;
      }
    >();
    const seen = new Set<string>();
    for (const entity of environments) {
      const parsed = parseEnvironment(entity);
      if (!parsed.ok || !parsed.value.iacPath) continue;
      const service = servicesByRef.get(parsed.value.serviceRefs[0] ?? '');
      const source = repositorySourceOf(entity, service);
      if (!source) continue;
      const ref = stringifyEntityRef(entity);
      seen.add(ref);
      let group = byRepository.get(source.location);
      if (!group) {
        group = { source, envs: [] };
        byRepository.set(source.location, group);
      }
      group.envs.push({ ref, iacPath: parsed.value.iacPath });
    }

    for (const [location, { source, envs }] of byRepository) {
      let last = this.repositories.get(location);
      // Restored without its files: an environment without evidence at that revision
      // needs them, so read the repository again.
      if (
        last?.restored &&
        envs.some(e => {
          const stored = this.evidence.get(e.ref);
          return (
            !stored ||
            stored.iacPath !== e.iacPath ||
            stored.source.revision !== last!.revision
          );
        })
      ) {
        last = undefined;
      }
      let state = last;
      try {
        const result = await readRepository(
          source,
          this.options.reader,
          last?.revision,
        );
        if (result.changed || !last) {
          state = {
            revision: result.revision,
            readAt: new Date().toISOString(),
            files: result.changed ? result.files : [],
          };
          this.repositories.set(location, state);
          this.stats.reads++;
        } else {
          this.stats.notModified++;
        }
      } catch (error) {
        this.stats.failures++;
        this.options.logger.warn(
          `Could not read the infrastructure code at ${location}: ${
            (error as Error).message
          }`,
        );
        continue;
      }
      for (const { ref, iacPath } of envs) {
        const stored = this.evidence.get(ref);
        if (
          stored &&
          stored.iacPath === iacPath &&
          stored.source.revision === state!.revision &&
          stored.source.location === location
        ) {
          continue; // unchanged repository: no parse
        }
        this.stats.evaluations++;
        this.evidence.set(ref, {
          entityRef: ref,
          iacPath,
          source: {
            location,
            revision: state!.revision,
            readAt: state!.readAt,
          },
          findings: collectEnvironmentEvidence(state!.files, iacPath),
        });
      }
    }
    for (const ref of [...this.evidence.keys()]) {
      if (!seen.has(ref)) this.evidence.delete(ref);
    }
    await this.store();
  }
}
