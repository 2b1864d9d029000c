import type {
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { HclBody, HclExpression, HclNestedBlock, HclValue } from '../hcl';
import type { TerraformModule, VariableSpec } from './module';

/**
 * A variable of an environment root, with its value in that environment's tfvars; one
 * without a value has no default either, so `plan` refuses to run until it is given
 * (`TF_VAR_<name>`, see the README), instead of running on a fake value.
 */
export interface RootVariable {
  spec: VariableSpec;
  value?: HclValue;
}

/** What differs between clouds in the Terraform renderer. */
/** A provider of the roots' `required_providers`, pinned to a version range. */
export interface ProviderPin {
  name: string;
  source: string;
  version: string;
}

export interface CloudTarget {
  /** The provider, pinned to a minor-version range in every root. */
  provider: ProviderPin;
  /** Further providers the design's modules use (e.g. `random` for a generated password). */
  extraProviders?(design: Design): ProviderPin[];
  /** The modules, built once per design. */
  modules(design: Design): TerraformModule[];
  /** The body of the `provider` block for a region. */
  providerBlock(region: HclExpression, tags: Record<string, string>): HclBody;
  /** The `backend "<kind>" { ... }` block of an environment root. */
  backend(design: Design, env: EnvironmentDesign): HclNestedBlock;
  /** Root variables the cloud's modules need besides the common ones. */
  rootVariables(env: EnvironmentDesign, design: Design): RootVariable[];
}
