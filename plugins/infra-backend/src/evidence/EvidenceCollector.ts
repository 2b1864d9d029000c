/*
 * Collects code evidence for every environment in the catalog, as a scheduled task
 * (ADR 1500): per repository one read (skipped when its revision is unchanged), per
 * environment root one run of infra-common's evidence rules. The results are kept here,
 * so the overview and the compliance endpoint read them and never parse HCL on a request.
 */
import {
  AuthService,
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
  files: IacFile[];
}

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
    },
  ) {}

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
      const last = this.repositories.get(location);
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
  }
}
