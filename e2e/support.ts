/* Shared steps of the end-to-end specs. */
import { expect, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const artifactsDir = join(__dirname, '..', 'artifacts', 'e2e');

/** Signs in through the guest provider's sign-in page. */
export async function signIn(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await expect(enter).toBeHidden();
}

/** Saves a full-page screenshot as a test artifact (in `dir`) and returns its path. */
export async function screenshot(page: Page, name: string, dir = artifactsDir) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A screenshot for the user guide: a test artifact, and with PLINTH_DOC_SCREENSHOTS=1
 * also docs/images/<name>.png (the viewport, as the guide shows it).
 */
export async function docScreenshot(page: Page, name: string) {
  await screenshot(page, name);
  if (process.env.PLINTH_DOC_SCREENSHOTS === '1') {
    const dir = join(__dirname, '..', 'docs', 'images');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`) });
  }
}

/** A guest token for calling the backend's REST API directly. */
export async function guestToken(baseURL: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/guest/refresh`);
  expect(res.ok).toBe(true);
  return (await res.json()).backstageIdentity.token;
}

/** Opens a service's Infrastructure tab and waits until its SLOs are shown. */
export async function openInfraTab(page: Page, service: string) {
  await signIn(page, `/catalog/default/component/${service}/infrastructure`);
  await expect(
    page.getByText('Service level objectives', { exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId('slo').first()).toBeVisible();
}
