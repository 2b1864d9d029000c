/* The /infra overview over the example catalog: failures first, filters, search. */
import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support';

test('the overview lists every service, failures first, and filters them', async ({
  page,
}) => {
  await signIn(page, '/infra');
  const rows = page.getByTestId('overview-row');
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(5);
  // failures first: the first row is non compliant
  await expect(
    rows
      .first()
      .getByText(/Non compliant/)
      .first(),
  ).toBeVisible();
  await screenshot(page, 'overview');

  // status filter: only services at risk remain; none of them is non compliant
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'At risk', exact: true }).click();
  await expect(async () => {
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(total);
  }).toPass();
  for (const row of await rows.all()) {
    await expect(row.getByText(/Non compliant/)).toHaveCount(0);
  }
  await screenshot(page, 'overview-at-risk');

  // back to all, then search
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'All', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('payments');
  await expect(
    rows.first().getByRole('link', { name: 'Payments API' }),
  ).toBeVisible();
  await expect(async () =>
    expect(await rows.count()).toBeLessThan(total),
  ).toPass();

  // a framework filter goes to the backend and keeps only services that must meet it
  await page.getByRole('textbox', { name: 'Search' }).fill('');
  await page.getByRole('combobox', { name: 'Framework' }).click();
  await page.getByRole('option', { name: 'PCI DSS' }).click();
  await expect(async () => {
    for (const row of await rows.all()) {
      await expect(row.getByText(/^PCI DSS:/)).toBeVisible();
    }
  }).toPass();
  await screenshot(page, 'overview-pci-dss');
});
