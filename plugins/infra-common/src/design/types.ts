/*
 * The Design: everything the renderers need to write the infrastructure repository
 * (Terraform for aws/gcp/azure, OpenSLO, Prometheus rules, docs, CI, catalog-info)
 * without deriving anything again. It is plain JSON: it travels between scaffolder steps
 * as `${{ steps.plan.output.design }}`. Optional fields are omitted, never `undefined`
 * on purpose, and nothing here is a class, a Date or a function.
 */
import type {
  Cloud,
  DataResidency,
  DeclaredControls,
  DrPattern,
  FrameworkId,
  Stage,
  TlsVersion,
} from '../catalog';

/**
 * Bumped when a field changes meaning; renderers refuse versions they do not know.
 *
 * @public
 */
export const DESIGN_VERSION = 1;

/** @public */
export type WorkloadType =
  | 'http-api'
  | 'web-frontend'
  | 'worker'
  | 'batch'
  | 'stream-processor';
/** @public */
export type TrafficPattern = 'steady' | 'diurnal' | 'spiky' | 'batch';
/** @public */
export type DataClassification =
  | 'public'
  | 'internal'
  | 'confidential'
  | 'restricted';
/** @public */
export type DataKind = 'pii' | 'phi' | 'cardholder';
/** @public */
export type ComputeKind = 'kubernetes' | 'containers' | 'vms' | 'serverless';
/** @public */
export type SubnetTier = 'public' | 'private' | 'data';
/** @public */
export type SizeClass = 'small' | 'medium' | 'large' | 'xlarge';

/**
 * Which of the seven workflow steps a decision belongs to.
 *
 * @public
 */
export type WorkflowStep = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** @public */
export interface Decision {
  /** Stable id, e.g. `prod.redundancy.multiAz` or `slo.availability.budget`. */
  id: string;
  step: WorkflowStep;
  title: string;
  value: string | number | boolean | string[];
  reason: string;
  /** answered: the user's answer; derived: computed from answers; default: nothing was given. */
  origin: 'answered' | 'derived' | 'default';
}

/** @public */
export interface DesignWarning {
  /** Stable code, e.g. `budget-exceeded`, `single-region-high-availability`. */
  code: string;
  message: string;
  /** The answer (dotted path) the warning is about, when there is one. */
  path?: string;
}

/** @public */
export interface ServiceInfo {
  name: string;
  owner: string;
  system?: string;
  description?: string;
  workloadType: WorkloadType;
  trafficPattern: TrafficPattern;
  peakRps: number;
  dataClassification: DataClassification;
  dataKinds: DataKind[];
  storageGb: number;
  stateful: boolean;
  dataResidency: DataResidency;
  frameworks: FrameworkId[];
}

/** @public */
export interface Subnet {
  /** Unique within the network: `<tier>-<zone index>` or `<tier>` for regional subnets. */
  name: string;
  tier: SubnetTier;
  /** The zone; absent for regional subnets (GCP and Azure subnets span the region). */
  zone?: string;
  cidr: string;
}

/**
 * Where traffic may come from: the internet, a CIDR block, or another tier.
 *
 * @public
 */
export type RuleSource =
  | { kind: 'internet' }
  | { kind: 'cidr'; cidr: string }
  | { kind: 'tier'; tier: SubnetTier };

/** @public */
export interface FirewallRule {
  name: string;
  /** The tier the rule protects. */
  tier: SubnetTier;
  direction: 'ingress' | 'egress';
  protocol: 'tcp' | 'udp' | 'all';
  fromPort: number;
  toPort: number;
  /** For ingress the source, for egress the destination. */
  peer: RuleSource;
  description: string;
}

/** @public */
export interface RegionNetwork {
  region: string;
  role: 'primary' | 'secondary';
  cidr: string;
  zones: string[];
  subnets: Subnet[];
  /** One NAT gateway per zone in production, one in total elsewhere. */
  natGateways: number;
}

