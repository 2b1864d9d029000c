/*
 * Live SLOs in Chromium: the e2e backend reads a real Prometheus (global-setup.ts)
 * evaluating the rules Plinth generates for examples/answers (payments-api is one of
 * them, both while examples/infra has a hand-written payments-api and once the catalog
 * is generated from the answers). The
 * card shows the budget left and its history, the overview sorts by budget, a service
 * without rules shows the no-data state, and a second backend without
 * plinth.prometheus shows the not-configured state.
 *
 * With PLINTH_DOC_SCREENSHOTS=1 the screenshots also go to docs/images for the user
 * guide; otherwise they are test artifacts only.
 */
import { expect, test } from '@playwright/test';
import { startBackend } from '../packages/test-support/src/backend';
import { docScreenshot as shoot, signIn } from './support';

const prometheusUrl = process.env.PLINTH_E2E_PROMETHEUS_URL;

/** The value Prometheus has now for one SLO's remaining budget. */
async function budgetInPrometheus(sloName: string): Promise<number> {
  const query = `slo:period_error_budget_remaining:ratio{sloth_id=${JSON.stringify(
    sloName,
  )}}`;
  const res = await fetch(
    `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`,
  );
  const body = await res.json();
  expect(body.data.result).toHaveLength(1);
  return Number(body.data.result[0].value[1]);
}

const percent = (v: number) => `${Number((v * 100).toFixed(1))}%`;

test.describe('live SLOs from Prometheus', () => {
  // The global setup starts the demo Prometheus only when Debian's prometheus is installed;
  // without it these specs show as skipped, and under CI=true the setup itself fails
  // (prometheusUnavailable throws), so CI cannot skip them.
  test.skip(
    !prometheusUrl,
    'prometheus/promtool not installed (apt-get install prometheus); global setup said so, and fails under CI=true',
  );

  test('the card of an example service shows the budget remaining and its history', async ({
    page,
  }) => {
    await signIn(
      page,
      '/catalog/default/component/payments-api/infrastructure',
    );
    // hand-written "Payments API latency", generated "payments-api latency"
    const latency = page
      .getByTestId('slo')
      .filter({ hasText: /payments.api latency/i });
    const live = latency.getByTestId('slo-live');
    await expect(live).toBeVisible();
    await expect(live.getByText('Demo data', { exact: true })).toBeVisible();
    // the same value Prometheus holds, in words and on the bar
    const budget = await budgetInPrometheus('payments-api-latency');
    await expect(live.getByText(/Error budget remaining:/)).toContainText(
      percent(budget),
    );
    await expect(
      live.getByRole('progressbar', {
        name: `Error budget remaining ${percent(budget)}`,
      }),
    ).toBeVisible();
    await expect(live.getByTestId('burn-rate').first()).toBeVisible();
    // the chart is drawn: recharts' line is a path through the history's points
    const chart = live.getByRole('img', {
      name: 'Error budget remaining over the window',
    });
    await expect(chart).toBeVisible();
    await expect(chart.locator('path.recharts-line-curve')).toHaveAttribute(
      'd',
      /^M[\d.]+,[\d.]+[CL][\d.]+,/,
    );
    await latency.scrollIntoViewIfNeeded();
    await shoot(page, 'live-slo-card');
  });

  test('an SLO without rules shows the no-data state with its query', async ({
    page,
  }) => {
    await signIn(
      page,
      '/catalog/default/component/identity-api/infrastructure',
    );
    const noData = page.getByTestId('slo-live-no-data').first();
    await expect(noData).toBeVisible();
    await expect(noData).toContainText('No data for this SLO');
    await expect(noData.locator('code')).toContainText(
      'sloth_service="identity-api"',
    );
    await shoot(page, 'live-slo-no-data');
  });

  test('the overview sorts services by budget remaining, least first', async ({
    page,
  }) => {
    await signIn(page, '/infra');
    const rows = page.getByTestId('overview-row');
    await expect(rows.first()).toBeVisible();
    await page.getByRole('button', { name: 'Budget left' }).click();
    await expect(page).toHaveURL(/sort=budget/);
    await expect(
      page.getByRole('columnheader', { name: 'Budget left' }),
    ).toHaveAttribute('aria-sort', 'ascending');
    // Payments API spent its availability budget: first, in words and with an icon.
    const spent = await budgetInPrometheus('payments-api-availability');
    expect(spent).toBeLessThan(0);
    await expect(rows.first().getByRole('link').first()).toHaveText(
      /payments.api/i,
    );
    // It burns now and the demo traffic goes on, so the overview (cached, ADR 1400) may
    // be a refresh behind Prometheus: the same value within a tenth of a point per minute.
    const shown = Number(
      await rows.first().locator('[data-budget]').getAttribute('data-budget'),
    );
    expect(Math.abs(shown - spent)).toBeLessThan(0.02);
    await expect(rows.first()).toContainText(percent(shown));
    const budgets = await page
      .locator('[data-testid="overview-row"] [data-budget]')
      .evaluateAll(cells =>
        cells.map(c => Number(c.getAttribute('data-budget'))),
      );
    expect(budgets.length).toBeGreaterThan(3);
    expect([...budgets].sort((a, b) => a - b)).toEqual(budgets);
    await shoot(page, 'live-slo-overview');

    await page.getByLabel('Only out of budget').check();
    await expect(page).toHaveURL(/outOfBudget=true/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('link').first()).toHaveText(
      /payments.api/i,
    );
  });
});

test('without plinth.prometheus the card says how to connect one', async ({
  page,
}) => {
  test.setTimeout(360_000);
  // A second portal, as a new installation has it: no Prometheus configured.
  const bare = await startBackend({ env: { LOG_LEVEL: 'error' } });
  try {
    await expect(async () => {
      const res = await bare.request(
        '/api/catalog/entities/by-name/slo/default/payments-api-availability',
      );
      expect(res.status).toBe(200);
    }).toPass({ timeout: 180_000, intervals: [1000] });
    await signIn(
      page,
      `${bare.baseUrl}/catalog/default/component/payments-api/infrastructure`,
    );
    const notConfigured = page.getByTestId('slo-live-not-configured').first();
    await expect(notConfigured).toBeVisible();
    await expect(notConfigured).toContainText('No Prometheus connected');
    await expect(notConfigured).toContainText('plinth.prometheus.baseUrl');
    await shoot(page, 'live-slo-not-configured');
  } finally {
    await bare.stop();
  }
});
