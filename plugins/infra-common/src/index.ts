/**
 * The /infra domain shared by Plinth's packages: the answers model, the planner that
 * turns answers into an explained design, the SLO maths, the compliance frameworks and
 * their evaluator, and the catalog contract.
 *
 * The public surface is listed name by name (ADR 1801): what Plinth's other packages
 * and users' own plugins need, not every rule's constants. A new export is a reviewed
 * change: add it here, then run `yarn build:api-reports` and commit `report.api.md`.
 *
 * @packageDocumentation
 */

// The wizard's answers: schema, parser and the choices it offers.
export {
  ANSWER_SECTIONS,
  COMPUTE_KINDS,
  REGIONS,
  answersSchema,
  isRegionAllowed,
  parseAnswers,
  regionsFor,
  type AnswerIssue,
  type Answers,
  type AnswersInput,
  type ParseAnswersResult,
  networksOfEnvironment,
  overlappingNetworks,
  type UsedNetwork,
  type AnswerDefault,
  type AnswerSection,
  type Jurisdiction,
  type RegionInfo,
} from './answers';

// The planner's entry points and the design it produces.
export {
  planDesign,
  planFromInput,
  type PlanFromInputResult,
  type PlanOptions,
  type PlanResult,
} from './plan';
export {
  DESIGN_VERSION,
  REPOSITORY_NAME_MESSAGE,
  REPOSITORY_NAME_PATTERN,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_NAME_PATTERN,
  designSchema,
  infraRepositoryName,
  opensAdminPortsToTheWorld,
} from './design';
export type {
  BurnRateAlertTier,
  ComplianceRequirement,
  ComputeDesign,
  CostEstimate,
  CostFamily,
  DataClassification,
  DataKind,
  DesignWarning,
  EncryptionDesign,
  EnvironmentCost,
  IacDesign,
  ImprovementDesign,
  LoadBalancerDesign,
  OperationsDesign,
  ServiceInfo,
  Severity,
  SizeClass,
  SliQueries,
  Subnet,
  SubnetTier,
  TrafficPattern,
  CacheDesign,
  ComputeKind,
  DatabaseDesign,
  Decision,
  Design,
  EnvironmentDesign,
  FirewallRule,
  RegionNetwork,
  RuleSource,
  Runbook,
  SloDesign,
  StateBackend,
  WorkflowStep,
  WorkloadType,
} from './design';

// The catalog contract: what Plinth writes into the catalog, in the order a service's
// entities carry it, and the parsers and queries that read it back.
export {
  // The SLO kind, the annotations and the SLO's relations to its service.
  SLO_KIND,
  OPENSLO_API_VERSION,
  ANNOTATION_INFRA_SOURCE,
  ANNOTATION_IAC_PATH,
  ANNOTATION_COMPLIANCE_FRAMEWORKS,
  ANNOTATION_SLO_OWNER,
  ANNOTATION_SLO_SOURCE,
  ANNOTATION_SLO_RUNBOOK,
  RELATION_SLO_OF,
  RELATION_HAS_SLO,
  // The vocabularies of its fields.
  CLOUDS,
  STAGES,
  FRAMEWORK_IDS,
  DR_PATTERNS,
  ENCRYPTION_AT_REST,
  RESIDENCIES,
  TLS_VERSIONS,
  type Cloud,
  type Stage,
  type FrameworkId,
  type DrPattern,
  type EncryptionAtRest,
  type DataResidency,
  type TlsVersion,
  type SliKind,
  // Each entity to its view, or every broken field by its path.
  isEnvironmentEntity,
  parseEnvironment,
  isSloEntity,
  parseSlo,
  parseService,
  type ParseResult,
  type ServiceView,
  type EnvironmentView,
  type DeclaredControls,
  type SloView,
  type SloObjectiveView,
  type ContractIssue,
  formatIssue,
  formatIssues,
  // The catalog queries the portal makes.
  SERVICE_FIELDS,
  allEnvironmentsQuery,
  allSlosQuery,
  environmentQueryForService,
  sloQueryForService,
  type CatalogQuery,
} from './catalog';

// SLO maths: error budgets, burn-rate alerts and SLI queries.
export {
  DEFAULT_LATENCY_BUCKETS_MS,
  MAX_ERROR_RATIO_THRESHOLD,
  PROMETHEUS_MAJORS,
  WINDOW_PLACEHOLDER,
  bucketLabel,
  burnRateAlerts,
  errorBudget,
  errorRatioThreshold,
  sliMetrics,
  sliQueries,
  windowDays,
  type ErrorBudget,
  type MetricFamily,
  type PrometheusMajor,
} from './slo';

// Live SLOs: the Sloth series the portal reads back, and what it makes of them.
export {
  CARD_SERIES_REGEX,
  SLOTH_LABEL_ID,
  SLOTH_LABEL_SERVICE,
  SLOTH_LABEL_SLO,
  SLOTH_META_RECORDS,
  historyStepSeconds,
  readSlo,
  seriesKeys,
  seriesOf,
  sloKey,
  sloServiceName,
  slothSelector,
  type BudgetPoint,
  type BudgetStatus,
  type FiringAlert,
  type LiveProblem,
  type PromSample,
  type ServiceSlosLive,
  type SloLive,
  type SloLiveSummary,
  type SloReading,
} from './slo/live';

// Compliance: the evaluator and its report.
export {
  evaluateCompliance,
  summarizeCompliance,
  type ComplianceReport,
  type ControlResult,
  type ControlStatus,
  type FrameworkResult,
  type FrameworkStatus,
  type ComplianceEnvironment,
  type ComplianceSummary,
  type ControlEvidence,
  type RequirementSeverity,
  NO_PRODUCTION_REASON,
  type CodeFieldEvidence,
  type CodeLocation,
  type EnvironmentCode,
} from './compliance';

// Compliance from evidence: the rules that read controls from Terraform code.
export {
  EVIDENCE_RULES,
  collectEnvironmentEvidence,
  requirementsOfRule,
  withCodeEvidence,
  readHcl,
  type EnvironmentFindings,
  type EvidenceRule,
  type IacFile,
  type TfEnvironment,
  type TfResource,
  type HclAttribute,
  type HclBlock,
  type HclDocument,
} from './compliance';

// The overview endpoint's contract, shared by its backend and frontend.
export {
  COMPLIANCE_STATUSES,
  OVERVIEW_SORTS,
  type ComplianceStatus,
  type OverviewPage,
  type OverviewQuery,
  type OverviewSort,
  type ResolvedOverviewQuery,
  type ServiceSummary,
  type ServiceCompliance,
  type SummaryIssue,
  type SummarySlo,
  type ServiceLive,
} from './overview';

// Plinth's permissions, for permission policies.
export { infraPermissions, infraPlanPermission } from './permissions';

// Changing a generated repository: what a new design changes, and the three-way merge
// of each generated file with the hand edits in the repository (ADR 1600).
export {
  GENERATION_MANIFEST_PATH,
  diffDesigns,
  mergeGeneratedFile,
  planRepositoryChange,
  type ComplianceChange,
  type CostChange,
  type DecisionChange,
  type DecisionValue,
  type DesignDiff,
  type FileChange,
  type FileChangeStatus,
  type FrameworkComplianceState,
  type GenerationManifest,
  type MergeInput,
  type MergeResult,
  type MergeStatus,
  type RepositoryChangeInput,
  type RepositoryChangePlan,
} from './change';
