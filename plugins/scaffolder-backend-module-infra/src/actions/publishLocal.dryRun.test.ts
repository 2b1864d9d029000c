/*
 * The infra-request template, dry-run through the scaffolder's REST API as the template
 * editor does it: the real scaffolder backend, this module's actions, realistic values.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import {
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_NAME_PATTERN,
} from '@plinth/backstage-plugin-infra-common';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { exampleAnswers } from '@plinth/backstage-plugin-infra-common/testUtils';
import scaffolderModuleInfra from '../index';
import { PAYMENTS_API_FILES, dryRunFiles } from '../__testUtils__/contract';

const templatePath = path.resolve(
  __dirname,
  '../../templates/infra-request/template.yaml',
);

/** The wizard's values: the shared example answers, and where to publish. */
const values = { ...exampleAnswers, publish: { target: 'local' } };

describe('infra-request template dry-run', () => {
  const mockDir = createMockDirectory();

  async function dryRun(body: object) {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleInfra,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            backend: { workingDirectory: mockDir.resolve('work') },
            plinth: {
              publish: { localDirectory: mockDir.resolve('repositories') },
            },
          },
        }),
      ],
    });
    return request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send(body);
  }

  const template = yaml.parse(fs.readFileSync(templatePath, 'utf8'));

  it('plans, renders and would publish the repository without writing it', async () => {
    mockDir.setContent({ work: {} });

    const res = await dryRun({ template, values, directoryContents: [] });

    expect(res.status).toBe(200);
    const files = dryRunFiles(res.body.directoryContents);
    const paths = [...files.keys()];
    expect(paths).toEqual(
      expect.arrayContaining([
        ...PAYMENTS_API_FILES,
        'docs/disaster-recovery.md',
      ]),
    );

    const entities = yaml
      .parseAllDocuments(files.get('catalog-info.yaml')!)
      .map(d => d.toJSON());
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual(
      expect.arrayContaining([
        'Component:payments-api',
        'Resource:payments-api-prod',
        'SLO:payments-api-availability',
      ]),
    );
    expect(
      entities.find(e => e.kind === 'Component').metadata.annotations[
        'plinth.dev/compliance-frameworks'
      ],
    ).toBe('pci-dss,soc2');

    // Dry-run safe: nothing was published outside the workspace.
    expect(fs.existsSync(mockDir.resolve('repositories'))).toBe(false);
    expect(res.body.output.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: 'Infrastructure tab',
          url: '/catalog/default/component/payments-api/infrastructure',
        }),
        expect.objectContaining({
          entityRef: 'component:default/payments-api',
        }),
      ]),
    );
    const stepIds = res.body.steps.map((s: any) => s.id);
    expect(stepIds).toContain('publish-local');
  });

  it('rejects answers the planner rejects, naming the field', async () => {
    mockDir.setContent({ work: {} });

    const res = await dryRun({
      template,
      values: {
        ...values,
        topology: { ...values.topology, primaryRegion: 'us-east-1' },
      },
      directoryContents: [],
    });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'topology.primaryRegion: eu residency allows eu-west-1',
    );
  });

  it('uses the one service-name pattern, and a 40-character name goes through every step', async () => {
    const nameField =
      template.spec.parameters[0].properties.service.properties.name;
    expect(nameField.pattern).toBe(SERVICE_NAME_PATTERN.source);
    mockDir.setContent({ work: {} });

    const name = `p${'a'.repeat(38)}z`;
    expect(name).toHaveLength(SERVICE_NAME_MAX_LENGTH);
    const res = await dryRun({
      template,
      values: { ...values, service: { ...values.service, name } },
      directoryContents: [],
    });

    expect(res.status).toBe(200);
    expect(res.body.steps.map((s: any) => s.id)).toEqual(
      expect.arrayContaining(['publish-local']),
    );
    expect(res.body.log.map((l: any) => l.body.message).join('\n')).toContain(
      `${name}-infra`,
    );
  });
});
