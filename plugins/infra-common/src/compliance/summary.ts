/*
 * Over 500 lines on purpose: the fast path is one pass whose rules must be read together.
 *
 * Compliance status of a whole catalog, straight from its entities: per service, the
 * status of each of its frameworks (compliant, at-risk, non-compliant, unknown), how many
 * environments were read for it and how many contract problems it has. No evidence, no
 * fix hints, no views: what the overview page and its backend show, for every service at
 * once. The entity page keeps `evaluateCompliance`, the full report with evidence.
 *
 * The answer is, service for service, the one of the full path (parseService and
 * parseEnvironment, the environments grouped by the services they name, then
 * evaluateCompliance; summary.test.ts checks it with fast-check over generated catalogs):
 *
 * - An environment the contract rejects (parseEnvironment not ok) is left out, exactly as
 *   the full path leaves it out: it gives no data to any control, and its issues count as
 *   problems of the services it names.
 * - The rules are compiled once per CompiledRules into bit masks: each distinct control is
 *   a bit, each stage a mask of the controls that apply to it, each framework a mask of
 *   its required and of its recommended controls. Each environment is checked once, each
 *   control once, however many services and frameworks share it, by the control's own
 *   `check`. The raw `spec.environment` is validated with typeof checks that accept only
 *   what the contract's schema accepts (anything else goes to parseEnvironment, which
 *   decides), and its controls are copied on the way into one reused object of a fixed
 *   shape, so the checks read one shape and nothing is allocated per environment.
 * - A service then ORs the fail / unknown / applicable masks of its environments, and a
 *   framework's status is four mask tests.
 */
import {
  DEFAULT_NAMESPACE,
  Entity,
  RELATION_DEPENDENCY_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_COMPLIANCE_FRAMEWORKS,
  ANNOTATION_IAC_PATH,
  CLOUDS,
  DR_PATTERNS,
  FRAMEWORK_IDS,
  FrameworkId,
  isEnvironmentEntity,
  parseEnvironment,
  parseFrameworks,
  Stage,
  STAGES,
  type DeclaredControls,
} from '../catalog';
import * as controlChecks from '../catalog/controlChecks';
import { tryParseRef } from '../catalog/refs';
import {
  CompiledRules,
  defaultRules,
  FrameworkStatus,
  NO_PRODUCTION_REASON,
} from './evaluate';

/**
 * One service's compliance at a glance. Services with the same answer share one frozen
 * object (and one frozen `frameworks` record): copy before changing.
 *
 * @public
 */
export interface ComplianceSummary {
  /**
   * The status of each known framework of the service's `plinth.dev/compliance-frameworks`
   * annotation, keys in the annotation's order; unknown ids are left out (and counted in
   * `problems`). The same statuses `evaluateCompliance` gives.
   */
  readonly frameworks: Readonly<Partial<Record<FrameworkId, FrameworkStatus>>>;
  /** Environments read for the service: those the contract accepts that name it. */
  readonly environments: number;
  /**
   * Contract issues of the service and of the environments that name it, as the catalog
   * parsers report them (an unknown framework id, an environment that cannot be read,
   * an IaC path outside the repository...). 0 when the data is clean; the overview's
   * "N data problems".
   */
  readonly problems: number;
  /** Why the statuses are unknown when the service has environments: `no production environment`. */
  readonly reason?: string;
}

type Check = (controls: DeclaredControls) => boolean | undefined;

interface StatusRules {
  checks: Check[];
  /** Per stage, the controls (bits) that apply to it. */
  stageMask: Record<Stage, number>;
  /** Per framework, its required and recommended controls (bits); absent when unknown. */
  frameworks: Partial<
    Record<FrameworkId, { required: number; recommended: number }>
  >;
}

const compiledCache = new WeakMap<CompiledRules, StatusRules>();

