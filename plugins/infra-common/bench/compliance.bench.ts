/*
 * Compliance of 10,000 services x 3 environments, starting from their catalog entities
 * (parsed with the catalog contract's parsers), side by side with json-rules-engine (the
 * engine Backstage Tech Insights uses) running the same controls as JSON rules.
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
import { defaultRules, evaluateCompliance, ControlDefinition } from '../src/compliance';
import { fmt, measure } from './stats';

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
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', annotations: { 'plinth.dev/compliance-frameworks': frameworks.join(',') } },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team', dependsOn: STAGES.map(s => `resource:default/${name}-${s}`) },
    });
    for (const stage of STAGES) {
      const controls: DeclaredControls = {};
      // Most fields declared, some missing (unknown), some failing.
      const set = <K extends keyof DeclaredControls>(k: K, good: DeclaredControls[K], bad: DeclaredControls[K]) => {
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
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: `${name}-${stage}`, namespace: 'default' },
        spec: {
          type: 'environment',
          owner: 'group:default/team',
          dependencyOf: [`component:default/${name}`],
          environment: { name: stage, stage, cloud: 'aws', regions: ['eu-west-1'], multiAz: stage === 'production', multiRegion: false, controls },
        },
      });
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
    const report = evaluateCompliance(service.frameworks, catalog.environmentsByService.get(service.ref) ?? []);
    for (const f of report.frameworks) if (f.status === 'non-compliant') nonCompliant++;
  }
  return nonCompliant;
}

/** The same controls as json-rules-engine rules: one rule per control, fired when met. */
function jsonRuleFor(control: ControlDefinition) {
  const fact = (path: string, operator: string, value: unknown) => ({ fact: 'controls', path: `$.${path}`, operator, value });
  let condition;
  const days = /-(\d+)d$/.exec(control.id)?.[1];
  if (control.id.startsWith('audit-log-retention-')) condition = fact('auditLogRetentionDays', 'greaterThanInclusive', Number(days));
  else if (control.id.startsWith('backups-')) condition = { all: [fact('backups', 'equal', true), fact('backupRetentionDays', 'greaterThanInclusive', Number(days))] };
  else if (control.id === 'encryption-at-rest') condition = fact('encryptionAtRest', 'in', ['managed-key', 'provider-managed']);
  else if (control.id === 'encryption-at-rest-managed-key') condition = fact('encryptionAtRest', 'equal', 'managed-key');
  else if (control.id === 'tls-1-2-minimum') condition = fact('tlsMinVersion', 'in', ['1.2', '1.3']);
  else if (control.id === 'data-residency-eu') condition = fact('dataResidency', 'equal', 'eu');
  else condition = fact(control.field, 'equal', true);
  return {
    conditions: { all: [{ fact: 'stage', operator: 'in', value: [...control.stages] }, condition] },
    event: { type: control.id },
  };
}

export async function evaluateCatalogWithJsonRulesEngine(catalog: Catalog): Promise<number> {
  const engine = new Engine(defaultRules.controls.map(jsonRuleFor), { allowUndefinedFacts: true });
  let passed = 0;
  for (const service of catalog.services) {
    for (const env of catalog.environmentsByService.get(service.ref) ?? []) {
      const { events } = await engine.run({ stage: env.stage, controls: env.controls });
      passed += events.length;
    }
  }
  return passed;
}

export async function benchCompliance() {
  const entities = makeEntities();
  const lines: string[] = [];
  const runs = Number(process.env.COMPLIANCE_RUNS ?? 31);
  // Each measure warms up first (5 runs), then times `runs` runs: median and p95.
  const parse = measure(runs, () => parseCatalog(entities), 5);
  const catalog = parseCatalog(entities);
  const evaluate = measure(runs, () => evaluateCatalog(catalog), 5);
  // What the target is about: entities -> views -> per-framework statuses, every service.
  const endToEnd = measure(runs, () => evaluateCatalog(parseCatalog(entities)), 5);
  const stat = (m: ReturnType<typeof measure>) => `median ${fmt(m.median)}, p95 ${fmt(m.p95)}, min ${fmt(m.min)} (${m.runs} runs)`;
  lines.push(`${entities.length} entities (${SERVICES} services x 3 environments), ${defaultRules.controls.length} distinct controls`);
  lines.push(`parse entities into views (catalog parsers): ${stat(parse)}`);
  lines.push(`evaluate compliance from parsed views: ${stat(evaluate)}`);
  lines.push(`entities -> compliance, end to end: ${stat(endToEnd)}`);

  const jreRuns = Number(process.env.JRE_RUNS ?? 3);
  await evaluateCatalogWithJsonRulesEngine(catalog); // warm-up
  const jreTimes: number[] = [];
  for (let i = 0; i < jreRuns; i++) {
    const start = performance.now();
    await evaluateCatalogWithJsonRulesEngine(catalog);
    jreTimes.push(performance.now() - start);
  }
  jreTimes.sort((a, b) => a - b);
  const jre = jreTimes[Math.floor(jreTimes.length / 2)];
  lines.push(`json-rules-engine, same controls, from parsed views (parsing not counted): median ${fmt(jre)} (${jreRuns} runs after 1 warm-up)`);
  lines.push(`speed-up over json-rules-engine: ${(jre / endToEnd.median).toFixed(0)}x end to end (our parsing counted, theirs not), ${(jre / evaluate.median).toFixed(0)}x evaluation only`);
  return { parse, evaluate, endToEnd, jre, lines };
}
