import { exampleAnswers } from './testUtils/answers';
import { isRegionAllowed } from './answers/regions';
import { planFromInput } from './plan';

function plan(patch: (a: any) => void = () => {}) {
  const answers = JSON.parse(JSON.stringify(exampleAnswers));
  patch(answers);
  const result = planFromInput(answers);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}
const prodOf = (r: ReturnType<typeof plan>) =>
  r.design.environments.find(e => e.stage === 'production')!;

describe('planner acceptance (issue 3)', () => {
  it('99.95% -> multi-AZ production over three zones, with its reason', () => {
    const result = plan(a => {
      a.slos.availability = 99.95;
    });
    expect(prodOf(result)).toMatchObject({
      multiAz: true,
      zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    });
    expect(prodOf(result).database?.multiAz).toBe(true);
    expect(
      result.design.decisions.find(d => d.id === 'prod.multiAz')?.reason,
    ).toMatch(/99\.95%/);
  });

  it('99.99% -> multi-region production', () => {
    const prod = prodOf(
      plan(a => {
        a.slos.availability = 99.99;
        delete a.reliability.rtoMinutes;
      }),
    );
    expect(prod.multiRegion).toBe(true);
    expect(prod.regions.secondary).toHaveLength(1);
    expect(prod.networks.map(n => n.region)).toEqual([
      'eu-west-1',
      ...prod.regions.secondary,
    ]);
  });

  it('99.99% kept in one region -> a warning saying what is at risk', () => {
    const result = plan(a => {
      a.slos.availability = 99.99;
      a.topology.multiRegion = false;
    });
    expect(prodOf(result).multiRegion).toBe(false);
    expect(result.warnings.map(w => w.code)).toContain(
      'single-region-high-availability',
    );
  });

  it('EU residency -> EU regions only, everywhere', () => {
    for (const cloud of ['aws', 'gcp', 'azure']) {
      const result = plan(a => {
        a.topology.cloud = cloud;
        delete a.topology.primaryRegion;
        a.slos.availability = 99.99;
      });
      for (const env of result.design.environments) {
        for (const region of [env.regions.primary, ...env.regions.secondary]) {
          expect(isRegionAllowed(env.cloud, 'eu', region)).toBe(true);
        }
      }
    }
  });

  it('PCI DSS -> at least 365 days of audit logs and managed-key encryption, even when asked for less', () => {
    const result = plan(a => {
      a.security.auditLogRetentionDays = 30;
      a.constraints.complianceFrameworks = ['pci-dss'];
    });
    for (const env of result.design.environments) {
      expect(env.auditLog.retentionDays).toBeGreaterThanOrEqual(365);
      expect(env.encryption).toMatchObject({
        atRest: 'managed-key',
        keyRotation: true,
      });
      expect(env.controls.encryptionAtRest).toBe('managed-key');
    }
    expect(result.compliance.frameworks[0]).toMatchObject({
      framework: 'pci-dss',
      status: 'compliant',
    });
  });

  it('RTO 5 minutes -> warm standby or active-active', () => {
    const prod = prodOf(
      plan(a => {
        a.reliability.rtoMinutes = 5;
      }),
    );
    expect(['warm-standby', 'active-active']).toContain(prod.drPattern);
    expect(prod.database?.crossRegionReplicas).toEqual(prod.regions.secondary);
  });

  it('99.95% over 28 days -> an error budget of 20.16 minutes and 28-day factors 13.44 / 5.6 / 2.8 / 0.933', () => {
    const [availability] = plan().design.slos;
    expect(availability.errorBudget.minutes).toBe(20.16);
    expect(availability.alerts.map(a => Number(a.factor.toFixed(3)))).toEqual([
      13.44, 5.6, 2.8, 0.933,
    ]);
  });

  it('measures SLOs per production environment: 3 environments, 4 SLOs', () => {
    const result = plan(a => {
      a.environments = [
        { name: 'staging', stage: 'staging' },
        { name: 'prod-eu', stage: 'production' },
        { name: 'prod-dr', stage: 'production' },
      ];
    });
    expect(result.design.slos.map(s => s.name)).toEqual([
      'payments-api-prod-eu-availability',
      'payments-api-prod-eu-latency',
      'payments-api-prod-dr-availability',
      'payments-api-prod-dr-latency',
    ]);
  });

  it('warns about public ingress with restricted data and keeps the data tier private', () => {
    const result = plan();
    expect(result.warnings.map(w => w.code)).toContain(
      'public-ingress-sensitive-data',
    );
    expect(prodOf(result).database?.private).toBe(true);
  });

  it('marks defaulted answers as defaults in the decisions', () => {
    const result = planFromInput({
      service: { name: 'orders', owner: 'group:shop' },
    });
    if (!result.ok) throw new Error('expected a plan');
    expect(
      result.design.decisions.find(d => d.id === 'iac.tool'),
    ).toMatchObject({ origin: 'default', value: 'terraform' });
    expect(
      result.design.decisions.find(d => d.id === 'prod.drPattern'),
    ).toMatchObject({ origin: 'derived' });
  });
});
