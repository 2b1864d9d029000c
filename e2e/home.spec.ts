/*
 * The first screen after sign-in works without the internet: every request that leaves
 * the portal is refused, and the home page still shows its widgets without an error.
 */
import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support';

test('the home page after guest sign-in shows no error, even offline', async ({
  page,
  baseURL,
}) => {
  const own = new URL(baseURL!).origin;
  const refused: string[] = [];
  await page.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith(own) || url.startsWith('data:')) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  const pageErrors: string[] = [];
  page.on('pageerror', e => pageErrors.push(e.message));

  await signIn(page, '/');
  await expect(
    page.getByRole('heading', { name: 'Welcome to Plinth' }),
  ).toBeVisible();
  await expect(page.getByText('Open the overview')).toBeVisible();
  await expect(page.getByText('Starred Entities').first()).toBeVisible();
  // Give lazy widgets the time to load and fail, then look for any error
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/Failed to fetch|TypeError|Error:/)).toHaveCount(
    0,
  );
  await expect(
    page.locator('iframe#webpack-dev-server-client-overlay'),
  ).toHaveCount(0);
  await expect(page.getByText(/joke/i)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  await screenshot(page, 'home-offline');
  // eslint-disable-next-line no-console
  console.log(`home: ${refused.length} requests to the internet refused`);
});
