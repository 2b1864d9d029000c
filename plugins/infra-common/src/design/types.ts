/*
 * The Design: everything the renderers need to write the infrastructure repository
 * (Terraform for aws/gcp/azure, OpenSLO, Prometheus rules, docs, CI, catalog-info)
 * without deriving anything again. It is plain JSON: it travels between scaffolder steps
 * as `${{ steps.plan.output.design }}`. Optional fields are omitted, never `undefined`
 * on purpose, and nothing here is a class, a Date or a function.
 *
 * The shape is written once, as the zod schema in `schema.ts`; these types are inferred
 * from it. To add a field, add it to the schema.
 */
import type { z } from 'zod';
import type {
  burnRateAlertTierSchema,
  cacheSchema,
  complianceRequirementSchema,
  computeSchema,
  costEstimateSchema,
  databaseSchema,
  decisionSchema,
  designSchema,
  designWarningSchema,
  encryptionSchema,
  environmentCostSchema,
  environmentDesignSchema,
  firewallRuleSchema,
  iacSchema,
  improvementSchema,
  loadBalancerSchema,
  operationsSchema,
  regionNetworkSchema,
  ruleSourceSchema,
  runbookSchema,
  serviceInfoSchema,
  sliQueriesSchema,
  sloDesignSchema,
  stateBackendSchema,
  subnetSchema,
  COST_FAMILIES,
  SEVERITIES,
  SIZE_CLASSES,
  SUBNET_TIERS,
} from './schema';

export { DESIGN_VERSION } from './schema';

/** @public */
export type WorkloadType = ServiceInfo['workloadType'];
/** @public */
export type TrafficPattern = ServiceInfo['trafficPattern'];
/** @public */
export type DataClassification = ServiceInfo['dataClassification'];
/** @public */
export type DataKind = ServiceInfo['dataKinds'][number];
/** @public */
export type ComputeKind = ComputeDesign['kind'];
/** @public */
export type SubnetTier = (typeof SUBNET_TIERS)[number];
/** @public */
export type SizeClass = (typeof SIZE_CLASSES)[number];
/** @public */
export type Severity = (typeof SEVERITIES)[number];
/** @public */
export type CostFamily = (typeof COST_FAMILIES)[number];
/**
 * Which of the seven workflow steps a decision belongs to.
 *
 * @public
 */
export type WorkflowStep = Decision['step'];

/** @public */
export type Decision = z.infer<typeof decisionSchema>;
/** @public */
export type DesignWarning = z.infer<typeof designWarningSchema>;
/** @public */
export type ServiceInfo = z.infer<typeof serviceInfoSchema>;
/** @public */
export type Subnet = z.infer<typeof subnetSchema>;
/**
 * Where traffic may come from: the internet, a CIDR block, or another tier.
 *
 * @public
 */
export type RuleSource = z.infer<typeof ruleSourceSchema>;
/** @public */
export type FirewallRule = z.infer<typeof firewallRuleSchema>;
/** @public */
export type RegionNetwork = z.infer<typeof regionNetworkSchema>;
/** @public */
export type LoadBalancerDesign = z.infer<typeof loadBalancerSchema>;
/** @public */
export type ComputeDesign = z.infer<typeof computeSchema>;
/** @public */
export type DatabaseDesign = z.infer<typeof databaseSchema>;
/** @public */
export type CacheDesign = z.infer<typeof cacheSchema>;
/** @public */
export type EncryptionDesign = z.infer<typeof encryptionSchema>;
/** @public */
export type EnvironmentDesign = z.infer<typeof environmentDesignSchema>;
/** @public */
export type StateBackend = z.infer<typeof stateBackendSchema>;
/** @public */
export type IacDesign = z.infer<typeof iacSchema>;
/** @public */
export type BurnRateAlertTier = z.infer<typeof burnRateAlertTierSchema>;
/** @public */
export type SliQueries = z.infer<typeof sliQueriesSchema>;
/** @public */
export type SloDesign = z.infer<typeof sloDesignSchema>;
/** @public */
export type Runbook = z.infer<typeof runbookSchema>;
/** @public */
export type OperationsDesign = z.infer<typeof operationsSchema>;
/** @public */
export type ImprovementDesign = z.infer<typeof improvementSchema>;
/** @public */
export type ComplianceRequirement = z.infer<typeof complianceRequirementSchema>;
/** @public */
export type EnvironmentCost = z.infer<typeof environmentCostSchema>;
/** @public */
export type CostEstimate = z.infer<typeof costEstimateSchema>;
/** @public */
export type Design = z.infer<typeof designSchema>;
