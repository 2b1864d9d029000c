/*
 * The backend as the components' tests see it: msw answers the requests that the real
 * clients (InfraClient, CatalogClient) send to http://backstage, through the real fetch.
 */
import { setupServer } from 'msw/node';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';

/** Call at the top of a test file: the msw server, reset after each test. */
export function mockBackend(): {
  server: ReturnType<typeof setupServer>;
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
} {
  const server = setupServer();
  registerMswTestHooks(server);
  return {
    server,
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  };
}
