import {
  ANNOTATION_COMPLIANCE_FRAMEWORKS,
  ANNOTATION_IAC_PATH,
  ANNOTATION_SLO_OWNER,
  ANNOTATION_SLO_RUNBOOK,
  ANNOTATION_SLO_SOURCE,
  type Design,
  type EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { environmentRootPath, sloPath, sloRunbookPath } from '../names';
import { toYamlDocuments, GENERATED_HEADER } from '../yaml';
import { renderSloDocument } from '../slo';

const environmentEntityName = (design: Design, env: EnvironmentDesign) =>
  `${design.service.name}-${env.name}`;

/** The service's lifecycle: production once it has a production environment. */
function lifecycleOf(design: Design): string {
  return design.environments.some(env => env.stage === 'production')
    ? 'production'
    : 'experimental';
}

/**
 * `catalog-info.yaml`: the service Component, one environment Resource per
 * environment and one OpenSLO SLO per SLO, exactly per docs/catalog-contract.md.
 */
export function renderCatalog(design: Design): GeneratedFile[] {
  const { service } = design;
  const serviceRef = `component:default/${service.name}`;
  const system = service.system ? { system: service.system } : {};

  const component = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: service.name,
      ...(service.description ? { description: service.description } : {}),
      annotations: {
        [ANNOTATION_COMPLIANCE_FRAMEWORKS]: service.frameworks.join(','),
        // The repository's docs/ and mkdocs.yml are this service's TechDocs.
        'backstage.io/techdocs-ref': 'dir:.',
      },
    },
    spec: {
      type: 'service',
      lifecycle: lifecycleOf(design),
      owner: service.owner,
      ...system,
      dependsOn: design.environments.map(
        env => `resource:default/${environmentEntityName(design, env)}`,
      ),
    },
  };

  const environments = design.environments.map(env => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: environmentEntityName(design, env),
      annotations: { [ANNOTATION_IAC_PATH]: environmentRootPath(env.name) },
    },
    spec: {
      type: 'environment',
      owner: service.owner,
      ...system,
      dependencyOf: [serviceRef],
      environment: {
        name: env.name,
        stage: env.stage,
        cloud: env.cloud,
        regions: [env.regions.primary, ...env.regions.secondary],
        multiAz: env.multiAz,
        multiRegion: env.multiRegion,
        drPattern: env.drPattern,
        // Read by the wizard so that a new service does not reuse these ranges.
        networks: env.networks.map(n => ({ region: n.region, cidr: n.cidr })),
        controls: env.controls,
      },
    },
  }));

  const slos = design.slos.map(slo => {
    const document = renderSloDocument(design, slo);
    return {
      ...document,
      metadata: {
        ...document.metadata,
        annotations: {
          [ANNOTATION_SLO_OWNER]: service.owner,
          [ANNOTATION_SLO_RUNBOOK]: sloRunbookPath(slo),
          [ANNOTATION_SLO_SOURCE]: sloPath(slo),
        },
      },
    };
  });

  return [
    {
      path: 'catalog-info.yaml',
      content: toYamlDocuments(
        [component, ...environments, ...slos],
        GENERATED_HEADER,
      ),
    },
  ];
}
