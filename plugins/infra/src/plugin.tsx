import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
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

/**
 * `/infra-source`: a Terraform file of a local repository, the target of the compliance
 * card's evidence links (no title or icon, so no nav item).
 */
export const infraSourcePage = PageBlueprint.make({
  name: 'source',
  params: {
    path: '/infra-source',
    loader: () => import('./components/SourcePage').then(m => <m.SourcePage />),
  },
});

/** The tab and the cards are about a service's own infrastructure. */
const services = { kind: 'component', 'spec.type': 'service' };

/** The Infrastructure tab on services: SLOs, environments and compliance. */
export const infraEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'infrastructure',
    title: 'Infrastructure',
    filter: services,
    loader: () =>
      import('./components/InfraContent').then(m => <m.InfraContent />),
  },
});

/**
 * One of the tab's cards, for a service's overview tab. Disabled by default (the tab
 * already shows them); enable with `app.extensions: [entity-card:infra/slos, ...]`.
 */
function serviceCard<TName extends string>(
  name: TName,
  loader: () => Promise<JSX.Element>,
) {
  return EntityCardBlueprint.make({
    name,
    disabled: true,
    params: { filter: services, loader },
  });
}

export const infraSloCard = serviceCard('slos', () =>
  import('./components/InfraContent').then(m => <m.EntitySloCard />),
);

export const infraEnvironmentsCard = serviceCard('environments', () =>
  import('./components/InfraContent').then(m => <m.EntityEnvironmentsCard />),
);

export const infraComplianceCard = serviceCard('compliance', () =>
  import('./components/InfraContent').then(m => <m.EntityComplianceCard />),
);

/** On a System or a Group: the roll-up of its services. */
export const infraRollupCard = EntityCardBlueprint.make({
  name: 'rollup',
  params: {
    filter: { kind: { $in: ['system', 'group'] } },
    loader: () => import('./components/RollupCard').then(m => <m.RollupCard />),
  },
});

/**
 * Plinth's frontend: the Infrastructure tab and cards on entity pages, the /infra
 * overview page and the wizard's field extensions. Installed by feature discovery.
 *
 * @public
 */
export const infraPlugin = createFrontendPlugin({
  pluginId: 'infra',
  extensions: [
    infraApi,
    infraOverviewPage,
    infraSourcePage,
    infraEntityContent,
    infraSloCard,
    infraEnvironmentsCard,
    infraComplianceCard,
    infraRollupCard,
    ...infraFormFields,
  ],
  routes: {
    root: rootRouteRef,
  },
});
