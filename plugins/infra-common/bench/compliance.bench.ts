/*
 * Compliance of 10,000 services x 3 environments, starting from their catalog entities as
 * the catalog API returns them (JSON), three ways:
 *   (a) the full report: entities -> views (catalog parsers) -> evaluateCompliance;
 *   (b) the status path: summarizeCompliance, straight from the entities;
 *   (c) json-rules-engine (the engine Backstage Tech Insights uses) running the same
 *       controls as JSON rules, from the parsed views (its parsing not counted).
 * Each: warm-up, then timed runs (median, p95, min), with the load average around them.
 */
import { Engine } from 'json-rules-engine';
import type { Entity } from '@backstage/catalog-model';
import {
  DeclaredControls,
  EnvironmentView,
  FRAMEWORK_IDS,
  parseEnvironment,
  parseService,
  ServiceView,
} from '../src/catalog';
import {
  defaultRules,
  evaluateCompliance,
  ControlDefinition,
  summarizeCompliance,
} from '../src/compliance';
import * as fixtures from '../src/testUtils';
import { fmt, loadAverage, measure, measureAsync } from '@plinth/test-support';

const SERVICES = 10_000;
const STAGES = ['development', 'staging', 'production'] as const;

/** A deterministic pseudo-random generator, so every run sees the same catalog. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

export function makeEntities(): Entity[] {
  const rnd = random(42);
  const entities: Entity[] = [];
  for (let i = 0; i < SERVICES; i++) {
    const name = `service-${i}`;
    const frameworks = FRAMEWORK_IDS.filter(() => rnd() < 0.4);
    entities.push(fixtures.service(name, { frameworks: frameworks.join(',') }));
    for (const stage of STAGES) {
      const controls: DeclaredControls = {};
      // Most fields declared, some missing (unknown), some failing.
      const set = <K extends keyof DeclaredControls>(
        k: K,
        good: DeclaredControls[K],
        bad: DeclaredControls[K],
      ) => {
        const r = rnd();
        if (r < 0.9) controls[k] = good;
        else if (r < 0.96) controls[k] = bad;
      };
      set('encryptionAtRest', 'managed-key', 'provider-managed');
      set('encryptionInTransit', true, false);
      set('tlsMinVersion', '1.2', '1.2');
      set('auditLogging', true, false);
      set('auditLogRetentionDays', 365, 90);
      set('backups', true, false);
      set('backupRetentionDays', 35, 3);
      set('pointInTimeRecovery', true, false);
      set('multiAz', stage === 'production', false);
      set('flowLogs', true, false);
      set('privateDataTier', true, false);
      set('networkSegmentation', true, false);
      set('deletionProtection', true, false);
      set('waf', true, false);
      set('leastPrivilegeRoles', true, false);
      set('secretsManagement', true, false);
      set('dataResidency', 'eu', 'any');
      set('restoreTested', true, false);
      entities.push(
        fixtures.environment(name, stage, {
          name: stage,
          stage,
          cloud: 'aws',
          regions: ['eu-west-1'],
          multiAz: stage === 'production',
          multiRegion: false,
          controls,
        }),
      );
    }
  }
  return entities;
}

interface Catalog {
  services: ServiceView[];
  environmentsByService: Map<string, EnvironmentView[]>;
}

export function parseCatalog(entities: Entity[]): Catalog {
  const services: ServiceView[] = [];
  const environmentsByService = new Map<string, EnvironmentView[]>();
  for (const entity of entities) {
    if (entity.kind === 'Component') {
      const parsed = parseService(entity);
      if (parsed.ok) services.push(parsed.value);
    } else {
      const parsed = parseEnvironment(entity);
      if (!parsed.ok) continue;
      for (const ref of parsed.value.serviceRefs) {
        const list = environmentsByService.get(ref);
        if (list) list.push(parsed.value);
        else environmentsByService.set(ref, [parsed.value]);
      }
    }
  }
  return { services, environmentsByService };
}

export function evaluateCatalog(catalog: Catalog): number {
  let nonCompliant = 0;
  for (const service of catalog.services) {
    const report = evaluateCompliance(
      service.frameworks,
      catalog.environmentsByService.get(service.ref) ?? [],
    );
    for (const f of report.frameworks)
      if (f.status === 'non-compliant') nonCompliant++;
  }
  return nonCompliant;
}

/** The same controls as json-rules-engine rules: one rule per control, fired when met. */
function jsonRuleFor(control: ControlDefinition) {
  const fact = (path: string, operator: string, value: unknown) => ({
    fact: 'controls',
    path: `$.${path}`,
    operator,
    value,
  });
  let condition;
  const days = /-(\d+)d$/.exec(control.id)?.[1];
  if (control.id.startsWith('audit-log-retention-'))
    condition = fact(
      'auditLogRetentionDays',
      'greaterThanInclusive',
      Number(days),
    );
  else if (control.id.startsWith('backups-'))
    condition = {
      all: [
        fact('backups', 'equal', true),
        fact('backupRetentionDays', 'greaterThanInclusive', Number(days)),
      ],
    };
  else if (control.id === 'encryption-at-rest')
    condition = fact('encryptionAtRest', 'in', [
      'managed-key',
      'provider-managed',
    ]);
  else if (control.id === 'encryption-at-rest-managed-key')
    condition = fact('encryptionAtRest', 'equal', 'managed-key');
  else if (control.id === 'tls-1-2-minimum')
    condition = fact('tlsMinVersion', 'in', ['1.2', '1.3']);
  else if (control.id === 'data-residency-eu')
    condition = fact('dataResidency', 'equal', 'eu');
  else condition = fact(control.field, 'equal', true);
  return {
    conditions: {
      all: [
        { fact: 'stage', operator: 'in', value: [...control.stages] },
        condition,
      ],
    },
    event: { type: control.id },
  };
}