/** @public */
export interface LoadBalancerDesign {
  scheme: 'public' | 'internal';
  tlsMinVersion: TlsVersion;
  httpToHttpsRedirect: boolean;
  waf: boolean;
  healthCheckPath: string;
  /** The port the workload listens on behind the load balancer. */
  targetPort: number;
}

/** @public */
export interface ComputeDesign {
  kind: ComputeKind;
  sizeClass: SizeClass;
  /** The cloud's machine type for nodes or instances, or the serverless memory size. */
  instanceType: string;
  vcpu: number;
  memoryGb: number;
  autoscaling: { min: number; max: number };
  /** Replicas spread across this many zones. */
  zoneSpread: number;
  healthCheckPath: string;
  /** Capacity reserved above the measured peak, as a factor (1.5 = 50% headroom). */
  headroom: number;
}

/** @public */
export interface DatabaseDesign {
  engine: 'postgres' | 'mysql';
  engineVersion: string;
  sizeClass: SizeClass;
  instanceType: string;
  storageGb: number;
  multiAz: boolean;
  backupRetentionDays: number;
  pointInTimeRecovery: boolean;
  deletionProtection: boolean;
  /** Always true: databases get no public address. */
  private: true;
  port: number;
  /** Read replicas in the secondary regions (multi-region designs). */
  crossRegionReplicas: string[];
}

/** @public */
export interface CacheDesign {
  engine: 'redis';
  instanceType: string;
  memoryGb: number;
  multiAz: boolean;
  port: number;
}

/** @public */
export interface EncryptionDesign {
  atRest: 'managed-key' | 'provider-managed';
  /** A customer-managed key (KMS, Cloud KMS, Key Vault) with yearly automatic rotation. */
  keyRotation: boolean;
  keyRotationDays: number;
  inTransit: true;
  tlsMinVersion: TlsVersion;
}

/** @public */
export interface EnvironmentDesign {
  name: string;
  stage: Stage;
  cloud: Cloud;
  regions: { primary: string; secondary: string[] };
  multiAz: boolean;
  multiRegion: boolean;
  /** The primary region's zones used by the workload. */
  zones: string[];
  /** The primary region's VPC/VNet block. */
  cidr: string;
  /** Networks per region, the primary first. */
  networks: RegionNetwork[];
  /** Security-group / firewall rules by tier; the same in every region. */
  firewallRules: FirewallRule[];
  loadBalancer: LoadBalancerDesign;
  compute: ComputeDesign;
  database?: DatabaseDesign;
  cache?: CacheDesign;
  encryption: EncryptionDesign;
  auditLog: { enabled: true; retentionDays: number };
  flowLogs: { enabled: boolean; retentionDays: number };
  drPattern: DrPattern;
  rtoMinutes: number;
  rpoMinutes: number;
  /** What the environment will declare in the catalog (`spec.environment.controls`). */
  controls: DeclaredControls;
}

/** @public */
export interface StateBackend {
  kind: 's3' | 'gcs' | 'azurerm';
  /** Bucket or storage account name, derived from the service name. */
  bucket: string;
  /** Key prefix; each environment's state is `<prefix>/<environment>.tfstate`. */
  keyPrefix: string;
  region: string;
  encrypted: true;
  locking: 'native' | 'dynamodb' | 'blob-lease';
}

/** @public */
export interface IacDesign {
  tool: 'terraform' | 'opentofu' | 'pulumi';
  /** The modules under `terraform/modules/`. */
  modules: string[];
  /** One root per environment: `terraform/envs/<environment>`. */
  environmentRoots: Array<{ environment: string; path: string }>;
  stateBackend: StateBackend;
  ciProvider: 'github-actions' | 'gitlab-ci';
  /** Plan on every pull request; apply on merge. */
  planOnPullRequest: true;
  prodApproval: boolean;
  /** Environments whose apply waits for a person. */
  gatedEnvironments: string[];
  policyChecks: string[];
}

