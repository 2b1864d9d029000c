import { createCatalogModelLayer } from '@backstage/catalog-model/alpha';
import {
  ANNOTATION_COMPLIANCE_FRAMEWORKS,
  ANNOTATION_IAC_PATH,
  ANNOTATION_INFRA_SOURCE,
  ANNOTATION_SLO_OWNER,
  ANNOTATION_SLO_RUNBOOK,
  ANNOTATION_SLO_SOURCE,
  FRAMEWORK_IDS,
  RELATION_HAS_SLO,
  RELATION_SLO_OF,
} from '@plinth/backstage-plugin-infra-common';

/**
 * Plinth's additions to the catalog model: the OpenSLO `SLO` kind, the
 * `sloOf` / `hasSlo` relation pair and the `plinth.dev/*` annotations, so the
 * catalog's model description and its UI know them.
 *
 * The kind's schema only requires an object `spec`: the catalog throws on a
 * schema failure, which would hide the entity, while InfraEntitiesProcessor
 * reports each broken field on the entity itself (see ADR 0030).
 */
export const infraCatalogModelLayer = createCatalogModelLayer({
  layerId: 'plinth.dev/infra-catalog-model',
  builder: model => {
    model.addKind({
      group: 'openslo',
      names: { kind: 'SLO', singular: 'slo', plural: 'slos' },
      description:
        'An OpenSLO v1 service level objective, ingested as it is and related to its service.',
      versions: [
        {
          name: 'v1',
          description: 'OpenSLO v1 SLO (https://github.com/OpenSLO/OpenSLO)',
          schema: {
            jsonSchema: {
              type: 'object',
              required: ['spec'],
              properties: { spec: { type: 'object' } },
            },
          },
        },
      ],
    });
    model.addRelationPair({
      fromKind: 'SLO',
      toKind: 'Component',
      description: 'An SLO measures a service.',
      forward: { type: RELATION_SLO_OF, title: 'SLO of' },
      reverse: { type: RELATION_HAS_SLO, title: 'has SLO' },
    });
    model.addAnnotation({
      name: ANNOTATION_COMPLIANCE_FRAMEWORKS,
      title: 'Compliance frameworks',
      description: `The frameworks a service must meet, comma separated: ${FRAMEWORK_IDS.join(
        ', ',
      )}.`,
    });
    model.addAnnotation({
      name: ANNOTATION_INFRA_SOURCE,
      title: 'Infrastructure source',
      description:
        "The location of a service's infrastructure-as-code repository.",
    });
    model.addAnnotation({
      name: ANNOTATION_IAC_PATH,
      title: 'IaC path',
      description:
        "An environment's root folder inside the infrastructure repository.",
    });
    model.addAnnotation({
      name: ANNOTATION_SLO_OWNER,
      title: 'SLO owner',
      description:
        'The owner of an SLO, as an entity ref (emits ownedBy / ownerOf).',
    });
    model.addAnnotation({
      name: ANNOTATION_SLO_RUNBOOK,
      title: 'SLO runbook',
      description: 'The runbook to follow when the SLO burns its error budget.',
    });
    model.addAnnotation({
      name: ANNOTATION_SLO_SOURCE,
      title: 'SLO source',
      description:
        'The OpenSLO document the SLO entity came from, in its repository.',
    });
  },
});
