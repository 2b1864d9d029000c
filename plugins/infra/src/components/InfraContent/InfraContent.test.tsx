import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { mockBackend } from '../../__testUtils__/backend';
import { Entity } from '@backstage/catalog-model';
import { CatalogClient } from '@backstage/catalog-client';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import {
  evaluateCompliance,
  parseEnvironment,
} from '@plinth/backstage-plugin-infra-common';
import {
  prod as sharedProd,
  service as sharedService,
  slo as sharedSlo,
} from '@plinth/backstage-plugin-infra-common/testUtils';
import { InfraContent } from './InfraContent';

const { server, discoveryApi, fetchApi } = mockBackend();
const apis = [
  [catalogApiRef, new CatalogClient({ discoveryApi, fetchApi })],
] as const;

const service: Entity = sharedService('payments-api', {
  frameworks: 'pci-dss,soc2',
  system: 'payments',
  annotations: {
    'plinth.dev/infra-source': 'url:https://github.com/acme/payments-api-infra',
  },
});

const prod = sharedProd(
  'payments-api',
  {
    encryptionAtRest: 'none',
    encryptionInTransit: true,
    tlsMinVersion: '1.2',
    auditLogging: true,
    auditLogRetentionDays: 90,
    backups: true,
    backupRetentionDays: 35,
  },
  { regions: ['eu-west-1', 'eu-central-1'], multiRegion: true },
  { annotations: { 'plinth.dev/iac-path': 'terraform/envs/prod' } },
);

const brokenEnv: Entity = {
  ...prod,
  metadata: { name: 'payments-api-qa', namespace: 'default' },
  spec: {
    ...(prod.spec as object),
    environment: {
      name: 'qa',
      stage: 'qa',
      cloud: 'aws',
      regions: ['eu-west-1'],
    },
  },
};

const slo = sharedSlo('payments-api', 'availability', 0.9995, '28d', {
  displayName: 'Payments API availability',
  annotations: {
    'plinth.dev/runbook': 'docs/runbooks/slo-payments-api-availability.md',
    'plinth.dev/source': 'slos/payments-api-availability.yaml',
  },
});

function serveCatalog(options: { slos: Entity[]; environments: Entity[] }) {
  const filters: string[] = [];
  server.use(
    http.get('http://backstage/api/catalog/entities', ({ request }) => {
      const url = new URL(request.url);
      const filter = url.searchParams.getAll('filter').join('&');
      filters.push(`${filter} fields=${url.searchParams.get('fields')}`);
      if (/kind=SLO/i.test(filter)) return HttpResponse.json(options.slos);
      if (/kind=Resource/i.test(filter))
        return HttpResponse.json(options.environments);
      return HttpResponse.json([]);
    }),
  );
  return filters;
}

function renderTab(entity: Entity = service) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <InfraContent />
    </EntityProvider>,
    { apis },
  );
}

describe('InfraContent', () => {
  it('shows SLOs, environments and compliance, with one filtered query each', async () => {
    const queries = serveCatalog({ slos: [slo], environments: [prod] });
    await renderTab();

    expect(
      await screen.findByText('Payments API availability'),
    ).toBeInTheDocument();
    expect(screen.getByText('99.95%')).toBeInTheDocument();
    // 0.05% of 28 days = 20.16 minutes, from infra-common's errorBudget
    expect(screen.getByText('20.16 min')).toBeInTheDocument();
    const alerts = screen.getByRole('table', { name: 'Burn-rate alerts' });
    expect(within(alerts).getByText('1h / 5m')).toBeInTheDocument();
    expect(within(alerts).getByText('13.44x')).toBeInTheDocument();
    expect(
      screen.getByText(/http_requests_total\{code!~"5.."\}/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Runbook/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api-infra/tree/HEAD/docs/runbooks/slo-payments-api-availability.md',
    );

    const env = screen.getByTestId('environment-row');
    expect(
      within(env).getByText('eu-west-1, eu-central-1'),
    ).toBeInTheDocument();
    expect(within(env).getByText('warm-standby')).toBeInTheDocument();
    expect(
      within(env).getByRole('link', { name: /^IaC folder/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api-infra/tree/HEAD/terraform/envs/prod',
    );

    expect(queries).toHaveLength(2);
    expect(queries.join('\n')).toMatch(
      /kind=SLO,relations\.sloOf=component:default\/payments-api fields=kind,/,
    );
    expect(queries.join('\n')).toMatch(
      /relations\.dependencyOf=component:default\/payments-api fields=/,
    );
  });

  it('shows the compliance status that infra-common evaluator returns', async () => {
    serveCatalog({ slos: [slo], environments: [prod] });
    await renderTab();
    const frameworks = await screen.findAllByTestId('framework');

    const views = [prod].map(e => {
      const parsed = parseEnvironment(e);
      if (!parsed.ok) throw new Error('fixture must parse');
      return parsed.value;
    });
    const expected = evaluateCompliance(['pci-dss', 'soc2'], views);
    const words = {
      compliant: 'Compliant',
      'at-risk': 'At risk',
      'non-compliant': 'Non compliant',
      unknown: 'Unknown',
    };
    expect(frameworks).toHaveLength(expected.frameworks.length);
    expected.frameworks.forEach((fw, i) => {
      expect(within(frameworks[i]).getByText(fw.name)).toBeInTheDocument();
      expect(
        within(frameworks[i]).getByText(words[fw.status]),
      ).toBeInTheDocument();
    });
    expect(expected.frameworks[0].status).toBe('non-compliant');
    // failing controls first, with a fix hint
    const controls = within(frameworks[0]).getAllByTestId('control');
    expect(controls[0]).toHaveAttribute('data-status', 'fail');
    expect(within(controls[0]).getByText(/^Fix:/)).toBeInTheDocument();
    expect(within(controls[0]).getByText(/^Requirements:/)).toBeInTheDocument();
  });

  it('shows what is wrong with a broken entity and where, and keeps the rest', async () => {
    serveCatalog({
      slos: [
        {
          ...slo,
          spec: { ...(slo.spec as object), objectives: [{ target: 1.5 }] },
        },
      ],
      environments: [prod, brokenEnv],
    });
    await renderTab();

    expect(
      await screen.findByText(/resource:default\/payments-api-qa/),
    ).toBeInTheDocument();
    expect(screen.getByText('spec.environment.stage')).toBeInTheDocument();
    expect(
      screen.getByText(/slo:default\/payments-api-availability/),
    ).toBeInTheDocument();
    // the good environment and the compliance card still render
    expect(screen.getAllByTestId('environment-row')).toHaveLength(1);
    expect(screen.getAllByTestId('framework')).toHaveLength(2);
  });

  it('shows how to add infrastructure data when the service has none', async () => {
    serveCatalog({ slos: [], environments: [] });
    await renderTab({
      ...service,
      metadata: { name: 'bare', namespace: 'default' },
    });
    expect(
      await screen.findByText('No infrastructure data for this service'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: /request infrastructure with the wizard/i,
      }),
    ).toHaveAttribute('href', '/create/templates/default/infra-request');
  });

  it('shows a catalog error', async () => {
    server.use(
      http.get('http://backstage/api/catalog/entities', () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'catalog is down' } },
          { status: 500 },
        ),
      ),
    );
    await renderTab();
    expect(await screen.findByText(/catalog is down/)).toBeInTheDocument();
  });
});
