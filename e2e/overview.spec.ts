/* The /infra overview over the example catalog: failures first, filters, search. */
import { expect, test } from '@playwright/test';
import { docScreenshot, screenshot, signIn } from './support';

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
    // payments-api is generated from examples/answers now: its name is its title. The
    // search also matches the payments team's other services, failures first.
    rows.getByRole('link', { name: /^payments.api$/i }).first(),
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

test('the URL keeps the filtered, sorted view, and a reload shows it again', async ({
  page,
}) => {
  await signIn(page, '/infra');
  const rows = page.getByTestId('overview-row');
  await expect(rows.first()).toBeVisible();

  // Owner options are names, as the table shows them, not entity refs
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await expect(
    page.getByRole('option', { name: 'payments', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('option', { name: /group:/ })).toHaveCount(0);
  await page.getByRole('option', { name: 'payments', exact: true }).click();
  // sorted by name, descending (a second click reverses it)
  await page.getByRole('button', { name: 'Service' }).click();
  await page.getByRole('button', { name: 'Service' }).click();
  await page.getByRole('combobox', { name: /Rows per page/ }).click();
  await page.getByRole('option', { name: '10', exact: true }).click();

  await expect(page).toHaveURL(/owner=group%3Adefault%2Fpayments/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(/order=desc/);
  await expect(page).toHaveURL(/pageSize=10/);
  const serviceHeader = page.getByRole('columnheader', { name: 'Service' });
  await expect(serviceHeader).toHaveAttribute('aria-sort', 'descending');
  const names = async () =>
    (await rows.getByRole('link').allTextContents()).filter(Boolean);
  await expect(async () =>
    expect((await names()).length).toBeGreaterThan(1),
  ).toPass();
  const before = await names();

  await page.reload();
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveText(
    'payments',
  );
  await expect(
    page.getByRole('combobox', { name: /Rows per page/ }),
  ).toHaveText('10');
  await expect(serviceHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(async () => expect(await names()).toEqual(before)).toPass();
  await screenshot(page, 'overview-from-url');
});

test('the overview table fits a 1440 x 900 screen without scrolling sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, '/infra');
  const table = page.getByRole('table', { name: 'Services' });
  await expect(page.getByTestId('overview-row').first()).toBeVisible();
  const widths = await table.evaluate(el => ({
    table: el.scrollWidth,
    container: el.parentElement!.clientWidth,
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(widths.table).toBeLessThanOrEqual(widths.container);
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  // the dense layout: the system moves under the owner
  await expect(page.getByRole('columnheader', { name: 'System' })).toBeHidden();
  await docScreenshot(page, 'infra-overview-1440');
});
