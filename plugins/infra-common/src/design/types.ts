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

export type WorkloadType = ServiceInfo['workloadType'];
export type TrafficPattern = ServiceInfo['trafficPattern'];
export type DataClassification = ServiceInfo['dataClassification'];
export type DataKind = ServiceInfo['dataKinds'][number];
export type ComputeKind = ComputeDesign['kind'];
export type SubnetTier = (typeof SUBNET_TIERS)[number];
export type SizeClass = (typeof SIZE_CLASSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type CostFamily = (typeof COST_FAMILIES)[number];
/** Which of the seven workflow steps a decision belongs to. */
export type WorkflowStep = Decision['step'];

export type Decision = z.infer<typeof decisionSchema>;
export type DesignWarning = z.infer<typeof designWarningSchema>;
export type ServiceInfo = z.infer<typeof serviceInfoSchema>;
export type Subnet = z.infer<typeof subnetSchema>;
/** Where traffic may come from: the internet, a CIDR block, or another tier. */
export type RuleSource = z.infer<typeof ruleSourceSchema>;
export type FirewallRule = z.infer<typeof firewallRuleSchema>;
export type RegionNetwork = z.infer<typeof regionNetworkSchema>;
export type LoadBalancerDesign = z.infer<typeof loadBalancerSchema>;
export type ComputeDesign = z.infer<typeof computeSchema>;
export type DatabaseDesign = z.infer<typeof databaseSchema>;
export type CacheDesign = z.infer<typeof cacheSchema>;
export type EncryptionDesign = z.infer<typeof encryptionSchema>;
export type EnvironmentDesign = z.infer<typeof environmentDesignSchema>;
export type StateBackend = z.infer<typeof stateBackendSchema>;
export type IacDesign = z.infer<typeof iacSchema>;
export type BurnRateAlertTier = z.infer<typeof burnRateAlertTierSchema>;
export type SliQueries = z.infer<typeof sliQueriesSchema>;
export type SloDesign = z.infer<typeof sloDesignSchema>;
export type Runbook = z.infer<typeof runbookSchema>;
export type OperationsDesign = z.infer<typeof operationsSchema>;
export type ImprovementDesign = z.infer<typeof improvementSchema>;
export type ComplianceRequirement = z.infer<typeof complianceRequirementSchema>;
export type EnvironmentCost = z.infer<typeof environmentCostSchema>;
export type CostEstimate = z.infer<typeof costEstimateSchema>;
export type Design = z.infer<typeof designSchema>;
