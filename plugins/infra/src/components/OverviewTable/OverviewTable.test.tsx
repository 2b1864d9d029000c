import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  evaluateCompliance,
  OverviewSort,
  ServiceSummary,
} from '@plinth/backstage-plugin-infra-common';
import {
  PAYMENTS_AVAILABILITY,
  summaryRow,
} from '../../__testUtils__/summaries';
import { OverviewTable } from './OverviewTable';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

// Compliance as the evaluator reports it for a production environment that stores
// data unencrypted: PCI DSS fails a required control, SOC 2 only a recommended one.
const compliance = evaluateCompliance(
  ['pci-dss', 'soc2'],
  [
    {
      name: 'payments-api-prod',
      environmentName: 'prod',
      stage: 'production',
      controls: { encryptionAtRest: 'none', encryptionInTransit: true },
    },
  ],
);

const payments = summaryRow('payments-api', {
  title: 'Payments API',
  slos: [
    PAYMENTS_AVAILABILITY,
    {
      ref: 'slo:default/payments-api-latency',
      name: 'payments-api-latency',
      target: 0.99,
      windowDays: 30,
    },
  ],
  environmentCount: 3,
  frameworks: compliance.frameworks.map(fw => ({
    id: fw.framework,
    status: fw.status,
  })),
  status: 'non-compliant',
  live: { budgetRemaining: -0.125, burning: true },
});

const legacy: ServiceSummary = {
  ref: 'component:billing/legacy-billing',
  name: 'legacy-billing',
  namespace: 'billing',
  slos: [],
  environmentCount: 0,
  frameworks: [],
  status: 'unknown',
  issues: [
    {
      entityRef: 'resource:billing/legacy-billing-qa',
      path: 'spec.environment.stage',
      message: 'expected one of development, staging, production',
    },
    {
      entityRef: 'component:billing/legacy-billing',
      path: 'metadata.annotations["plinth.dev/compliance-frameworks"]',
      message: 'unknown framework sox',
    },
  ],
};

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);

function renderTable(
  props: { sort?: OverviewSort; order?: 'asc' | 'desc' } = {},
) {
  const onSort = jest.fn();
  const rendered = renderInTestApp(
    <OverviewTable
      rows={[payments, legacy]}
      sort={props.sort ?? 'failures'}
      order={props.order ?? 'asc'}
      onSort={onSort}
    />,
    { mountedRoutes },
  );
  return { onSort, rendered };
}

describe('OverviewTable', () => {
  it('says why a service with frameworks is unknown, and where its compliance comes from', async () => {
    const noProduction: ServiceSummary = {
      ...payments,
      frameworks: [{ id: 'soc2', status: 'unknown' }],
      status: 'unknown',
      complianceReason: 'no production environment',
      evidence: { code: 0, declaredOnly: 2 },
    };
    const fromCode: ServiceSummary = {
      ...legacy,
      frameworks: [{ id: 'pci-dss', status: 'compliant' }],
      evidence: { code: 3, declaredOnly: 0, readAt: '2026-12-01T23:00:00Z' },
    };
    await renderInTestApp(
      <OverviewTable
        rows={[noProduction, fromCode]}
        sort="failures"
        order="asc"
        onSort={jest.fn()}
      />,
      { mountedRoutes },
    );
    expect(screen.getByTestId('compliance-reason')).toHaveTextContent(
      'Unknown: no production environment',
    );
    expect(
      screen.getAllByTestId('evidence-summary').map(e => e.textContent),
    ).toEqual(['Declared only', 'From code: 3 environments']);
  });

  it('shows one row per service with SLO targets, environments and compliance in words', async () => {
    expect(payments.frameworks).toEqual([
      { id: 'pci-dss', status: 'non-compliant' },
      { id: 'soc2', status: 'at-risk' },
    ]);
    await renderTable().rendered;
    const rows = screen.getAllByTestId('overview-row');
    expect(rows).toHaveLength(2);

    // jsdom applies no media queries: both the dense layout's system under the owner
    // and the wide layout's System column are in the DOM (Chromium shows one, e2e).
    expect(cells(rows[0])).toEqual([
      'Payments API',
      'paymentsSystem: payments',
      'payments',
      'Availability: 99.95% / 28dpayments-api-latency: 99% / 30d',
      '-12.5%',
      'Burning',
      '3',
      'PCI DSS: Non compliantSOC 2: At risk',
    ]);
    expect(
      within(rows[0]).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');

    const pci = within(rows[0])
      .getByText('PCI DSS: Non compliant')
      .closest('[data-status]')!;
    expect(pci).toHaveAttribute('data-status', 'non-compliant');
    expect(
      pci.querySelector('[data-testid="ErrorOutlineIcon"]'),
    ).not.toBeNull();
    const soc2 = within(rows[0])
      .getByText('SOC 2: At risk')
      .closest('[data-status]')!;
    expect(
      soc2.querySelector('[data-testid="WarningAmberIcon"]'),
    ).not.toBeNull();
  });

  it('falls back to the name, dashes and "none", and counts data problems', async () => {
    await renderTable().rendered;
    const row = screen.getAllByTestId('overview-row')[1];
    expect(
      within(row).getByRole('link', { name: 'legacy-billing' }),
    ).toHaveAttribute('href', '/catalog/billing/component/legacy-billing');
    expect(cells(row).slice(1, 7)).toEqual([
      '-',
      '-',
      'none',
      'no data',
      '',
      '0',
    ]);
    expect(within(row).getByText('No frameworks: Unknown')).toBeInTheDocument();

    const problems = within(row).getByText('2 data problems');
    expect(problems).toHaveAttribute(
      'title',
      [
        'resource:billing/legacy-billing-qa spec.environment.stage: expected one of development, staging, production',
        'component:billing/legacy-billing metadata.annotations["plinth.dev/compliance-frameworks"]: unknown framework sox',
      ].join('\n'),
    );
  });

  it('says a spent budget and a burning SLO in words and icons, not colour alone', async () => {
    await renderTable().rendered;
    const row = screen.getAllByTestId('overview-row')[0];
    const budget = within(row).getByText('-12.5%');
    expect(budget.querySelector('[data-testid="ErrorIcon"]')).not.toBeNull();
    expect(
      within(row)
        .getByText('Burning')
        .querySelector('[data-testid="LocalFireDepartmentIcon"]'),
    ).not.toBeNull();
  });

  it('asks for a sort by the column whose header is clicked', async () => {
    const { onSort, rendered } = renderTable();
    await rendered;
    for (const [name, column] of [
      ['Service', 'name'],
      ['Owner', 'owner'],
      ['System', 'system'],
      ['Budget left', 'budget'],
      ['Burning now', 'burning'],
      ['Environments', 'environments'],
      ['Compliance', 'failures'],
    ] as const) {
      await userEvent.click(screen.getByRole('button', { name }));
      expect(onSort).toHaveBeenLastCalledWith(column);
    }
    expect(onSort).toHaveBeenCalledTimes(7);
    // SLO targets are not sortable
    expect(screen.queryByRole('button', { name: 'SLO targets' })).toBeNull();
  });

  it('marks the sorted column and its direction', async () => {
    await renderTable({ sort: 'owner', order: 'desc' }).rendered;
    const headers = screen.getAllByRole('columnheader');
    const sorted = headers.filter(h => h.hasAttribute('aria-sort'));
    expect(sorted).toHaveLength(1);
    expect(sorted[0]).toHaveTextContent('Owner');
    expect(sorted[0]).toHaveAttribute('aria-sort', 'descending');
  });
});
