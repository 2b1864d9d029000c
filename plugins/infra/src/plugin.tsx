import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import { infraApiRef, InfraClient } from './api';
import { rootRouteRef } from './routes';
import { infraFormFields } from './scaffolder';

/** The client for the infra backend (`/api/infra`). */
export const infraApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: infraApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InfraClient({ discoveryApi, fetchApi }),
    }),
});

/** `/infra`: every service's SLOs, environments and compliance. Its title and icon make the nav item. */
export const infraOverviewPage = PageBlueprint.make({
  params: {
    path: '/infra',
    title: 'Infrastructure',
    icon: <DnsOutlined fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/OverviewPage').then(m => <m.OverviewPage />),
  },
});

export const infraPlugin = createFrontendPlugin({
  pluginId: 'infra',
  extensions: [infraApi, infraOverviewPage, ...infraFormFields],
  routes: {
    root: rootRouteRef,
  },
});
