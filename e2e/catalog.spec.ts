import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support';

test('a guest signs in, opens the catalog and sees an example component', async ({
  page,
}) => {
  await signIn(page, '/catalog');
  await expect(
    page.getByRole('heading', { name: /Plinth Catalog|Catalog/ }).first(),
  ).toBeVisible();
  await page
    // Generated from examples/answers/aws-pci-eu.yaml, which gives no title
    .getByRole('link', { name: 'payments-api', exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/payments-api/);
  await expect(
    page.getByText('Card payment', { exact: false }).first(),
  ).toBeVisible();
  await screenshot(page, 'catalog-component');
});
