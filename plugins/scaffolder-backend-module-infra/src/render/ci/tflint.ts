import type { Design } from '@plinth/backstage-plugin-infra-common';
import { block, renderHclFile } from '../hcl';
import { TFLINT_RULESETS } from './actions';

/** `.tflint.hcl`: Terraform's recommended rules and the cloud's own ruleset, pinned. */
export function tflintConfig(design: Design): string {
  const ruleset = TFLINT_RULESETS[design.cloud];
  const items = [
    block('plugin', ['terraform'], { enabled: true, preset: 'recommended' }),
  ];
  if (ruleset) {
    items.push(
      block('plugin', [ruleset.name], {
        enabled: true,
        version: ruleset.version,
        source: `github.com/terraform-linters/tflint-ruleset-${ruleset.name}`,
      }),
    );
  }
  return renderHclFile(items);
}
