import {
  evaluateCompliance,
  parseEnvironment,
} from '@plinth/backstage-plugin-infra-common';
import { summarizeServices } from './summarize';
import {
  environment,
  goodControls,
  prod,
  service,
  slo,
} from '@plinth/backstage-plugin-infra-common/testUtils';

describe('summarizeServices', () => {
  const payments = service('payments-api', { frameworks: 'pci-dss,soc2' });
  const paymentsProd = prod('payments-api', {
    ...goodControls,
    encryptionAtRest: 'none',
  });
  const paymentsDev = environment('payments-api', 'dev', {
    name: 'dev',
    stage: 'development',
    cloud: 'aws',
    regions: ['eu-west-1'],
    controls: { encryptionInTransit: true },
  });

  it('is unknown with the reason when no environment is in production', () => {
    const [row] = summarizeServices({
      services: [payments],
      environments: [paymentsDev],
      slos: [],
    });
    expect(row.frameworks).toEqual([
      { id: 'pci-dss', status: 'unknown' },
      { id: 'soc2', status: 'unknown' },
    ]);
    expect(row.complianceReason).toBe('no production environment');
    expect(row.evidence).toEqual({ code: 0, declaredOnly: 1 });
  });

  it('uses stored code evidence instead of the declared controls', () => {
    const good = prod('payments-api', goodControls);
    const stored = {
      entityRef: 'resource:default/payments-api-prod',
      iacPath: 'terraform/envs/prod',
      source: {
        location: 'file:/repo',
        revision: 'r1',
        readAt: '2026-12-01T00:00:00Z',
      },
      findings: {
        errors: [],
        fields: {
          encryptionAtRest: {
            ruleId: 'code-encryption-at-rest',
            value: 'none',
            locations: [],
          },
        },
      },
    };
    const evidence = {
      get: (ref: string) => (ref === stored.entityRef ? stored : undefined),
    };
    const [declared] = summarizeServices({
      services: [payments],
      environments: [good],
      slos: [],
    });
    const [fromCode] = summarizeServices(
      { services: [payments], environments: [good], slos: [] },
      evidence,
    );
    expect(declared.frameworks.find(f => f.id === 'pci-dss')!.status).not.toBe(
      'non-compliant',
    );
    expect(fromCode.frameworks.find(f => f.id === 'pci-dss')!.status).toBe(
      'non-compliant',
    );
    expect(fromCode.evidence).toEqual({
      code: 1,
      declaredOnly: 0,
      readAt: '2026-12-01T00:00:00Z',
    });
  });

  it('summarises SLO targets, environments and compliance per framework', () => {
    const [row] = summarizeServices({
      services: [payments],
      environments: [paymentsProd, paymentsDev],
      slos: [slo('payments-api', 'availability', 0.9995)],
    });
    expect(row).toMatchObject({
      ref: 'component:default/payments-api',
      owner: 'group:default/payments',
      system: 'system:default/payments',
      environmentCount: 2,
      slos: [
        {
          ref: 'slo:default/payments-api-availability',
          target: 0.9995,
          windowDays: 28,
        },
      ],
      issues: [],
    });
    expect(row.frameworks.map(f => f.id)).toEqual(['pci-dss', 'soc2']);
  });

  it('shows the status that infra-common evaluator returns for the same entities', () => {
    const [row] = summarizeServices({
      services: [payments],
      environments: [paymentsProd, paymentsDev],
      slos: [],
    });
    const views = [paymentsProd, paymentsDev].map(e => {
      const parsed = parseEnvironment(e);
      if (!parsed.ok) throw new Error('test fixture must parse');
      return parsed.value;
    });
    const report = evaluateCompliance(['pci-dss', 'soc2'], views);
    expect(row.frameworks).toEqual(
      report.frameworks.map(f => ({ id: f.framework, status: f.status })),
    );
    // unencrypted production data fails PCI DSS
    expect(row.frameworks[0]).toEqual({
      id: 'pci-dss',
      status: 'non-compliant',
    });
    expect(row.status).toBe('non-compliant');
  });

  it('reports unknown for a service without frameworks or environments', () => {
    const [row] = summarizeServices({
      services: [service('bare')],
      environments: [],
      slos: [],
    });
    expect(row).toMatchObject({
      frameworks: [],
      status: 'unknown',
      environmentCount: 0,
      slos: [],
      issues: [],
    });
  });

  it('puts the problems of broken entities on their service row, by field', () => {
    const brokenEnv = environment('legacy', 'qa', {
      name: 'qa',
      stage: 'qa',
      cloud: 'aws',
      regions: ['us-east-1'],
    });
    const brokenSlo = slo('legacy', 'availability', 1.5);
    const [row] = summarizeServices({
      services: [service('legacy', { frameworks: 'soc2,fedramp' })],
      environments: [brokenEnv],
      slos: [brokenSlo],
    });
    expect(row.environmentCount).toBe(0);
    expect(row.slos).toEqual([]);
    expect(row.frameworks.map(f => f.id)).toEqual(['soc2']);
    expect(row.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityRef: 'component:default/legacy',
          path: expect.stringContaining('plinth.dev/compliance-frameworks'),
        }),
        expect.objectContaining({
          entityRef: 'resource:default/legacy-qa',
          path: 'spec.environment.stage',
        }),
        expect.objectContaining({
          entityRef: 'slo:default/legacy-availability',
          path: expect.stringContaining('spec.objectives'),
        }),
      ]),
    );
  });
});
