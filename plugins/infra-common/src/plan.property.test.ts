/*
 * Property tests: any valid answers give a design whose invariants hold, and arbitrary
 * input either plans or fails with dotted paths. 1,000 runs each under CI.
 */
import fc from 'fast-check';
import { CLOUDS, FRAMEWORK_IDS, RESIDENCIES, STAGES } from './catalog';
import { isRegionAllowed, regionsFor } from './answers/regions';
import {
  COMPUTE_KINDS,
  DATA_CLASSIFICATIONS,
  TRAFFIC_PATTERNS,
  WORKLOAD_TYPES,
} from './answers/schema';
import {
  contains,
  overlaps,
  parseCidr,
  Cidr,
  privateRangeOf,
} from './design/cidr';
import { planFromInput } from './plan';
import { DEFAULT_LATENCY_BUCKETS_MS } from './slo/buckets';
import { designSchema } from './design/schema';
import { exampleAnswers } from './testUtils/answers';

const numRuns = process.env.CI === 'true' ? 1000 : 100;
const cidrOf = (text: string) => parseCidr(text) as Cidr;
/** An issue path: `(answers)` or dotted identifiers, e.g. `topology.vpcCidr`. */
const DOTTED_PATH = /^(\(answers\)|[A-Za-z0-9]+(\.[A-Za-z0-9]+)*)$/;

const validAnswers = fc
  .record({
    cloud: fc.constantFrom(...CLOUDS),
    residency: fc.constantFrom(...RESIDENCIES),
    regionPick: fc.nat(20),
    availability: fc.constantFrom(99, 99.5, 99.9, 99.95, 99.99, 99.999),
    window: fc.constantFrom('28d', '30d'),
    frameworks: fc.subarray([...FRAMEWORK_IDS]),
    stages: fc.array(fc.constantFrom(...STAGES), {
      minLength: 1,
      maxLength: 5,
    }),
    vpc: fc.option(fc.tuple(fc.nat(255), fc.integer({ min: 16, max: 24 })), {
      nil: undefined,
    }),
    rto: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
    rpo: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    autoscaling: fc.option(
      fc.tuple(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
      ),
      { nil: undefined },
    ),
    audit: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: undefined }),
    backups: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: undefined }),
    workloadType: fc.constantFrom(...WORKLOAD_TYPES),
    traffic: fc.constantFrom(...TRAFFIC_PATTERNS),
    classification: fc.constantFrom(...DATA_CLASSIFICATIONS),
    compute: fc.constantFrom(...COMPUTE_KINDS),
    database: fc.constantFrom('none', 'postgres', 'mysql'),
    cache: fc.constantFrom('none', 'redis'),
    peakRps: fc.integer({ min: 0, max: 100_000 }),
    latency: fc.option(fc.constantFrom(...DEFAULT_LATENCY_BUCKETS_MS), {
      nil: undefined,
    }),
    multiRegion: fc.option(fc.boolean(), { nil: undefined }),
    publicIngress: fc.boolean(),
  })
  .map(p => {
    const regions = regionsFor(p.cloud, p.residency);
    return {
      service: { name: 'svc-under-test', owner: 'group:default/team' },
      workload: {
        type: p.workloadType,
        trafficPattern: p.traffic,
        peakRps: p.peakRps,
        dataClassification: p.classification,
        stateful: p.database !== 'none',
      },
      slos: {
        availability: p.availability,
        window: p.window,
        ...(p.latency && { latencyP99Ms: p.latency }),
      },
      constraints: {
        complianceFrameworks: p.frameworks,
        dataResidency: p.residency,
      },
      environments: p.stages.map((stage, i) => ({ name: `env${i}`, stage })),
      topology: {
        cloud: p.cloud,
        primaryRegion: regions[p.regionPick % regions.length],
        publicIngress: p.publicIngress,
        compute: p.compute,
        database: p.database,
        cache: p.cache,
        ...(p.multiRegion !== undefined && { multiRegion: p.multiRegion }),
        // Any /16-/24 block in 10.0.0.0/8, aligned to its own size.
        ...(p.vpc && {
          vpcCidr: `10.${p.vpc[0]}.${p.vpc[1] <= 16 ? 0 : 0}.0/${p.vpc[1]}`,
        }),
      },
      reliability: {
        ...(p.rto !== undefined && { rtoMinutes: p.rto }),
        ...(p.rpo !== undefined && { rpoMinutes: p.rpo }),
        ...(p.autoscaling && {
          autoscaling: {
            min: p.autoscaling[0],
            max: p.autoscaling[0] + p.autoscaling[1],
          },
        }),
        ...(p.backups !== undefined && { backupRetentionDays: p.backups }),
      },
      security: {
        ...(p.audit !== undefined && { auditLogRetentionDays: p.audit }),
      },
    };
  });

