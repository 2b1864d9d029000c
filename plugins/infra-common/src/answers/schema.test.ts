import fs from 'fs';
import { resolve } from 'path';
import yaml from 'yaml';
import { exampleAnswers } from '../testUtils/answers';
import { parseAnswers } from './schema';

function withChange(path: string, value: unknown): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(exampleAnswers));
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key];
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
  return copy;
}

function issuePaths(input: unknown): string[] {
  const result = parseAnswers(input);
  if (result.ok) throw new Error('expected the answers to be rejected');
  return result.issues.map(i => i.path);
}

describe('parseAnswers', () => {
  it('accepts every field of answers.md and keeps the answers', () => {
    const result = parseAnswers(exampleAnswers);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.answers).toEqual(exampleAnswers);
    expect(result.defaults).toEqual([]);
  });

  it('fills and reports defaults for a minimal request', () => {
    const result = parseAnswers({
      service: { name: 'orders', owner: 'group:default/shop' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.answers.environments.map(e => e.name)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
    expect(result.answers.topology.primaryRegion).toBe('eu-west-1');
    expect(result.answers.slos.availability).toBe(99.9);
    const paths = result.defaults.map(d => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'environments',
        'topology.cloud',
        'topology.primaryRegion',
        'slos.window',
      ]),
    );
    for (const d of result.defaults) expect(d.reason).not.toBe('');
  });

  it('picks the first region of the residency as the default primary region', () => {
    const result = parseAnswers({
      service: { name: 'orders', owner: 'group:shop' },
      constraints: { dataResidency: 'us' },
      topology: { cloud: 'gcp' },
    });
    expect(result.ok && result.answers.topology.primaryRegion).toBe(
      'us-central1',
    );
  });

  it('names the residency and its regions when the primary region breaks it', () => {
    const result = parseAnswers(
      withChange('topology.primaryRegion', 'us-east-1'),
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'topology.primaryRegion',
          message:
            'eu residency allows eu-west-1, eu-central-1, eu-west-3, eu-north-1, eu-south-1',
        },
      ],
    });
  });

  it.each([
    ['service.name', 'Payments API'],
    ['service.name', undefined],
    ['service.owner', 'not a ref!'],
    ['service.description', 'x'.repeat(501)],
    ['workload.type', 'mainframe'],
    ['workload.trafficPattern', 'random'],
    ['workload.peakRps', -1],
    ['workload.dataClassification', 'secret'],
    ['workload.dataKinds', ['pii', 'pii']],
    ['workload.storageGb', 'lots'],
    ['workload.stateful', 'yes'],
    ['slos.availability', 100],
    ['slos.availability', 89],
    ['slos.latencyP99Ms', 0],
    ['slos.latencyTarget', 100],
    ['slos.window', '7d'],
    ['constraints.monthlyBudgetUsd', -5],
    ['constraints.complianceFrameworks', ['fedramp']],
    ['constraints.dataResidency', 'mars'],
    ['constraints.teamSkills', ['cobol']],
    ['environments', []],
    ['topology.cloud', 'oracle'],
    ['topology.vpcCidr', '8.8.0.0/16'],
    ['topology.vpcCidr', '10.0.0.0/8'],
    ['topology.vpcCidr', '10.0.0.0/28'],
    ['topology.vpcCidr', '10.0.0.1/16'],
    ['topology.vpcCidr', '10.0.0.0'],
    ['topology.publicIngress', 'true'],
    ['topology.compute', 'mainframe'],
    ['topology.database', 'oracle'],
    ['topology.cache', 'memcached'],
    ['iac.tool', 'ansible'],
    ['iac.ciProvider', 'jenkins'],
    ['iac.prodApproval', 1],
    ['reliability.rtoMinutes', 0],
    ['reliability.rpoMinutes', -1],
    ['reliability.healthCheckPath', 'healthz'],
    ['reliability.backupRetentionDays', 0],
    ['security.tlsMinVersion', '1.0'],
    ['security.auditLogRetentionDays', 0],
    ['security.waf', 'on'],
    ['operations.monitoring', 'nagios'],
    ['operations.alertRouting', 'pager'],
    ['operations.onCall', 'on call team'],
    ['improvement.costReviewCadence', 'weekly'],
    ['improvement.sloReviewCadence', 'daily'],
    ['improvement.budgetAlertPercents', [50, 50]],
  ])('rejects %s = %j with its path', (path, value) => {
    // The path of the field, or of the offending item inside it (`...Frameworks.0`).
    expect(issuePaths(withChange(path, value))).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${path.replace(/\./g, '\\.')}(\\.\\d+)?$`),
      ),
    );
  });

  it('checks cross-field rules with dotted paths', () => {
    expect(
      issuePaths(
        withChange('environments', [
          { name: 'prod', stage: 'production' },
          { name: 'prod', stage: 'staging' },
        ]),
      ),
    ).toEqual(['environments.1.name']);
    expect(
      issuePaths(withChange('environments', [{ name: 'prod', stage: 'prod' }])),
    ).toEqual(['environments.0.stage']);
    expect(issuePaths(withChange('slos.latencyP99Ms', undefined))).toEqual([
      'slos.latencyP99Ms',
    ]);
    expect(
      issuePaths(withChange('reliability.autoscaling', { min: 5, max: 2 })),
    ).toEqual(['reliability.autoscaling.min']);
    expect(
      issuePaths(withChange('topology.secondaryRegions', ['eu-west-1'])),
    ).toEqual(['topology.secondaryRegions.0']);
    expect(
      issuePaths(withChange('topology.secondaryRegions', ['us-east-1'])),
    ).toEqual(['topology.secondaryRegions.0']);
    expect(issuePaths(withChange('topology.primaryRegion', 'moon-1'))).toEqual([
      'topology.primaryRegion',
    ]);
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    expect(issuePaths(withChange('topology.regoin', 'eu-west-1'))).toEqual([
      'topology',
    ]);
  });

  it('accepts TLS versions written as YAML numbers', () => {
    const result = parseAnswers(withChange('security.tlsMinVersion', 1.3));
    expect(result.ok && result.answers.security.tlsMinVersion).toBe('1.3');
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, 'answers', 42, []]) {
      expect(issuePaths(input)).toEqual(['(answers)']);
    }
  });
});

describe('iac.tool', () => {
  it('offers only what Plinth generates (no Pulumi, ADR 1000)', () => {
    const result = parseAnswers({
      ...exampleAnswers,
      iac: { ...exampleAnswers.iac, tool: 'pulumi' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(i => i.path)).toEqual(['iac.tool']);
  });
});

describe('slos.latencyP99Ms', () => {
  it('rejects a threshold that is not a bucket, naming the field and the allowed values', () => {
    const result = parseAnswers(withChange('slos.latencyP99Ms', 300));
    if (result.ok) throw new Error('expected the answers to be rejected');
    expect(result.issues).toEqual([
      {
        path: 'slos.latencyP99Ms',
        message: expect.stringContaining(
          'choose one of 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000 ms',
        ),
      },
    ]);
  });

  it("accepts a threshold that is one of the service's own buckets", () => {
    const answers = withChange('slos.latencyBucketsMs', [100, 300, 1200]);
    answers.slos.latencyP99Ms = 300;
    expect(parseAnswers(answers).ok).toBe(true);
    answers.slos.latencyP99Ms = 250;
    expect(issuePaths(answers)).toEqual(['slos.latencyP99Ms']);
  });

  it('defaults the buckets to the client defaults and the Prometheus major to 3', () => {
    const result = parseAnswers({
      service: { name: 'orders', owner: 'group:default/shop' },
      slos: { latencyP99Ms: 1000 },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.answers.slos.latencyBucketsMs).toEqual([
      5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
    ]);
    expect(result.answers.operations.prometheusMajor).toBe(3);
    expect(result.defaults.map(d => d.path)).toEqual(
      expect.arrayContaining([
        'slos.latencyBucketsMs',
        'operations.prometheusMajor',
      ]),
    );
  });

  it('rejects buckets out of order and a major it does not know', () => {
    expect(issuePaths(withChange('slos.latencyBucketsMs', [250, 100]))).toEqual(
      expect.arrayContaining(['slos.latencyBucketsMs']),
    );
    expect(issuePaths(withChange('operations.prometheusMajor', 1))).toEqual([
      'operations.prometheusMajor',
    ]);
  });
});

describe('docs/answers.md', () => {
  it('shows the shared example answers, field for field', () => {
    const doc = fs.readFileSync(
      resolve(__dirname, '../../../../docs/answers.md'),
      'utf8',
    );
    const block = /```yaml\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    expect(yaml.parse(block![1])).toEqual(exampleAnswers);
  });
});
