import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { mockBackend } from '../../__testUtils__/backend';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { infraApiRef, InfraClient } from '../../api';
import { RollupCard } from './RollupCard';

const { server, discoveryApi, fetchApi } = mockBackend();
const apis = [
  [infraApiRef, new InfraClient({ discoveryApi, fetchApi })],
] as const;
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('RollupCard', () => {
  function serve() {
    const requests: URL[] = [];
    server.use(
      http.get('http://backstage/api/infra/overview', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json({
          items: [
            {
              ref: 'component:default/cart-service',
              name: 'cart-service',
              namespace: 'default',
              title: 'Cart',
              slos: [],
              environmentCount: 2,
              frameworks: [{ id: 'gdpr', status: 'non-compliant' }],
              status: 'non-compliant',
              issues: [],
            },
          ],
          total: 1,
          page: 1,
          pageSize: 50,
          facets: { owners: [], systems: [], frameworks: ['gdpr'] },
          generatedAt: '2026-01-01T00:00:00.000Z',
        });
      }),
    );
    return requests;
  }

  it("rolls up a group's services by owner, failures first", async () => {
    const requests = serve();
    await renderInTestApp(
      <EntityProvider entity={entity('Group', 'checkout')}>
        <RollupCard />
      </EntityProvider>,
      { apis, mountedRoutes },
    );
    expect(await screen.findByText('GDPR: Non compliant')).toBeInTheDocument();
    expect(screen.getByText(/1 service: 1 non compliant/)).toBeInTheDocument();
    expect(requests[0].searchParams.get('owner')).toBe(
      'group:default/checkout',
    );
    expect(requests[0].searchParams.get('sort')).toBe('failures');
  });

  it("rolls up a system's services by system", async () => {
    const requests = serve();
    await renderInTestApp(
      <EntityProvider entity={entity('System', 'storefront')}>
        <RollupCard />
      </EntityProvider>,
      { apis, mountedRoutes },
    );
    expect(await screen.findByRole('link', { name: 'Cart' })).toHaveAttribute(
      'href',
      '/catalog/default/component/cart-service',
    );
    expect(requests[0].searchParams.get('system')).toBe(
      'system:default/storefront',
    );
    expect(requests[0].searchParams.get('owner')).toBeNull();
  });
});
