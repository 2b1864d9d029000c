import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { SloLive } from '@plinth/backstage-plugin-infra-common';
import { LiveSlo } from './LiveSlo';

// recharts measures its container; jsdom has no layout
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserverStub;

const live: SloLive = {
  sloRef: 'slo:default/payments-api-availability',
  state: 'live',
  prometheus: 'default',
  demo: true,
  reading: {
    sli: 0.99971,
    objective: 0.9995,
    errorBudgetRatio: 0.0005,
    budgetRemaining: 0.2,
    budgetMinutes: 20.16,
    budgetRemainingMinutes: 4.032,
    status: 'low',
    burnRates: [
      { window: '5m', minutes: 5, errorRatio: 0.01, burnRate: 20 },
      { window: '1h', minutes: 60, errorRatio: 0.002, burnRate: 4 },
    ],
  },
  alerts: [{ name: 'PaymentsApiAvailabilityBurnPageQuick', severity: 'page' }],
  history: [
    { t: Date.UTC(2026, 10, 1), remaining: 1 },
    { t: Date.UTC(2026, 10, 2), remaining: 0.2 },
  ],
  historyStepSeconds: 10800,
};

describe('LiveSlo', () => {
  it('shows SLI vs target, the budget left in words, bar and minutes, burn rates and alerts', async () => {
    await renderInTestApp(<LiveSlo live={live} target={0.9995} />);
    const card = screen.getByTestId('slo-live');
    expect(card).toHaveTextContent(
      'SLI over the window: 99.971% (target 99.95%)',
    );
    expect(card).toHaveTextContent(
      'Error budget remaining: 20% (4.03 min of 20.16 min)',
    );
    expect(within(card).getByText('Budget low')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Error budget remaining 20%' }),
    ).toHaveAttribute('aria-valuenow', '20');
    expect(screen.getAllByTestId('burn-rate').map(b => b.textContent)).toEqual([
      '5m 20x',
      '1h 4x',
    ]);
    expect(card).toHaveTextContent('Burning now: 1 alert firing');
    expect(card).toHaveTextContent(
      'Firing: PaymentsApiAvailabilityBurnPageQuick (page)',
    );
    expect(within(card).getByText('Demo data')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Error budget remaining over the window',
      }),
    ).toBeInTheDocument();
  });

  it('says exhausted in words when the budget is overspent, with an empty bar', async () => {
    await renderInTestApp(
      <LiveSlo
        live={{
          ...live,
          alerts: [],
          demo: false,
          reading: {
            ...live.reading,
            budgetRemaining: -0.5,
            status: 'exhausted',
          },
        }}
        target={0.9995}
      />,
    );
    expect(screen.getByText('Budget exhausted')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    expect(screen.queryByText(/Burning now/)).not.toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
  });

  it.each([
    [
      {
        kind: 'not-configured' as const,
        message: 'Set plinth.prometheus.baseUrl in app-config.yaml.',
      },
      'No Prometheus connected',
    ],
    [
      {
        kind: 'unreachable' as const,
        prometheus: 'default',
        message: "Prometheus 'default' is unreachable.",
      },
      'Prometheus is down or slow',
    ],
  ])('explains %o and what to do', async (problem, title) => {
    await renderInTestApp(
      <LiveSlo
        live={{ sloRef: live.sloRef, state: 'problem', problem }}
        target={0.9995}
      />,
    );
    const alert = screen.getByTestId(`slo-live-${problem.kind}`);
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(problem.message);
  });

  it('shows the exact query that returned nothing', async () => {
    const query =
      '{__name__=~"slo:.+",sloth_service="payments-api",sloth_id="payments-api-availability"}';
    await renderInTestApp(
      <LiveSlo
        live={{
          sloRef: live.sloRef,
          state: 'problem',
          problem: {
            kind: 'no-data',
            message: 'Check the recording rules.',
            query,
          },
        }}
        target={0.9995}
      />,
    );
    const alert = screen.getByTestId('slo-live-no-data');
    expect(alert).toHaveTextContent('No data for this SLO');
    expect(within(alert).getByText(query)).toBeInTheDocument();
  });
});
