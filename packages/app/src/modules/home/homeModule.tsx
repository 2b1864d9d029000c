import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

// Everything here works offline: no widget on the home page calls the internet.
const content = `
## Welcome to Plinth

Plinth turns a service's SLOs and constraints into a reviewed, secure
infrastructure repository, and shows every service's SLOs, environments
and compliance in one place.

- **Request infrastructure** with the [guided wizard](/create/templates/default/infra-request)
- **See every service** on the [Infrastructure overview](/infra)
- **Browse the catalog** in the [Software Catalog](/catalog)
- **Read the docs** of any service from its catalog page (TechDocs)

This card is defined in \`packages/app/src/modules/home/homeModule.tsx\`.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'Where to start with Plinth',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

const infrastructureContent = `
Each service's **Infrastructure** tab shows its SLOs and error budgets, its
environments and the compliance of its frameworks, with a fix for every
unmet control.

[Open the overview](/infra) or [request infrastructure](/create/templates/default/infra-request).
`;

/** Takes the place of the random-joke widget, which needs the internet. */
const infrastructureWidget = HomePageWidgetBlueprint.make({
  name: 'plinth-infrastructure',
  params: {
    name: 'PlinthInfrastructure',
    title: 'Infrastructure',
    description: 'SLOs, environments and compliance of every service',
    components: async () => ({
      Content: () => <MarkdownContent content={infrastructureContent} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget, infrastructureWidget],
});
