import type { DeclaredControls } from '../catalog';
import { goodControls } from '../testUtils';
import { ComplianceEnvironment, evaluateCompliance } from './evaluate';

/** Every control declared and met; audit logs kept six years, HIPAA's recommendation. */
const fullControls: DeclaredControls = {
  ...goodControls,
  auditLogRetentionDays: 2190,
} as DeclaredControls;

const env = (
  stage: ComplianceEnvironment['stage'],
  controls: DeclaredControls,
  name = stage,
): ComplianceEnvironment => ({ name, stage, controls });

describe('evaluateCompliance', () => {
  it('is compliant when every control is declared and met', () => {
    const report = evaluateCompliance(
      ['soc2', 'iso27001', 'hipaa', 'pci-dss', 'gdpr'],
      [env('development', fullControls), env('production', fullControls)],
    );
    expect(report.frameworks.map(f => [f.framework, f.status])).toEqual([
      ['soc2', 'compliant'],
      ['iso27001', 'compliant'],
      ['hipaa', 'compliant'],
      ['pci-dss', 'compliant'],
      ['gdpr', 'compliant'],
    ]);
  });

  it('is non-compliant when PCI DSS audit logs are kept less than 365 days, citing 10.5.1', () => {
    const report = evaluateCompliance(
      ['pci-dss'],
      [env('production', { ...fullControls, auditLogRetentionDays: 90 })],
    );
    const [pci] = report.frameworks;
    expect(pci.status).toBe('non-compliant');
    const failed = pci.controls[0];
    expect(failed).toMatchObject({
      controlId: 'audit-log-retention-365d',
      status: 'fail',
      requirementIds: ['10.5.1'],
      evidence: [
        {
          environment: 'production',
          status: 'fail',
          field: 'auditLogRetentionDays',
          value: 90,
        },
      ],
    });
    expect(failed.fixHint).toMatch(/365 days/);
  });

  it('requires managed keys for PCI DSS but any encryption for ISO 27001', () => {
    const envs = [
      env('production', {
        ...fullControls,
        encryptionAtRest: 'provider-managed',
      }),
    ];
    const [pci, iso] = evaluateCompliance(
      ['pci-dss', 'iso27001'],
      envs,
    ).frameworks;
    expect(pci.status).toBe('non-compliant');
    expect(iso.status).toBe('compliant');
  });

  it('reports absent data as unknown, never as passing', () => {
    const { auditLogRetentionDays, ...rest } = fullControls;
    const [pci] = evaluateCompliance(
      ['pci-dss'],
      [env('production', rest)],
    ).frameworks;
    expect(pci.status).toBe('at-risk');
    const control = pci.controls.find(
      c => c.controlId === 'audit-log-retention-365d',
    )!;
    expect(control.status).toBe('unknown');
    expect(control.evidence[0].value).toBeNull();
    expect(control.fixHint).toBeDefined();
  });

  it('is unknown without environments or without any declared control', () => {
    expect(evaluateCompliance(['soc2'], []).frameworks[0].status).toBe(
      'unknown',
    );
    expect(
      evaluateCompliance(['soc2'], [env('production', {})]).frameworks[0]
        .status,
    ).toBe('unknown');
  });

  it('puts a framework at risk when only a recommended control fails', () => {
    const [soc2] = evaluateCompliance(
      ['soc2'],
      [env('production', { ...fullControls, restoreTested: false })],
    ).frameworks;
    expect(soc2.status).toBe('at-risk');
    expect(soc2.controls[0]).toMatchObject({
      controlId: 'restore-tested',
      status: 'fail',
      severity: 'recommended',
    });
  });

  it('checks production-only controls on production only', () => {
    const dev = env('development', {
      ...fullControls,
      multiAz: false,
      deletionProtection: false,
    });
    const [soc2] = evaluateCompliance(
      ['soc2'],
      [dev, env('production', fullControls)],
    ).frameworks;
    const multiAz = soc2.controls.find(c => c.controlId === 'multi-az')!;
    expect(multiAz.status).toBe('pass');
    expect(multiAz.evidence.map(e => e.environment)).toEqual(['production']);
    expect(soc2.status).toBe('compliant');
  });

  it('fails a control when any environment fails it', () => {
    const envs = [
      env('staging', {
        ...fullControls,
        tlsMinVersion: undefined,
        encryptionInTransit: false,
      }),
      env('production', fullControls),
    ];
    const [gdpr] = evaluateCompliance(['gdpr'], envs).frameworks;
    const transit = gdpr.controls.find(
      c => c.controlId === 'encryption-in-transit',
    )!;
    expect(transit.status).toBe('fail');
    expect(gdpr.status).toBe('non-compliant');
  });

  it('lists failures first, then unknown, then passing', () => {
    const { flowLogs, ...rest } = fullControls;
    const [pci] = evaluateCompliance(
      ['pci-dss'],
      [env('production', { ...rest, waf: false })],
    ).frameworks;
    expect(pci.controls.slice(0, 2).map(c => c.status)).toEqual([
      'fail',
      'unknown',
    ]);
    expect(pci.counts).toEqual({
      pass: 9,
      fail: 1,
      unknown: 1,
      notApplicable: 0,
    });
  });

  it('uses the short environment name when there is one', () => {
    const [soc2] = evaluateCompliance(
      ['soc2'],
      [
        {
          name: 'payments-api-prod',
          environmentName: 'prod',
          stage: 'production',
          controls: fullControls,
        },
      ],
    ).frameworks;
    expect(soc2.controls[0].evidence[0].environment).toBe('prod');
  });
});