describe('planner properties', () => {
  it('any valid answers give a design whose invariants hold', () => {
    fc.assert(
      fc.property(validAnswers, answers => {
        const result = planFromInput(answers);
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        const { design } = result;
        const residency = answers.constraints.dataResidency;
        const pci =
          answers.constraints.complianceFrameworks.includes('pci-dss');
        // Floors that hold only in some cases: each broken one is named, so a failure says which.
        const violations: string[] = [];
        for (const env of design.environments) {
          // Regions inside the residency.
          for (const region of [
            env.regions.primary,
            ...env.regions.secondary,
          ]) {
            expect(isRegionAllowed(env.cloud, residency, region)).toBe(true);
          }
          // Subnets inside their network, never overlapping; networks private and apart.
          const blocks = env.networks.map(n => cidrOf(n.cidr));
          blocks.forEach((b, i) => {
            expect(privateRangeOf(b)).toBeDefined();
            blocks
              .slice(i + 1)
              .forEach(other => expect(overlaps(b, other)).toBe(false));
          });
          for (const network of env.networks) {
            const subnets = network.subnets.map(s => cidrOf(s.cidr));
            subnets.forEach((s, i) => {
              expect(contains(cidrOf(network.cidr), s)).toBe(true);
              subnets
                .slice(i + 1)
                .forEach(other => expect(overlaps(s, other)).toBe(false));
            });
          }
          // Floors. The negated comparisons also catch NaN and missing values.
          if (pci && !(env.auditLog.retentionDays >= 365)) {
            violations.push(
              `${env.name}: pci-dss audit log retention ${env.auditLog.retentionDays} days < 365`,
            );
          }
          expect(env.encryption.atRest).toBe('managed-key');
          expect(['1.2', '1.3']).toContain(env.encryption.tlsMinVersion);
          expect(env.compute.autoscaling.min).toBeLessThanOrEqual(
            env.compute.autoscaling.max,
          );
          if (env.stage === 'production') {
            if (!(env.compute.autoscaling.min >= env.compute.zoneSpread)) {
              violations.push(
                `${env.name}: production autoscaling min ${env.compute.autoscaling.min} < zone spread ${env.compute.zoneSpread}`,
              );
            }
            if (answers.slos.availability >= 99.9 && env.multiAz !== true) {
              violations.push(
                `${env.name}: production at ${answers.slos.availability}% availability is not multi-AZ (multiAz: ${env.multiAz})`,
              );
            }
            if (env.database && env.database.deletionProtection !== true) {
              violations.push(
                `${env.name}: production database without deletion protection`,
              );
            }
          }
          if (env.database && env.database.private !== true) {
            violations.push(`${env.name}: database is not private`);
          }
          expect(
            env.firewallRules.some(
              r =>
                r.direction === 'ingress' &&
                [22, 3389].some(p => r.fromPort <= p && p <= r.toPort),
            ),
          ).toBe(false);
        }
        // The render action's schema accepts every design the planner makes.
        const checked = designSchema.safeParse(design);
        if (!checked.success) {
          violations.push(
            ...checked.error.issues.map(
              i => `schema: ${i.path.join('.')}: ${i.message}`,
            ),
          );
        }
        expect(violations).toEqual([]);
        // Every decision explained; the design is plain JSON.
        for (const d of design.decisions) expect(d.reason.trim()).not.toBe('');
        expect(JSON.parse(JSON.stringify(design))).toEqual(design);
        return true;
      }),
      { numRuns },
    );
  });

  it('arbitrary input either plans or fails with dotted paths', () => {
    const mutation = fc.record({
      path: fc.constantFrom(
        'service.name',
        'service.owner',
        'workload.peakRps',
        'slos.availability',
        'slos.window',
        'constraints.dataResidency',
        'environments',
        'topology.cloud',
        'topology.primaryRegion',
        'topology.vpcCidr',
        'reliability.autoscaling',
        'security.tlsMinVersion',
        'improvement.budgetAlertPercents',
      ),
      value: fc.anything(),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutation), input => {
        let candidate: unknown = input;
        if (
          input &&
          typeof input === 'object' &&
          'path' in input &&
          'value' in input &&
          typeof (input as any).path === 'string'
        ) {
          const copy = JSON.parse(JSON.stringify(exampleAnswers));
          const keys = (input as any).path.split('.');
          let node = copy;
          for (const key of keys.slice(0, -1)) node = node[key];
          node[keys[keys.length - 1]] = (input as any).value;
          candidate = copy;
        }
        const result = planFromInput(candidate);
        // One summary for both outcomes, so the expectation is unconditional: a plan has
        // version 1; a failure has issues, none with a non-dotted path or an empty message.
        const summary = result.ok
          ? { outcome: 'planned', version: result.design.version }
          : {
              outcome: 'rejected',
              hasIssues: result.issues.length > 0,
              malformed: result.issues.filter(
                issue =>
                  !(
                    typeof issue.path === 'string' &&
                    DOTTED_PATH.test(issue.path)
                  ) || !(issue.message.length > 0),
              ),
            };
        const expected = result.ok
          ? { outcome: 'planned', version: 1 }
          : { outcome: 'rejected', hasIssues: true, malformed: [] };
        expect(summary).toEqual(expected);
        return true;
      }),
      { numRuns },
    );
  });
});