export async function evaluateCatalogWithJsonRulesEngine(
  catalog: Catalog,
): Promise<number> {
  const engine = new Engine(defaultRules.controls.map(jsonRuleFor), {
    allowUndefinedFacts: true,
  });
  let passed = 0;
  for (const service of catalog.services) {
    for (const env of catalog.environmentsByService.get(service.ref) ?? []) {
      const { events } = await engine.run({
        stage: env.stage,
        controls: env.controls,
      });
      passed += events.length;
    }
  }
  return passed;
}

/** The entities as the catalog API hands them over: parsed from JSON. */
export function catalogResponse(): {
  services: Entity[];
  environments: Entity[];
} {
  const entities: Entity[] = JSON.parse(JSON.stringify(makeEntities()));
  return {
    services: entities.filter(e => e.kind === 'Component'),
    environments: entities.filter(e => e.kind !== 'Component'),
  };
}

/** (b): the status of every framework of every service, straight from the entities. */
export function summarizeCatalog(
  services: Entity[],
  environments: Entity[],
): number {
  let nonCompliant = 0;
  for (const summary of summarizeCompliance(services, environments).values()) {
    for (const id in summary.frameworks) {
      if (
        summary.frameworks[id as keyof typeof summary.frameworks] ===
        'non-compliant'
      )
        nonCompliant++;
    }
  }
  return nonCompliant;
}

/** The statuses of both paths must be the same, service for service, before timing them. */
function checkSamePaths(services: Entity[], environments: Entity[]) {
  const catalog = parseCatalog([...services, ...environments]);
  const summaries = summarizeCompliance(services, environments);
  let compared = 0;
  for (const service of catalog.services) {
    const report = evaluateCompliance(
      service.frameworks,
      catalog.environmentsByService.get(service.ref) ?? [],
    );
    const full = JSON.stringify(
      report.frameworks.map(f => [f.framework, f.status]),
    );
    const fast = JSON.stringify(
      Object.entries(summaries.get(service.ref)?.frameworks ?? {}),
    );
    if (full !== fast)
      throw new Error(`${service.ref}: full report ${full}, summary ${fast}`);
    compared++;
  }
  if (compared !== SERVICES || summaries.size !== SERVICES)
    throw new Error('the paths must read every service');
}

export async function benchCompliance() {
  const { services, environments } = catalogResponse();
  const entities = [...services, ...environments];
  checkSamePaths(services, environments);
  const lines: string[] = [];
  const runs = Number(process.env.COMPLIANCE_RUNS ?? 31);
  const stat = (m: {
    median: number;
    p95: number;
    min: number;
    runs: number;
  }) =>
    `median ${fmt(m.median)}, p95 ${fmt(m.p95)}, min ${fmt(m.min)} (${
      m.runs
    } runs)`;
  const series = <T>(fn: () => T): T & { load: string } => {
    const before = loadAverage();
    const result = fn();
    return { ...result, load: `load ${before} -> ${loadAverage()}` };
  };
  lines.push(
    `${entities.length} entities (${SERVICES} services x 3 environments, from JSON), ${defaultRules.controls.length} distinct controls`,
  );

  // Each measure warms up first (5 runs), then times `runs` runs.
  // (a) The full report, split into its two halves, then end to end.
  const parse = series(() => measure(runs, () => parseCatalog(entities), 5));
  lines.push(
    `(a1) parse entities into views (catalog parsers): ${stat(parse)}; ${
      parse.load
    }`,
  );
  const catalog = parseCatalog(entities);
  const evaluate = series(() =>
    measure(runs, () => evaluateCatalog(catalog), 5),
  );
  lines.push(
    `(a2) full reports from parsed views (evaluateCompliance): ${stat(
      evaluate,
    )}; ${evaluate.load}`,
  );
  const endToEnd = series(() =>
    measure(runs, () => evaluateCatalog(parseCatalog(entities)), 5),
  );
  lines.push(
    `(a) entities -> views -> full reports, end to end: ${stat(endToEnd)}; ${
      endToEnd.load
    }`,
  );
  // (b) What the overview needs: statuses only, straight from the entities.
  const summary = series(() =>
    measure(runs, () => summarizeCatalog(services, environments), 10),
  );
  lines.push(
    `(b) entities -> statuses (summarizeCompliance): ${stat(summary)}; ${
      summary.load
    }`,
  );

  // (c) json-rules-engine: one engine, one rule per distinct control, once per environment.
  // Asynchronous, so not `series`; one warm-up run (each takes seconds).
  const jreRuns = Number(process.env.JRE_RUNS ?? 31);
  const jreBefore = loadAverage();
  const jreTiming = await measureAsync(
    jreRuns,
    () => evaluateCatalogWithJsonRulesEngine(catalog),
    1,
  );
  const jre = { ...jreTiming, load: `load ${jreBefore} -> ${loadAverage()}` };
  lines.push(
    `(c) json-rules-engine, same controls, from parsed views (parsing not counted), 1 warm-up: ${stat(
      jre,
    )}; ${jre.load}`,
  );
  lines.push(
    `speed-up of (b) over (c): ${(jre.median / summary.median).toFixed(
      0,
    )}x by medians, ${(jre.min / summary.min).toFixed(0)}x by minimums; ` +
      `(b) over (a): ${(endToEnd.median / summary.median).toFixed(
        1,
      )}x by medians`,
  );
  lines.push(
    `target (b) < 50 ms median: ${
      summary.median < 50 ? 'met' : 'NOT met'
    }; >= 100x json-rules-engine: ${
      jre.median / summary.median >= 100 ? 'met' : 'NOT met'
    }`,
  );
  return { parse, evaluate, endToEnd, summary, jre, lines };
}