/** @public */
export type Severity = 'page' | 'ticket';

/** @public */
export interface BurnRateAlertTier {
  /** `page-quick`, `page-slow`, `ticket-quick`, `ticket-slow`, as Sloth names them. */
  name: string;
  severity: Severity;
  longWindow: string;
  shortWindow: string;
  longWindowMinutes: number;
  shortWindowMinutes: number;
  /** Share of the window's error budget spent when the alert fires, in percent. */
  budgetPercent: number;
  /** Burn-rate factor: budget share x window hours / long-window hours. */
  factor: number;
  /** The error-ratio threshold: factor x (1 - objective). */
  errorRatioThreshold: number;
}

/** @public */
export interface SliQueries {
  /** PromQL selecting good events (a rate over `[$window]`, substituted per window). */
  good: string;
  total: string;
  /** The SLI as an error ratio over `$window`, the basis of the recording rules. */
  errorRatio: string;
}

/** @public */
export interface SloDesign {
  /** Entity-safe name: `<service>-<kind>`. */
  name: string;
  displayName: string;
  kind: 'availability' | 'latency';
  description: string;
  /** Objective in percent: 99.95 */
  objectivePercent: number;
  windowDays: number;
  errorBudget: { ratio: number; minutes: number };
  /** For latency SLOs: requests faster than this count as good. */
  latencyThresholdMs?: number;
  workloadType: WorkloadType;
  queries: SliQueries;
  alerts: BurnRateAlertTier[];
  /** Environment the SLO is measured on (the production one). */
  environment: string;
}

/** @public */
export interface Runbook {
  id: string;
  title: string;
  /** Path in the generated repository. */
  path: string;
  why: string;
}

/** @public */
export interface OperationsDesign {
  monitoring: 'prometheus' | 'cloudwatch' | 'datadog';
  alertRouting: 'pagerduty' | 'opsgenie' | 'slack' | 'email';
  /** Where page alerts go and where tickets go. */
  routes: Array<{ severity: Severity; receiver: string }>;
  onCall?: string;
  runbooks: Runbook[];
}

/** @public */
export interface ImprovementDesign {
  costReviewCadence: 'monthly' | 'quarterly';
  sloReviewCadence: 'monthly' | 'quarterly';
  budgetAlertPercents: number[];
  monthlyBudgetUsd?: number;
  feedbackChannel: string;
}

/** @public */
export interface ComplianceRequirement {
  framework: FrameworkId;
  /** The framework's own ids: `10.5.1`, `CC6.7`, `164.312(b)`, `A.8.15`, `Art. 32(1)(a)`. */
  requirementIds: string[];
  controlId: string;
  title: string;
  /** What the design does to meet it. */
  howMet: string;
}

/** @public */
export type CostFamily =
  | 'compute'
  | 'kubernetes'
  | 'database'
  | 'cache'
  | 'network'
  | 'storage'
  | 'security'
  | 'observability';

/** @public */
export interface EnvironmentCost {
  environment: string;
  monthlyUsd: number;
  byFamily: Partial<Record<CostFamily, number>>;
}

/** @public */
export interface CostEstimate {
  currency: 'USD';
  environments: EnvironmentCost[];
  totalMonthlyUsd: number;
  monthlyBudgetUsd?: number;
  withinBudget?: boolean;
  /** The price table used: its source and date, since this is an estimate. */
  priceSource: string;
}

/** @public */
export interface Design {
  version: typeof DESIGN_VERSION;
  service: ServiceInfo;
  cloud: Cloud;
  environments: EnvironmentDesign[];
  iac: IacDesign;
  slos: SloDesign[];
  operations: OperationsDesign;
  improvement: ImprovementDesign;
  compliance: {
    frameworks: FrameworkId[];
    requirements: ComplianceRequirement[];
  };
  cost: CostEstimate;
  decisions: Decision[];
  warnings: DesignWarning[];
}
