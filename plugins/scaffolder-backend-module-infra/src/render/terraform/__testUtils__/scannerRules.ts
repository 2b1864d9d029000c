/*
 * The scanner rules of the shared reference data (scanner-rules/iac_rules.json: checkov and
 * tfsec rule ids with the resource types they apply to), or undefined when the reference is
 * missing outside CI; the suites then register their tests with `.skip`.
 */
import fs from 'node:fs';
import { referencePath } from '@plinth/test-support';

export interface ScannerRule {
  id: string;
  resource_type: string[];
  attribute_path?: string;
  expected?: string;
}

export function loadScannerRules(): Map<string, ScannerRule> | undefined {
  const file = referencePath('scanner-rules', 'iac_rules.json');
  if (!file) return undefined;
  const { rules } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    rules: ScannerRule[];
  };
  return new Map(rules.map(rule => [rule.id, rule]));
}