/** The rules as bit masks: one bit per distinct control. */
function statusRulesOf(rules: CompiledRules): StatusRules {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  if (rules.controls.length > 31) {
    throw new Error(
      `summarizeCompliance handles up to 31 distinct controls, got ${rules.controls.length}`,
    );
  }
  const stageMask: Record<Stage, number> = {
    development: 0,
    staging: 0,
    production: 0,
  };
  rules.controls.forEach((control, i) => {
    for (const stage of control.stages) stageMask[stage] |= 1 << i;
  });
  const frameworks: StatusRules['frameworks'] = {};
  for (const id of FRAMEWORK_IDS) {
    const compiled = rules.framework(id);
    if (!compiled) continue;
    let required = 0;
    let recommended = 0;
    for (const req of compiled.requirements) {
      if (req.severity === 'required') required |= 1 << req.controlIndex;
      else recommended |= 1 << req.controlIndex;
    }
    frameworks[id] = { required, recommended };
  }
  const result = {
    checks: rules.controls.map(c => c.check),
    stageMask,
    frameworks,
  };
  compiledCache.set(rules, result);
  return result;
}

// --- The contract, checked by hand (what parseEnvironmentDataFast accepts, no copies) ---

// Module-local copies: imported bindings are read through getters once compiled to CommonJS.
const STAGE_VALUES: readonly string[] = STAGES;
const CLOUD_VALUES: readonly string[] = CLOUDS;
const DR_PATTERN_VALUES: readonly string[] = DR_PATTERNS;
const DEPENDENCY_OF = RELATION_DEPENDENCY_OF;
const IAC_PATH = ANNOTATION_IAC_PATH;
const isEnvironment = isEnvironmentEntity;
const parseRef = tryParseRef;

const { isFlag, isOneOf } = controlChecks;
const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/**
 * The declared controls of the environment being read: one object, reused for every
 * environment, always of the same shape, so the controls' checks read it at full speed.
 * Filled from the raw entity by {@link readControls}; never handed out.
 */
class ControlsScratch
  implements Required<Record<keyof DeclaredControls, unknown>>
{
  encryptionAtRest: unknown = undefined;
  encryptionInTransit: unknown = undefined;
  tlsMinVersion: unknown = undefined;
  auditLogging: unknown = undefined;
  auditLogRetentionDays: unknown = undefined;
  backups: unknown = undefined;
  backupRetentionDays: unknown = undefined;
  pointInTimeRecovery: unknown = undefined;
  multiAz: unknown = undefined;
  flowLogs: unknown = undefined;
  privateDataTier: unknown = undefined;
  networkSegmentation: unknown = undefined;
  deletionProtection: unknown = undefined;
  waf: unknown = undefined;
  leastPrivilegeRoles: unknown = undefined;
  secretsManagement: unknown = undefined;
  dataResidency: unknown = undefined;
  restoreTested: unknown = undefined;

  clear() {
    this.encryptionAtRest = undefined;
    this.encryptionInTransit = undefined;
    this.tlsMinVersion = undefined;
    this.auditLogging = undefined;
    this.auditLogRetentionDays = undefined;
    this.backups = undefined;
    this.backupRetentionDays = undefined;
    this.pointInTimeRecovery = undefined;
    this.multiAz = undefined;
    this.flowLogs = undefined;
    this.privateDataTier = undefined;
    this.networkSegmentation = undefined;
    this.deletionProtection = undefined;
    this.waf = undefined;
    this.leastPrivilegeRoles = undefined;
    this.secretsManagement = undefined;
    this.dataResidency = undefined;
    this.restoreTested = undefined;
  }
}

/** The declared controls in the schema's order, the order Plinth writes them in. */
const CONTROL_KEYS: ReadonlyArray<keyof DeclaredControls> = Object.keys(
  new ControlsScratch(),
) as Array<keyof DeclaredControls>;
const CONTROL_INDEX = new Map<string, number>(
  CONTROL_KEYS.map((key, i) => [key, i]),
);

/** The checks by index in CONTROL_KEYS, so a read costs no lookup by name. */
const CHECK_BY_INDEX = CONTROL_KEYS.map(
  key => controlChecks.CONTROL_CHECKS[key],
);

/**
 * Checks one declared control (by its index in CONTROL_KEYS) as the schema does and copies
 * it into the scratch; false for a value the schema rejects.
 */
function readControl(c: ControlsScratch, index: number, v: unknown): boolean {
  (c as Record<keyof DeclaredControls, unknown>)[CONTROL_KEYS[index]] = v;
  return CHECK_BY_INDEX[index](v);
}

