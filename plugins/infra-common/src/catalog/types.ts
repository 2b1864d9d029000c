/*
 * The catalog contract as types: what Plinth writes into the catalog and what its
 * readers get back from the parsers in this folder. Reference: docs/catalog-contract.md.
 */

/**
 * Compliance framework ids, as written in `plinth.dev/compliance-frameworks`.
 *
 * @public
 */
export const FRAMEWORK_IDS = [
  'soc2',
  'iso27001',
  'hipaa',
  'pci-dss',
  'gdpr',
] as const;
/** @public */
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** @public */
export const ANNOTATION_COMPLIANCE_FRAMEWORKS =
  'plinth.dev/compliance-frameworks';
/** @public */
export const ANNOTATION_INFRA_SOURCE = 'plinth.dev/infra-source';
/** @public */
export const ANNOTATION_IAC_PATH = 'plinth.dev/iac-path';
/** @public */
export const ANNOTATION_SLO_OWNER = 'plinth.dev/owner';
/** @public */
export const ANNOTATION_SLO_RUNBOOK = 'plinth.dev/runbook';
/** @public */
export const ANNOTATION_SLO_SOURCE = 'plinth.dev/source';

export const ENVIRONMENT_RESOURCE_TYPE = 'environment';
/** @public */
export const SLO_KIND = 'SLO';
/** @public */
export const OPENSLO_API_VERSION = 'openslo/v1';

/**
 * SLO -\> Component
 *
 * @public
 */
export const RELATION_SLO_OF = 'sloOf';
/**
 * Component -\> SLO
 *
 * @public
 */
export const RELATION_HAS_SLO = 'hasSlo';

/** @public */
export const STAGES = ['development', 'staging', 'production'] as const;
/** @public */
export type Stage = (typeof STAGES)[number];
/** @public */
export const CLOUDS = ['aws', 'gcp', 'azure'] as const;
/** @public */
export type Cloud = (typeof CLOUDS)[number];
/** @public */
export const DR_PATTERNS = [
  'backup-restore',
  'pilot-light',
  'warm-standby',
  'active-active',
] as const;
/** @public */
export type DrPattern = (typeof DR_PATTERNS)[number];
/** @public */
export const RESIDENCIES = ['any', 'eu', 'us', 'uk'] as const;
/** @public */
export type DataResidency = (typeof RESIDENCIES)[number];
/** @public */
export const ENCRYPTION_AT_REST = [
  'managed-key',
  'provider-managed',
  'none',
] as const;
/** @public */
export type EncryptionAtRest = (typeof ENCRYPTION_AT_REST)[number];
/** @public */
export const TLS_VERSIONS = ['1.2', '1.3'] as const;
/** @public */
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/**
 * The controls an environment declares. Every field is optional: absent means
 * "no data", which the compliance evaluator reports as unknown, never as passing.
 *
 * @public
 */
export interface DeclaredControls {
  encryptionAtRest?: EncryptionAtRest;
  encryptionInTransit?: boolean;
  tlsMinVersion?: TlsVersion;
  auditLogging?: boolean;
  auditLogRetentionDays?: number;
  backups?: boolean;
  backupRetentionDays?: number;
  pointInTimeRecovery?: boolean;
  multiAz?: boolean;
  flowLogs?: boolean;
  privateDataTier?: boolean;
  networkSegmentation?: boolean;
  deletionProtection?: boolean;
  waf?: boolean;
  leastPrivilegeRoles?: boolean;
  secretsManagement?: boolean;
  dataResidency?: DataResidency;
  restoreTested?: boolean;
}

/**
 * A problem found while reading an entity: the dotted path of the field and what is wrong.
 *
 * @public
 */
export interface ContractIssue {
  path: string;
  message: string;
}

/**
 * A parser's answer: the typed view, or the precise problems. Parsers never throw.
 *
 * @public
 */
export type ParseResult<T> =
  | { ok: true; value: T; issues: ContractIssue[] }
  | { ok: false; issues: ContractIssue[] };

/** @public */
export interface ServiceView {
  /** Entity ref, e.g. `component:default/payments-api` */
  ref: string;
  name: string;
  namespace: string;
  title?: string;
  owner?: string;
  system?: string;
  frameworks: FrameworkId[];
  infraSource?: string;
  /** Refs of its environments from `spec.dependsOn` and relations, when present. */
  environmentRefs: string[];
}

/** @public */
export interface EnvironmentView {
  ref: string;
  name: string;
  /** The environment's short name (`prod`), from `spec.environment.name`. */
  environmentName: string;
  stage: Stage;
  cloud: Cloud;
  regions: string[];
  multiAz: boolean;
  multiRegion: boolean;
  drPattern?: DrPattern;
  controls: DeclaredControls;
  /** Service refs from `spec.dependencyOf`. */
  serviceRefs: string[];
  iacPath?: string;
  owner?: string;
}

/**
 * `reference`: the SLO names its SLI with `indicatorRef` instead of inlining it.
 *
 * @public
 */
export type SliKind = 'ratio' | 'threshold' | 'reference';

/** @public */
export interface SloObjectiveView {
  displayName?: string;
  /** As a fraction: 0.9995 */
  target: number;
  op?: string;
  value?: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
}

/** @public */
export interface SloView {
  ref: string;
  name: string;
  displayName?: string;
  description?: string;
  /** The service's entity ref, resolved from `spec.service` in the SLO's namespace. */
  serviceRef: string;
  /** Objective as a fraction: 0.9995 */
  target: number;
  /** Window in days (from `spec.timeWindow[0].duration`) */
  windowDays: number;
  rolling: boolean;
  budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  /** Every objective; `target` and `indicator.threshold` come from the first. */
  objectives: SloObjectiveView[];
  indicator: {
    kind: SliKind;
    /** Queries of the metric sources, by role (good, bad, total, or the threshold query). */
    queries: Partial<Record<'good' | 'bad' | 'total' | 'raw', string>>;
    /** For a threshold SLI: the objective's op and value (latency in ms, for example). */
    threshold?: { op: string; value: number };
  };
  /** The SLI's name when the SLO references it instead of inlining it. */
  indicatorRef?: string;
  owner?: string;
  runbook?: string;
  source?: string;
}
