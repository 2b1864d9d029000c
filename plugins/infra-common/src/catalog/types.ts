/*
 * The catalog contract as types: what Plinth writes into the catalog and what its
 * readers get back from the parsers in this folder. Reference: docs/catalog-contract.md.
 */

/** Compliance framework ids, as written in `plinth.dev/compliance-frameworks`. */
export const FRAMEWORK_IDS = [
  'soc2',
  'iso27001',
  'hipaa',
  'pci-dss',
  'gdpr',
] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export const ANNOTATION_COMPLIANCE_FRAMEWORKS =
  'plinth.dev/compliance-frameworks';
export const ANNOTATION_INFRA_SOURCE = 'plinth.dev/infra-source';
export const ANNOTATION_IAC_PATH = 'plinth.dev/iac-path';
export const ANNOTATION_SLO_OWNER = 'plinth.dev/owner';
export const ANNOTATION_SLO_RUNBOOK = 'plinth.dev/runbook';
export const ANNOTATION_SLO_SOURCE = 'plinth.dev/source';

export const ENVIRONMENT_RESOURCE_TYPE = 'environment';
export const SLO_KIND = 'SLO';
export const OPENSLO_API_VERSION = 'openslo/v1';

/** SLO -> Component */
export const RELATION_SLO_OF = 'sloOf';
/** Component -> SLO */
export const RELATION_HAS_SLO = 'hasSlo';

export const STAGES = ['development', 'staging', 'production'] as const;
export type Stage = (typeof STAGES)[number];
export const CLOUDS = ['aws', 'gcp', 'azure'] as const;
export type Cloud = (typeof CLOUDS)[number];
export const DR_PATTERNS = [
  'backup-restore',
  'pilot-light',
  'warm-standby',
  'active-active',
] as const;
export type DrPattern = (typeof DR_PATTERNS)[number];
export const RESIDENCIES = ['any', 'eu', 'us', 'uk'] as const;
export type DataResidency = (typeof RESIDENCIES)[number];
export const ENCRYPTION_AT_REST = [
  'managed-key',
  'provider-managed',
  'none',
] as const;
export type EncryptionAtRest = (typeof ENCRYPTION_AT_REST)[number];
export const TLS_VERSIONS = ['1.2', '1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/**
 * The controls an environment declares. Every field is optional: absent means
 * "no data", which the compliance evaluator reports as unknown, never as passing.
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

/** A problem found while reading an entity: the dotted path of the field and what is wrong. */
export interface ContractIssue {
  path: string;
  message: string;
}

/** A parser's answer: the typed view, or the precise problems. Parsers never throw. */
export type ParseResult<T> =
  | { ok: true; value: T; issues: ContractIssue[] }
  | { ok: false; issues: ContractIssue[] };

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

/** `reference`: the SLO names its SLI with `indicatorRef` instead of inlining it. */
export type SliKind = 'ratio' | 'threshold' | 'reference';

export interface SloObjectiveView {
  displayName?: string;
  /** As a fraction: 0.9995 */
  target: number;
  op?: string;
  value?: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
}

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
