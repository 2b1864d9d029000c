import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// A minimal backend for working on this plugin alone (`yarn start` here):
//
//   curl 'http://localhost:7007/api/infra/overview?sort=failures&pageSize=20'
//   curl http://localhost:7007/api/infra/plan -H 'Content-Type: application/json' -d '{"answers": {}}'

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'sample',
          annotations: { 'plinth.dev/compliance-frameworks': 'soc2' },
        },
        spec: { type: 'service', owner: 'group:default/team' },
      },
    ],
  }),
);
backend.add(import('../src'));

backend.start();