/** Fills the scratch from raw declared controls; false when the schema would reject them. */
function readControls(value: unknown, scratch: ControlsScratch): boolean {
  scratch.clear();
  if (value === undefined) return true;
  if (!isPlainObject(value)) return false;
  const count = CONTROL_KEYS.length;
  let next = 0;
  // Inherited enumerable keys count too, as in zod's strict check.
  // eslint-disable-next-line guard-for-in
  for (const key in value) {
    // Keys in the schema's order cost a comparison or two; others a lookup.
    let index = next;
    while (index < count && CONTROL_KEYS[index] !== key) index++;
    if (index < count) {
      next = index + 1;
    } else {
      const found = CONTROL_INDEX.get(key);
      if (found === undefined) return false; // unknown field: the schema is strict
      index = found;
    }
    if (!readControl(scratch, index, value[key])) return false;
  }
  return true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The stage of an environment the contract certainly accepts (its schema, by typeof
 * checks), its declared controls copied into the scratch; undefined when unsure, and
 * parseEnvironment decides.
 */
function readEnvironment(
  entity: Entity,
  scratch: ControlsScratch,
): Stage | undefined {
  if (!isEnvironment(entity)) return undefined;
  const env = (entity.spec as Record<string, unknown>).environment;
  if (!isPlainObject(env)) return undefined;
  const { name, stage, cloud, regions } = env;
  if (
    typeof name !== 'string' ||
    !ENVIRONMENT_NAME.test(name) ||
    stage === undefined ||
    !isOneOf(stage, STAGE_VALUES) ||
    cloud === undefined ||
    !isOneOf(cloud, CLOUD_VALUES) ||
    !Array.isArray(regions) ||
    regions.length === 0 ||
    !isFlag(env.multiAz) ||
    !isFlag(env.multiRegion) ||
    !isOneOf(env.drPattern, DR_PATTERN_VALUES)
  ) {
    return undefined;
  }
  for (let i = 0; i < regions.length; i++) {
    const region = regions[i];
    if (typeof region !== 'string' || region === '') return undefined;
  }
  return readControls(env.controls, scratch) ? (stage as Stage) : undefined;
}

/** What parseEnvironment reports about the IaC path annotation: 0 or 1 issue. */
function iacPathIssues(entity: Entity): number {
  const iacPath = entity.metadata.annotations?.[IAC_PATH];
  return iacPath !== undefined &&
    (iacPath.startsWith('/') || iacPath.split('/').includes('..'))
    ? 1
    : 0;
}

/**
 * The services an environment the contract rejects names, read without trusting the
 * rest of it (as the overview backend does), so its problems show on their rows.
 */
function ownersOfBrokenEnvironment(entity: Entity): string[] {
  const refs: string[] = [];
  for (const r of entity.relations ?? []) {
    if (
      r.type === RELATION_DEPENDENCY_OF &&
      r.targetRef.startsWith('component:') &&
      !refs.includes(r.targetRef)
    ) {
      refs.push(r.targetRef);
    }
  }
  const declared = (entity.spec as Record<string, unknown> | undefined)
    ?.dependencyOf;
  if (Array.isArray(declared)) {
    const context = {
      defaultKind: 'component',
      defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    };
    for (const value of declared) {
      const ref = tryParseRef(value, context);
      if (ref?.startsWith('component:') && !refs.includes(ref)) refs.push(ref);
    }
  }
  return refs;
}

/** A service's annotation, read once per distinct value. */
interface FrameworkList {
  ids: FrameworkId[];
  masks: Array<{ required: number; recommended: number; all: number }>;
  issues: number;
  /** Distinct per list, for the cache of shared status records. */
  key: number;
}

/** Per service (by index), what its environments add up to. */
class Accumulators {
  /** Controls (bits) that failed in one of its environments. */
  readonly failed: Int32Array;
  /** Controls without data in one of its environments. */
  readonly unknown: Int32Array;
  /** Controls that apply to the stage of one of its environments. */
  readonly applicable: Int32Array;
  readonly environments: Int32Array;
  /** Its production environments: without one, every framework is unknown. */
  readonly production: Int32Array;
  readonly problems: Int32Array;
  /** The last environment (index + 1) counted: an environment naming a service twice counts once. */
  private readonly seen: Int32Array;

  constructor(private readonly indexByRef: Map<string, number>) {
    const n = indexByRef.size;
    this.failed = new Int32Array(n);
    this.unknown = new Int32Array(n);
    this.applicable = new Int32Array(n);
    this.environments = new Int32Array(n);
    this.production = new Int32Array(n);
    this.problems = new Int32Array(n);
    this.seen = new Int32Array(n);
  }

  add(
    ref: string,
    stamp: number,
    applies: number,
    fail: number,
    unsure: number,
    issues: number,
    production: boolean,
  ) {
    const s = this.indexByRef.get(ref);
    if (s === undefined || this.seen[s] === stamp) return;
    this.seen[s] = stamp;
    this.failed[s] |= fail;
    this.unknown[s] |= unsure;
    this.applicable[s] |= applies;
    this.environments[s]++;
    if (production) this.production[s]++;
    this.problems[s] += issues;
  }
}

const STATUS_CODES: FrameworkStatus[] = [
  'unknown',
  'compliant',
  'at-risk',
  'non-compliant',
];

/**
 * The compliance status of every service of a catalog, from the entities as the catalog
 * API returns them, with the rules of Plinth's five frameworks. See {@link ComplianceSummary}.
 *
 * @param services - the services (`Component` entities)
 * @param environments - the environments (`Resource` entities of type `environment`);
 *   each counts for the services it names in `spec.dependencyOf` or its `dependencyOf`
 *   relations
 * @returns one summary per service, keyed by the service's entity ref
 *
 * @public
 */
export function summarizeCompliance(
  services: readonly Entity[],
  environments: readonly Entity[],
): Map<string, ComplianceSummary> {
  return summarizeComplianceWith(defaultRules, services, environments);
}

/** {@link summarizeCompliance} with other compiled rules (at most 31 distinct controls). */
export function summarizeComplianceWith(
  rules: CompiledRules,
  services: readonly Entity[],
  environments: readonly Entity[],
): Map<string, ComplianceSummary> {
  const { checks, stageMask, frameworks } = statusRulesOf(rules);

  // Services first: an index per distinct ref for the per-service accumulators.
  const serviceRefs: string[] = new Array(services.length);
  const indexByRef = new Map<string, number>();
  for (let i = 0; i < services.length; i++) {
    const ref = stringifyEntityRef(services[i]);
    serviceRefs[i] = ref;
    if (indexByRef.get(ref) === undefined) indexByRef.set(ref, indexByRef.size);
  }
  const acc = new Accumulators(indexByRef);

  const contexts = new Map<string, { defaultNamespace: string }>();
  const scratch = new ControlsScratch();
  for (let e = 0; e < environments.length; e++) {
    const entity = environments[e];
    const stamp = e + 1;
    let stage = readEnvironment(entity, scratch);
    let controls: DeclaredControls;
    let issues: number;
    let refs: readonly string[] | undefined;
    if (stage) {
      controls = scratch as DeclaredControls;
      issues = iacPathIssues(entity);
    } else {
      // Unsure or malformed: the parser decides, and words the issues.
      const parsed = parseEnvironment(entity);
      if (!parsed.ok) {
        for (const ref of ownersOfBrokenEnvironment(entity)) {
          const s = indexByRef.get(ref);
          if (s !== undefined) acc.problems[s] += parsed.issues.length;
        }
        continue;
      }
      stage = parsed.value.stage;
      controls = parsed.value.controls;
      issues = parsed.issues.length;
      refs = parsed.value.serviceRefs;
    }

    // Each control that applies to the stage, checked once for every service.
    const applies = stageMask[stage];
    const isProduction = stage === 'production';
    let fail = 0;
    let unsure = 0;
    for (let i = 0; i < checks.length; i++) {
      const bit = 1 << i;
      if ((applies & bit) === 0) continue;
      const result = checks[i](controls);
      if (result === undefined) unsure |= bit;
      else if (!result) fail |= bit;
    }

    if (refs) {
      for (const ref of refs)
        acc.add(ref, stamp, applies, fail, unsure, issues, isProduction);
      continue;
    }
    // The service refs as parseEnvironment collects them: spec.dependencyOf, then relations.
    const declared = (entity.spec as Record<string, unknown>).dependencyOf;
    if (Array.isArray(declared)) {
      const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
      let context = contexts.get(namespace);
      if (!context) {
        context = { defaultNamespace: namespace };
        contexts.set(namespace, context);
      }
      for (const item of declared) {
        const ref = parseRef(item, context);
        if (ref !== undefined && ref.startsWith('component:'))
          acc.add(ref, stamp, applies, fail, unsure, issues, isProduction);
      }
    }
    const relations = entity.relations;
    if (relations) {
      for (const r of relations) {
        if (r.type === DEPENDENCY_OF && r.targetRef.startsWith('component:'))
          acc.add(
            r.targetRef,
            stamp,
            applies,
            fail,
            unsure,
            issues,
            isProduction,
          );
      }
    }
  }

  // Per service: the statuses of its frameworks from its masks; equal answers shared.
  const lists = new Map<unknown, FrameworkList>();
  const records = new Map<number, ComplianceSummary['frameworks']>();
  const summaries = new Map<number, ComplianceSummary>();
  const result = new Map<string, ComplianceSummary>();
  for (let i = 0; i < services.length; i++) {
    const entity = services[i];
    const s = indexByRef.get(serviceRefs[i])!;
    const list = frameworkListOf(entity, frameworks, lists);
    const envs = acc.environments[s];
    const noProduction = envs > 0 && acc.production[s] === 0 ? 1 : 0;
    const fail = acc.failed[s];
    const known = acc.applicable[s] & ~acc.unknown[s];
    const unsure = acc.unknown[s] & ~fail;
    let code = 0;
    for (let f = 0; f < list.masks.length; f++) {
      const { required, recommended, all } = list.masks[f];
      let status = 0; // unknown: no environment, none in production, or no data
      if (envs > 0 && noProduction === 0) {
        if ((fail & required) !== 0) status = 3;
        else if (((known | fail) & all) === 0) status = 0;
        else if ((unsure & all) !== 0 || (fail & recommended) !== 0) status = 2;
        else status = 1;
      }
      code |= status << (2 * f);
    }
    const key = list.key * 1024 + code;
    let record = records.get(key);
    if (!record) {
      const statuses: Partial<Record<FrameworkId, FrameworkStatus>> = {};
      for (let f = 0; f < list.ids.length; f++)
        statuses[list.ids[f]] = STATUS_CODES[(code >> (2 * f)) & 3];
      record = Object.freeze(statuses);
      records.set(key, record);
    }
    const problems = acc.problems[s] + list.issues;
    // Most services share their answer with many others: one frozen object per answer.
    const summaryKey =
      envs < 256 && problems < 256
        ? (key * 65536 + envs * 256 + problems) * 2 + noProduction
        : -1;
    let summary = summaries.get(summaryKey);
    if (!summary) {
      summary = Object.freeze(
        noProduction
          ? {
              frameworks: record,
              environments: envs,
              problems,
              reason: NO_PRODUCTION_REASON,
            }
          : { frameworks: record, environments: envs, problems },
      );
      if (summaryKey >= 0) summaries.set(summaryKey, summary);
    }
    result.set(serviceRefs[i], summary);
  }
  return result;
}

const NOT_A_SERVICE: FrameworkList = { ids: [], masks: [], issues: 1, key: 0 };

/** The service's frameworks as parseService reads them, once per distinct annotation. */
function frameworkListOf(
  entity: Entity,
  frameworks: StatusRules['frameworks'],
  lists: Map<unknown, FrameworkList>,
): FrameworkList {
  const kind = entity.kind;
  if (
    (kind !== 'Component' &&
      kind?.toLocaleLowerCase('en-US') !== 'component') ||
    !entity.metadata?.name
  ) {
    return NOT_A_SERVICE; // parseService reports the kind or the name; no frameworks
  }
  const annotation =
    entity.metadata.annotations?.[ANNOTATION_COMPLIANCE_FRAMEWORKS];
  let list = lists.get(annotation);
  if (!list) {
    const parsed = parseFrameworks(entity);
    // At most five ids (each once), so the statuses fit 10 bits of the record key.
    const ids = parsed.frameworks.filter(id => frameworks[id] !== undefined);
    list = {
      ids,
      masks: ids.map(id => {
        const { required, recommended } = frameworks[id]!;
        return { required, recommended, all: required | recommended };
      }),
      issues: parsed.issues.length,
      key: lists.size + 1,
    };
    lists.set(annotation, list);
  }
  return list;
}
