/*
 * Both actions through the scaffolder's REST API, as any template (not only ours) and the
 * template editor use them: the real scaffolder backend, this module, `POST /v2/dry-run`.
 */
import yaml from 'yaml';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import infraModule from '.';
import {
  PAYMENTS_API_FILES,
  CONTRACT_MODULES,
  dryRunFiles,
} from './__testUtils__/contract';
import { exampleAnswerSet } from './__testUtils__/exampleRepositories';

const answers = exampleAnswerSet('aws-pci-eu.yaml');

/** A minimal template of someone else's: one parameter holding the whole answers object. */
const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'infra-dry-run', title: 'Plan and render' },
  spec: {
    owner: 'group:default/platform',
    type: 'service',
    parameters: [
      {
        title: 'Answers',
        required: ['answers'],
        properties: { answers: { type: 'object' } },
      },
    ],
    steps: [
      {
        id: 'plan',
        name: 'Plan the design',
        action: 'infra:design:plan',
        input: { answers: '${{ parameters.answers }}' },
      },
      {
        id: 'render',
        name: 'Render the repository',
        action: 'infra:repository:render',
        input: { design: '${{ steps.plan.output.design }}' },
      },
    ],
    output: {
      files: '${{ steps.render.output.files }}',
      warnings: '${{ steps.plan.output.warnings }}',
      environments: '${{ steps.plan.output.design.environments.length }}',
    },
  },
};

describe('POST /api/scaffolder/v2/dry-run with infra:design:plan and infra:repository:render', () => {
  const mockDir = createMockDirectory();
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

  beforeAll(async () => {
    mockDir.setContent({ work: {} });
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        infraModule,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { backend: { workingDirectory: mockDir.resolve('work') } },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function dryRun(values: object) {
    const res = await fetch(
      `http://localhost:${backend!.server.port()}/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({ template, values, directoryContents: [] }),
      },
    );
    return { status: res.status, body: await res.json() };
  }

  it('returns the rendered repository, the step logs and the template output', async () => {
    const { status, body } = await dryRun({ answers });
    expect(status).toBe(200);

    const files = dryRunFiles(body.directoryContents);
    const paths = [...files.keys()];
    expect(paths).toEqual(expect.arrayContaining(PAYMENTS_API_FILES));
    expect(paths.filter(p => /^slos\/[a-z0-9-]+\.yaml$/.test(p))).toHaveLength(
      2,
    );
    // Terraform: the shared modules and one root per environment.
    for (const module of CONTRACT_MODULES) {
      expect(paths).toContain(`terraform/modules/${module}/main.tf`);
    }
    for (const env of ['dev', 'staging', 'prod']) {
      expect(paths).toEqual(
        expect.arrayContaining(
          [
            'versions.tf',
            'backend.tf',
            'variables.tf',
            'main.tf',
            'terraform.tfvars',
          ].map(f => `terraform/envs/${env}/${f}`),
        ),
      );
    }
    expect(files.get('terraform/envs/prod/backend.tf')).toContain(
      'backend "s3"',
    );

    // The files are the rendered ones, not empty placeholders.
    expect(files.get('README.md')).toContain('payments-api');
    const entities = yaml
      .parseAllDocuments(files.get('catalog-info.yaml')!)
      .map(d => d.toJS());
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
      'Component:payments-api',
      'Resource:payments-api-dev',
      'Resource:payments-api-staging',
      'Resource:payments-api-prod',
      'SLO:payments-api-availability',
      'SLO:payments-api-latency',
    ]);

    // The render step's output lists exactly the files the dry run returned.
    expect([...body.output.files].sort()).toEqual([...paths].sort());
    expect(body.output.environments).toBe(3);
    expect(Array.isArray(body.output.warnings)).toBe(true);

    // Both steps ran, in order, and logged what they did.
    expect(body.steps.map((s: { id: string }) => s.id)).toEqual([
      'plan',
      'render',
    ]);
    const messages: string[] = body.log.map(
      (l: { body: { message: string } }) => l.body.message,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Planned payments-api: 3 environments'),
        expect.stringContaining(`Wrote ${paths.length} files for payments-api`),
      ]),
    );
    const finished = body.log.filter(
      (l: { body: { status?: string } }) => l.body.status === 'completed',
    );
    expect(
      finished.map((l: { body: { stepId: string } }) => l.body.stepId),
    ).toEqual(expect.arrayContaining(['plan', 'render']));
  });

  it('fails the plan step with the offending field by its dotted path', async () => {
    const { status, body } = await dryRun({
      answers: {
        ...answers,
        topology: { ...answers.topology, primaryRegion: 'us-east-1' },
      },
    });
    expect(status).toBe(400);
    expect(body.error.name).toBe('InputError');
    expect(body.error.message).toContain(
      'topology.primaryRegion: eu residency allows',
    );
  });
});
