import { screen, within } from '@testing-library/react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { parseSlo, SloView } from '@plinth/backstage-plugin-infra-common';
import { Parsed } from '../../hooks/useServiceInfra';
import { slo as sloEntity } from '@plinth/backstage-plugin-infra-common/testUtils';
import { SloCard } from './SloCard';

const INFRA_SOURCE = 'url:https://github.com/acme/payments-api-infra';

const availability = sloEntity('payments-api', 'availability', 0.9995, '28d', {
  displayName: 'Payments API availability',
  description: '99.95% of payment requests succeed',
  annotations: {
    'plinth.dev/runbook': 'docs/runbooks/slo-payments-api-availability.md',
    'plinth.dev/source': 'slos/payments-api-availability.yaml',
  },
});

/** An SLO entity read by infra-common's parser, as useServiceInfra hands it to the card. */
function parsed(entity: Entity): Parsed<SloView> {
  return {
    entityRef: stringifyEntityRef(entity),
    ...parseSlo(entity),
  } as Parsed<SloView>;
}

const renderCard = (slos: Parsed<SloView>[], infraSource?: string) =>
  renderInTestApp(<SloCard slos={slos} infraSource={infraSource} />);

describe('SloCard', () => {
  it('shows the target, window and error budget in minutes', async () => {
    await renderCard([parsed(availability)], INFRA_SOURCE);
    const slo = screen.getByTestId('slo');
    expect(
      within(slo).getByRole('heading', { name: 'Payments API availability' }),
    ).toBeInTheDocument();
    expect(
      within(slo).getByText('99.95% of payment requests succeed'),
    ).toBeInTheDocument();
    expect(slo).toHaveTextContent(
      'Target 99.95% over a rolling 28-day window (Occurrences)',
    );
    // 0.05% of 28 days (40,320 minutes) is 20.16 minutes
    expect(slo).toHaveTextContent(
      'Error budget: 20.16 min per 28 days (0.05% of 40,320 min)',
    );
    expect(
      within(slo).getByRole('progressbar', { name: /Error budget 20.16 min/ }),
    ).toBeInTheDocument();
  });

  it('shows the four burn-rate alert tiers with their windows and factors', async () => {
    await renderCard([parsed(availability)], INFRA_SOURCE);
    const table = screen.getByRole('table', { name: 'Burn-rate alerts' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      );
    // Factors scaled from the SRE Workbook's 30 days to a 28-day window
    expect(rows).toEqual([
      ['Page (page-quick)', '1h / 5m', '13.44x', '2%'],
      ['Page (page-slow)', '6h / 30m', '5.6x', '5%'],
      ['Ticket (ticket-quick)', '1d / 2h', '2.8x', '10%'],
      ['Ticket (ticket-slow)', '3d / 6h', '0.93x', '10%'],
    ]);
  });

  it('shows the indicator queries by role', async () => {
    await renderCard([parsed(availability)], INFRA_SOURCE);
    const slo = screen.getByTestId('slo');
    expect(slo).toHaveTextContent('Indicator (ratio):');
    expect(
      within(slo).getByText('sum(rate(http_requests_total{code!~"5.."}[5m]))')
        .parentElement,
    ).toHaveTextContent(/^good: /);
    expect(
      within(slo).getByText('sum(rate(http_requests_total[5m]))').parentElement,
    ).toHaveTextContent(/^total: /);
  });

  it('links the OpenSLO source and the runbook into the infrastructure repository', async () => {
    await renderCard([parsed(availability)], INFRA_SOURCE);
    expect(
      screen.getByRole('link', { name: /^OpenSLO source/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api-infra/tree/HEAD/slos/payments-api-availability.yaml',
    );
    expect(screen.getByRole('link', { name: /^Runbook/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api-infra/tree/HEAD/docs/runbooks/slo-payments-api-availability.md',
    );
  });

  it('names the source and runbook paths without links when the service has no infra source', async () => {
    await renderCard([parsed(availability)]);
    expect(screen.queryByRole('link')).toBeNull();
    expect(
      screen.getByText('OpenSLO source: slos/payments-api-availability.yaml'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Runbook: docs/runbooks/slo-payments-api-availability.md',
      ),
    ).toBeInTheDocument();
  });

  it('shows what is wrong with an SLO that cannot be read, next to the good ones', async () => {
    const broken: Entity = {
      ...availability,
      metadata: { name: 'payments-api-latency', namespace: 'default' },
      spec: {
        ...(availability.spec as object),
        objectives: [{ target: 1.5 }],
      },
    };
    const bad = parsed(broken);
    expect(bad.ok).toBe(false);

    await renderCard([parsed(availability), bad], INFRA_SOURCE);
    expect(screen.getAllByTestId('slo')).toHaveLength(1);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'slo:default/payments-api-latency: cannot be read',
    );
    expect(within(alert).getByText(bad.issues[0].path)).toBeInTheDocument();
  });

  it('says how to add an SLO when the service has none', async () => {
    await renderCard([]);
    expect(
      screen.getByText(/No SLO in the catalog for this service/),
    ).toHaveTextContent(/OpenSLO document with spec.service/);
    expect(screen.queryByTestId('slo')).toBeNull();
  });
});
