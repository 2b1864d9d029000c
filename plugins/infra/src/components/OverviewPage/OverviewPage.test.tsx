import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { mockBackend } from '../../__testUtils__/backend';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fetchApiRef } from '@backstage/frontend-plugin-api';
import { infraApiRef, InfraClient } from '../../api';
import type {
  OverviewPage as OverviewPageData,
  ServiceSummary,
} from '@plinth/backstage-plugin-infra-common';
import {
  PAYMENTS_AVAILABILITY,
  summaryRow,
} from '../../__testUtils__/summaries';
import { OverviewPage } from './OverviewPage';

const { server, discoveryApi, fetchApi } = mockBackend();
const apis = [
  [infraApiRef, new InfraClient({ discoveryApi, fetchApi })],
  [fetchApiRef, fetchApi],
] as const;
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const payments = summaryRow('payments-api', {
  title: 'Payments API',
  slos: [PAYMENTS_AVAILABILITY],
  environmentCount: 3,
  frameworks: [
    { id: 'pci-dss', status: 'non-compliant' },
    { id: 'soc2', status: 'compliant' },
  ],
  status: 'non-compliant',
});
const broken = summaryRow('legacy-billing', {
  issues: [
    {
      entityRef: 'resource:default/legacy-billing-qa',
      path: 'spec.environment.stage',
      message: 'expected one of development, staging, production',
    },
  ],
});

function page(
  items: ServiceSummary[],
  total = items.length,
  extra: Partial<OverviewPageData> = {},
): OverviewPageData {
  return {
    items,
    total,
    page: 1,
    pageSize: 20,
    facets: {
      owners: ['group:default/payments'],
      systems: ['system:default/payments'],
      frameworks: ['pci-dss', 'soc2'],
    },
    generatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('OverviewPage', () => {
  it('shows each service with SLO targets, environments and compliance in words', async () => {
    const requests: URL[] = [];
    server.use(
      http.get('http://backstage/api/infra/overview', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(page([payments, broken]));
      }),
    );
    await renderInTestApp(<OverviewPage />, { apis, mountedRoutes });

    const rows = await screen.findAllByTestId('overview-row');
    expect(rows).toHaveLength(2);
    // the table is inside the page's main landmark
    expect(
      within(screen.getByRole('main')).getAllByTestId('overview-row'),
    ).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByRole('link', { name: 'Payments API' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    expect(first.getByText('Availability: 99.95% / 28d')).toBeInTheDocument();
    expect(first.getByText('3')).toBeInTheDocument();
    expect(first.getByText('PCI DSS: Non compliant')).toBeInTheDocument();
    expect(first.getByText('SOC 2: Compliant')).toBeInTheDocument();
    expect(within(rows[1]).getByText('1 data problem')).toBeInTheDocument();
    // the backend sorts failures first by default, one screen at a time
    expect(requests[0].searchParams.get('sort')).toBe('failures');
    expect(requests[0].searchParams.get('pageSize')).toBe('20');
  });

  it('sends filters, search, sort and paging to the backend', async () => {
    const requests: URL[] = [];
    server.use(
      http.get('http://backstage/api/infra/overview', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(page([payments], 45));
      }),
    );
    await renderInTestApp(<OverviewPage />, { apis, mountedRoutes });
    await screen.findAllByTestId('overview-row');

    fireEvent.mouseDown(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Non compliant' }),
    );
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('status')).toBe('non-compliant'),
    );

    fireEvent.mouseDown(screen.getByLabelText('Framework'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'PCI DSS' }),
    );
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('framework')).toBe('pci-dss'),
    );

    await userEvent.type(screen.getByLabelText('Search'), 'pay');
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('q')).toBe('pay'),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Owner' }));
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('sort')).toBe('owner'),
    );

    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('page')).toBe('2'),
    );
    expect(requests.at(-1)!.searchParams.get('status')).toBe('non-compliant');
  });

  it('sorts by budget left and filters to SLOs out of budget when Prometheus is configured', async () => {
    const requests: URL[] = [];
    server.use(
      http.get('http://backstage/api/infra/overview', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(
          page(
            [{ ...payments, live: { budgetRemaining: -0.5, burning: true } }],
            1,
            { live: { configured: true, unavailable: [] } },
          ),
        );
      }),
    );
    await renderInTestApp(<OverviewPage />, { apis, mountedRoutes });
    const [first] = await screen.findAllByTestId('overview-row');
    expect(within(first).getByText('-50%')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Budget left' }));
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('sort')).toBe('budget'),
    );
    await userEvent.click(screen.getByLabelText('Only out of budget'));
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('outOfBudget')).toBe('true'),
    );
    expect(requests.at(-1)!.searchParams.get('sort')).toBe('budget');
  });

  it('offers no budget filter without a configured Prometheus', async () => {
    server.use(
      http.get('http://backstage/api/infra/overview', () =>
        HttpResponse.json(
          page([payments], 1, { live: { configured: false, unavailable: [] } }),
        ),
      ),
    );
    await renderInTestApp(<OverviewPage />, { apis, mountedRoutes });
    await screen.findAllByTestId('overview-row');
    expect(screen.queryByLabelText('Only out of budget')).toBeNull();
  });

  it('exports every page of the filtered rows as CSV', async () => {
    const all = Array.from({ length: 501 }, (_, i) =>
      summaryRow(`svc-${i}`, { status: 'compliant' }),
    );
    const exportPages: string[] = [];
    server.use(
      http.get('http://backstage/api/infra/overview', ({ request }) => {
        const url = new URL(request.url);
        const size = Number(url.searchParams.get('pageSize'));
        const p = Number(url.searchParams.get('page'));
        if (size === 500) exportPages.push(url.searchParams.toString());
        return HttpResponse.json(
          page(all.slice((p - 1) * size, p * size), all.length),
        );
      }),
    );
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    await renderInTestApp(<OverviewPage />, { apis, mountedRoutes });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV (501)' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());

    expect(exportPages).toHaveLength(2);
    const csv = await blobs[0].text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'service,title,owner,system,slo targets,budget left,burning now,environments,status,pci-dss,soc2,problems',
    );
    expect(lines).toHaveLength(502);
    click.mockRestore();
  });

  it('shows the backend error', async () => {
    server.use(
      http.get('http://backstage/api/infra/overview', () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'catalog unavailable' } },
          { status: 503 },
        ),
      ),
    );
    await renderInTestApp(<OverviewPage />, { apis, mountedRoutes });
    expect(await screen.findByText(/catalog unavailable/)).toBeInTheDocument();
  });

  it('says how to add services when there are none', async () => {
    server.use(
      http.get('http://backstage/api/infra/overview', () =>
        HttpResponse.json(
          page([], 0, { facets: { owners: [], systems: [], frameworks: [] } }),
        ),
      ),
    );
    await renderInTestApp(<OverviewPage />, { apis, mountedRoutes });
    expect(await screen.findByText('No services yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /open the infrastructure wizard/i }),
    ).toHaveAttribute('href', '/create/templates/default/infra-request');
  });
});
