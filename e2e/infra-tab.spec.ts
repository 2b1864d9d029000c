/*
 * The Infrastructure tab over the example catalog (examples/infra): a complete service,
 * a broken one and one without data.
 */
import { expect, test } from '@playwright/test';
import { openInfraTab, screenshot, signIn } from './support';

test('a complete service shows its SLOs, environments and compliance', async ({
  page,
}) => {
  await openInfraTab(page, 'payments-api');
  await expect(page.getByText(/Error budget:/).first()).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Burn-rate alerts' }).first(),
  ).toBeVisible();
  await expect(page.getByTestId('environment-row').first()).toBeVisible();
  expect(
    await page.getByTestId('environment-row').count(),
  ).toBeGreaterThanOrEqual(2);
  const frameworks = page.getByTestId('framework');
  await expect(frameworks.first()).toBeVisible();
  // every framework's status is in words, not only in colour
  for (const fw of await frameworks.all()) {
    await expect(
      fw.getByText(/^(Compliant|At risk|Non compliant|Unknown)$/),
    ).toBeVisible();
  }
  // At 1440 px (the config's viewport) the environments table fits its card: no column,
  // not the key-controls chips, is cut off or scrolled out of view.
  const table = page.getByRole('table', { name: 'Environments' });
  const overflow = await table.evaluate(el => {
    const box = el.parentElement!;
    return box.scrollWidth - box.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'infra-tab-payments-api');
});

test('a broken service shows what is wrong and where, and the rest of the page works', async ({
  page,
}) => {
  await signIn(
    page,
    '/catalog/default/component/legacy-billing/infrastructure',
  );
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(
    page.getByText(/plinth\.dev\/compliance-frameworks/).first(),
  ).toBeVisible();
  await expect(page.getByText(/fedramp/).first()).toBeVisible();
  // the known framework is still evaluated and the other cards still render
  await expect(page.getByText('Compliance', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Environments', { exact: true }).first(),
  ).toBeVisible();
  await screenshot(page, 'infra-tab-legacy-billing');
});

test('a service without infra data shows how to add it', async ({ page }) => {
  await signIn(
    page,
    '/catalog/default/component/notification-service/infrastructure',
  );
  await expect(
    page.getByText('No infrastructure data for this service'),
  ).toBeVisible();
  await expect(
    page.getByRole('button', {
      name: /request infrastructure with the wizard/i,
    }),
  ).toHaveAttribute('href', /\/create\/templates\/default\/infra-request$/);
  await screenshot(page, 'infra-tab-notification-service');
});
