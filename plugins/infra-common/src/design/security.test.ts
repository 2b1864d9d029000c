import {
  auditLogRetentionFor,
  backupRetentionFor,
  encryptionAtRestFor,
  wafFor,
} from './security';

describe('security floors', () => {
  it('keeps audit logs 365 days for PCI DSS, raising a lower answer', () => {
    expect(auditLogRetentionFor(['pci-dss'], undefined)).toMatchObject({
      value: 365,
      origin: 'derived',
    });
    const raised = auditLogRetentionFor(['pci-dss'], 30);
    expect(raised.value).toBe(365);
    expect(raised.reason).toMatch(/10\.5\.1/);
    expect(auditLogRetentionFor(['pci-dss'], 400).value).toBe(400);
    expect(auditLogRetentionFor([], undefined).value).toBe(90);
  });

  it('always encrypts at rest with managed keys, citing PCI DSS when it applies', () => {
    expect(encryptionAtRestFor(['pci-dss']).value).toBe('managed-key');
    expect(encryptionAtRestFor(['pci-dss']).reason).toMatch(/PCI DSS/);
    expect(encryptionAtRestFor([]).value).toBe('managed-key');
  });

  it('raises backups to the HIPAA floor in production only', () => {
    expect(backupRetentionFor('production', ['hipaa'], 7).value).toBe(30);
    expect(backupRetentionFor('development', ['hipaa'], 7).value).toBe(1);
  });

  it('puts a WAF in front of public production and never in front of internal endpoints', () => {
    expect(
      wafFor({ stage: 'production', publicIngress: true, frameworks: [] })
        .value,
    ).toBe(true);
    expect(
      wafFor({ stage: 'development', publicIngress: true, frameworks: [] })
        .value,
    ).toBe(false);
    expect(
      wafFor({
        stage: 'production',
        publicIngress: false,
        frameworks: ['pci-dss'],
        answered: true,
      }).value,
    ).toBe(false);
  });
});
