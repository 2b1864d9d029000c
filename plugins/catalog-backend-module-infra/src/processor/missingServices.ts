/*
 * Which service references of an SLO or an environment name no entity in the catalog.
 *
 * An entity and the service it names often arrive together (one catalog-info.yaml), and
 * the catalog processes them in any order: the service may not be stored yet when the SLO
 * is processed. A reference is therefore reported only once it has been missing for a
 * grace period (by default one minute, less than one processing interval), so a new
 * repository never shows a passing error, and a reference that stays dangling is reported
 * from its next processing on.
 */
import type { ContractIssue } from '@plinth/backstage-plugin-infra-common';

/**
 * Resolves to the refs (as given) that are in the catalog, or undefined when the catalog
 * cannot answer now (then nothing is reported).
 */
export type ExistingEntities = (
  refs: string[],
) => Promise<Set<string> | undefined>;

export interface ServiceReference {
  /** The field of the referring entity, for the issue. */
  path: string;
  /** The full ref, `component:default/payments-api`. */
  ref: string;
}

const DEFAULT_GRACE_MS = 60_000;
/** Bounds the memory of first sightings; the oldest are dropped first. */
const MAX_REMEMBERED = 50_000;

export class MissingServices {
  readonly #existing: ExistingEntities;
  readonly #graceMs: number;
  readonly #now: () => number;
  /** `<referrer> <ref>` to when it was first seen missing. */
  readonly #firstMissing = new Map<string, number>();

  constructor(options: {
    existing: ExistingEntities;
    graceMs?: number;
    now?: () => number;
  }) {
    this.#existing = options.existing;
    this.#graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.#now = options.now ?? Date.now;
  }

  async issues(
    referrer: string,
    references: ServiceReference[],
  ): Promise<ContractIssue[]> {
    if (references.length === 0) return [];
    const existing = await this.#existing([
      ...new Set(references.map(r => r.ref)),
    ]);
    if (!existing) return [];
    const now = this.#now();
    const issues: ContractIssue[] = [];
    for (const { path, ref } of references) {
      const key = `${referrer} ${ref}`;
      if (existing.has(ref)) {
        this.#firstMissing.delete(key);
        continue;
      }
      const first = this.#firstMissing.get(key);
      if (first === undefined) {
        this.#remember(key, now);
      } else if (now - first >= this.#graceMs) {
        issues.push({
          path,
          message: `names ${ref}, which is not in the catalog`,
        });
      }
    }
    return issues;
  }

  #remember(key: string, at: number) {
    if (this.#firstMissing.size >= MAX_REMEMBERED) {
      const oldest = this.#firstMissing.keys().next().value;
      if (oldest !== undefined) this.#firstMissing.delete(oldest);
    }
    this.#firstMissing.set(key, at);
  }
}
