import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { repoRoot } from '@plinth/test-support';
import { renderRepository } from '..';

describe('the SLO runbooks', () => {
  const parsed = parseAnswers(
    yaml.parse(
      fs.readFileSync(
        path.join(repoRoot, 'examples/answers/aws-pci-eu.yaml'),
        'utf8',
      ),
    ),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const files = renderRepository(
    planDesign(parsed.answers, { defaults: parsed.defaults }).design,
  );
  const runbook = files.find(
    f => f.path === 'docs/runbooks/slo-payments-api-availability.md',
  )!.content;

  it('give the error budget as the domain computes it (99.95% over 28 days)', () => {
    expect(runbook).toContain('error budget 20.16 minutes');
  });

  it('write thresholds for people, without float noise', () => {
    const thresholds = [
      ...runbook.matchAll(/error ratio is above ([\d.]+)/g),
    ].map(m => m[1]);
    expect(thresholds).toEqual(['0.00672', '0.0028', '0.0014', '0.0004667']);
  });
});
