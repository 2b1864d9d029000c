import { evaluateCompliance, NO_PRODUCTION_REASON } from '../evaluate';
import type { ComplianceEnvironment } from '../evaluate';
import {
  collectEnvironmentEvidence,
  requirementsOfRule,
  withCodeEvidence,
  EVIDENCE_RULES,
} from './rules';

const ROOT = `module "data" {
  source            = "../../modules/data"
  encrypted         = var.encrypted
  public            = false
  retention_days    = 365
}
`;
const MODULE = `resource "aws_db_instance" "main" {
  storage_encrypted   = var.encrypted
  kms_key_id          = var.kms
  publicly_accessible = var.public
}

resource "aws_cloudwatch_log_group" "audit" {
  retention_in_days = var.retention_days
}
`;

function files(tfvars: string, module = MODULE) {
  return [
    { path: 'terraform/envs/prod/main.tf', text: ROOT },
    { path: 'terraform/envs/prod/terraform.tfvars', text: tfvars },
    { path: 'terraform/modules/data/main.tf', text: module },
    {
      path: 'terraform/modules/other/main.tf',
      text: 'resource "aws_db_instance" "x" {\n}\n',
    },
  ];
}

const declared: ComplianceEnvironment = {
  name: 'svc-prod',
  environmentName: 'prod',
  stage: 'production',
  controls: {
    encryptionAtRest: 'managed-key',
    privateDataTier: true,
    auditLogRetentionDays: 365,
  },
};

describe('the evidence rules', () => {
  it('follow var.x through the module call to tfvars, with the line written', () => {
    const found = collectEnvironmentEvidence(
      files('encrypted = false\n'),
      'terraform/envs/prod',
    );
    expect(found.fields.encryptionAtRest).toMatchObject({
      value: 'none',
      locations: [{ file: 'terraform/envs/prod/terraform.tfvars', line: 1 }],
    });
    expect(found.fields.privateDataTier).toMatchObject({
      value: true,
      locations: [
        {
          file: 'terraform/envs/prod/main.tf',
          line: 4,
          found: expect.stringContaining('= false'),
        },
      ],
    });
    expect(found.fields.auditLogRetentionDays).toMatchObject({ value: 365 });
    // Only the modules the root calls are read.
    expect(found.fields.encryptionAtRest!.locations).toHaveLength(1);
  });

  it('tell an encrypted store without its own key from one with it', () => {
    const withoutKey = MODULE.replace('  kms_key_id          = var.kms\n', '');
    expect(
      collectEnvironmentEvidence(
        files('encrypted = true\n', withoutKey),
        'terraform/envs/prod',
      ).fields.encryptionAtRest!.value,
    ).toBe('provider-managed');
  });

  it('fail a declared control the code does not implement, and say so', () => {
    const found = collectEnvironmentEvidence(
      files('encrypted = false\n'),
      'terraform/envs/prod',
    );
    const env = withCodeEvidence(declared, found, {
      location: 'file:/repo',
      readAt: 't',
    });
    const pci = evaluateCompliance(['pci-dss'], [env]).frameworks[0];
    const control = pci.controls.find(c =>
      c.controlId.startsWith('encryption-at-rest'),
    )!;
    expect(control.status).toBe('fail');
    expect(control.evidence[0]).toMatchObject({
      source: 'code',
      value: 'none',
      declaredValue: 'managed-key',
      note: 'declared, not found in code',
    });
  });

  it('label environments without code as declared only', () => {
    const pci = evaluateCompliance(['pci-dss'], [declared]).frameworks[0];
    expect(
      pci.controls.every(c => c.evidence.every(e => e.source === 'declared')),
    ).toBe(true);
  });

  it('give no value when the environment has no data store', () => {
    const found = collectEnvironmentEvidence(
      [
        {
          path: 'envs/dev/main.tf',
          text: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
        },
      ],
      'envs/dev',
    );
    expect(found.fields.encryptionAtRest!.value).toBeUndefined();
  });

  it('each stand for framework requirements', () => {
    for (const rule of EVIDENCE_RULES)
      expect(requirementsOfRule(rule).length).toBeGreaterThan(0);
  });
});

describe('a service without a production environment', () => {
  it('is unknown with the reason, never compliant', () => {
    const staging = { ...declared, stage: 'staging' as const };
    const [soc2] = evaluateCompliance(['soc2'], [staging]).frameworks;
    expect(soc2.status).toBe('unknown');
    expect(soc2.reason).toBe(NO_PRODUCTION_REASON);
  });
});
