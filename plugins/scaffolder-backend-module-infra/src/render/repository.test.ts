import { createMockDirectory } from '@backstage/backend-test-utils';
import { parse } from '@cdktf/hcl2json';
import type { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import yaml from 'yaml';
import { validateEntity } from '../__testUtils__/catalog';
import { CONTRACT_MODULES } from '../__testUtils__/contract';
import { createOpenSloValidator } from '../__testUtils__/openslo';
import { amtool, hasAmtool } from '../__testUtils__/amtool';
import { hasPromtool, promtool } from '../__testUtils__/promtool';
import { validateWorkflow } from '../__testUtils__/workflow';
import {
  exampleAnswerSets as answerSets,
  exampleRepository,
} from '../__testUtils__/exampleRepositories';

// The answers sets in examples/answers, each rendered and checked by the real tools.
function render(file: string) {
  const { design, files } = exampleRepository(file);
  return { design, files: new Map(files.map(f => [f.path, f.content])) };
}

describe.each(answerSets)('the repository rendered from %s', file => {
  const { design, files } = render(file);
  const dir = createMockDirectory();

  it('has every path of the repository contract', () => {
    const expected = [
      'README.md',
      'catalog-info.yaml',
      'mkdocs.yml',
      'docs/index.md',
      'docs/architecture.md',
      'docs/disaster-recovery.md',
      'docs/cost.md',
      'docs/compliance.md',
      'monitoring/prometheus/slo-rules.yaml',
      'monitoring/prometheus/slo-rules.test.yaml',
      'monitoring/alertmanager/alertmanager.yaml',
      '.github/workflows/infrastructure.yaml',
      ...[
        'deploy',
        'rollback',
        'failover',
        'restore-from-backup',
        'rotate-secrets',
        'scale',
      ].map(op => `docs/runbooks/${op}.md`),
      ...design.slos.map(slo => `slos/${slo.name}.yaml`),
      ...design.slos.map(slo => `docs/runbooks/slo-${slo.name}.md`),
      ...CONTRACT_MODULES.flatMap(module =>
        ['variables.tf', 'main.tf', 'outputs.tf'].map(
          f => `terraform/modules/${module}/${f}`,
        ),
      ),
      ...design.environments.flatMap(env =>
        [
          'versions.tf',
          'backend.tf',
          'variables.tf',
          'main.tf',
          'terraform.tfvars',
        ].map(f => `terraform/envs/${env.name}/${f}`),
      ),
      ...['versions.tf', 'variables.tf', 'main.tf', 'terraform.tfvars'].map(
        f => `terraform/bootstrap/${f}`,
      ),
    ];
    expect([...files.keys()]).toEqual(expect.arrayContaining(expected));
    expect(design.slos.length).toBeGreaterThan(0);
    // Nothing outside the contract's folders.
    for (const generated of files.keys()) {
      expect(generated).toMatch(
        /^(README\.md|catalog-info\.yaml|mkdocs\.yml|\.gitlab-ci\.yml|\.tflint\.hcl|\.github\/workflows\/infrastructure\.yaml|slos\/[a-z0-9-]+\.yaml|monitoring\/prometheus\/slo-rules(\.test)?\.yaml|monitoring\/alertmanager\/alertmanager\.yaml|docs\/[a-z0-9/-]+\.md|terraform\/(modules|envs)\/[a-z0-9-]+\/[a-z_]+\.(tf|tfvars)|terraform\/bootstrap\/[a-z_]+\.(tf|tfvars))$/,
      );
    }
  });

  it("writes HCL that HashiCorp's parser accepts, each root calling modules that exist", async () => {
    const hclFiles = [...files.keys()].filter(f => /\.(tf|tfvars)$/.test(f));
    expect(hclFiles.length).toBeGreaterThan(0);
    const parsed = new Map<string, any>();
    for (const hclFile of hclFiles) {
      parsed.set(hclFile, await parse(hclFile, files.get(hclFile)!));
    }
    for (const env of design.environments) {
      const root = `terraform/envs/${env.name}`;
      const backend = parsed.get(`${root}/backend.tf`).terraform?.[0]?.backend;
      expect(Object.keys(backend ?? {})).toHaveLength(1);
      const calls = Object.values(
        parsed.get(`${root}/main.tf`).module ?? {},
      ) as any[][];
      expect(calls.length).toBeGreaterThan(0);
      for (const [call] of calls) {
        const target = path.posix.join(root, call.source);
        expect(files.has(`${target}/main.tf`)).toBe(true);
      }
    }
  });

  /** Every query of the OpenSLO documents, with its `counter` flag. */
  const openSloQueries = () =>
    design.slos.flatMap(slo => {
      const ratio = yaml.parse(files.get(`slos/${slo.name}.yaml`)!).spec
        .indicator.spec.ratioMetric;
      return ['good', 'total'].map(part => ({
        counter: ratio.counter,
        query: ratio[part].metricSource.spec.query as string,
      }));
    });

  (hasPromtool() ? describe : describe.skip)('with promtool', () => {
    it('passes promtool check rules and promtool test rules', async () => {
      dir.setContent({
        'slo-rules.yaml': files.get('monitoring/prometheus/slo-rules.yaml')!,
        'slo-rules.test.yaml': files.get(
          'monitoring/prometheus/slo-rules.test.yaml',
        )!,
      });
      await expect(
        promtool(['check', 'rules', 'slo-rules.yaml'], dir.path),
      ).resolves.toMatch(/SUCCESS/);
      await expect(
        promtool(['test', 'rules', 'slo-rules.test.yaml'], dir.path),
      ).resolves.toMatch(/SUCCESS/);
      // promtool needs a few seconds per SLO for three days of one-minute samples.
    }, 300_000);

    it('writes OpenSLO queries that PromQL accepts as written', async () => {
      const rules = {
        groups: [
          {
            name: 'openslo-queries',
            rules: openSloQueries().map(({ query }, i) => ({
              record: `openslo_query_${i}`,
              expr: query,
            })),
          },
        ],
      };
      dir.setContent({ 'openslo-queries.yaml': yaml.stringify(rules) });
      await expect(
        promtool(['check', 'rules', 'openslo-queries.yaml'], dir.path),
      ).resolves.toMatch(/SUCCESS/);
    });
  });

  (hasAmtool() ? describe : describe.skip)('with amtool', () => {
    it('writes an Alertmanager configuration that amtool check-config accepts', async () => {
      const config = files.get('monitoring/alertmanager/alertmanager.yaml')!;
      dir.setContent({ 'alertmanager.yaml': config });
      await expect(
        amtool(['check-config', 'alertmanager.yaml'], dir.path),
      ).resolves.toMatch(/SUCCESS/);
      // Keys and URLs come from files, never from the design.
      expect(config).not.toMatch(
        /routing_key:|api_key:|api_url:|auth_password:/,
      );
    });
  });

  it('writes entities that the catalog accepts, per the contract', async () => {
    const entities = yaml
      .parseAllDocuments(files.get('catalog-info.yaml')!)
      .map(d => d.toJS() as Entity);
    for (const entity of entities) {
      await validateEntity(entity);
    }
    const component = entities.find(e => e.kind === 'Component')!;
    expect(
      component.metadata.annotations?.['plinth.dev/compliance-frameworks'],
    ).toBe(design.service.frameworks.join(','));
    expect(entities.filter(e => e.kind === 'Resource')).toHaveLength(
      design.environments.length,
    );
    expect(entities.filter(e => e.kind === 'SLO')).toHaveLength(
      design.slos.length,
    );
  });

  const validate = createOpenSloValidator();
  (validate ? describe : describe.skip)('with the OpenSLO schema', () => {
    it('writes OpenSLO documents that the OpenSLO v1 schema accepts', () => {
      for (const slo of design.slos) {
        expect(
          validate!(yaml.parse(files.get(`slos/${slo.name}.yaml`)!)),
        ).toEqual([]);
      }
    });
  });

  it('writes concrete OpenSLO queries: no template placeholder, rates with counter: false', () => {
    const queries = openSloQueries();
    expect(queries.length).toBeGreaterThan(0);
    for (const { counter, query } of queries) {
      expect(query).not.toContain('{{');
      // A query that wraps rate() returns a rate, not a raw counter.
      expect(query).toMatch(/rate\(/);
      expect(counter).toBe(false);
    }
  });

  it('writes a workflow that GitHub Actions parses without errors', async () => {
    await expect(
      validateWorkflow(files.get('.github/workflows/infrastructure.yaml')!),
    ).resolves.toEqual([]);
  });
});
