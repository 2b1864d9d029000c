/* Steps of the /infra wizard shared by the wizard specs. */
import { expect, Page } from '@playwright/test';
import { guestToken } from './support';

export const TEMPLATE_PATH = '/create/templates/default/infra-request';

/** Unique per run: the local publish step never overwrites a repository. */
export function uniqueServiceName(prefix = 'ledger-api') {
  return `${prefix}-${Date.now().toString(36)}`;
}

/** The page's submit button: Next, or Confirm on the design review. */
export async function next(page: Page) {
  await page.getByRole('button', { name: /^(Next|Confirm)$/ }).click();
}

/** A page of the wizard, known by its description under the stepper. */
export async function expectPage(page: Page, description: string) {
  await expect(page.getByText(description, { exact: true })).toBeVisible();
}

/** An MUI select rendered by the form: open it, choose the option. */
export async function pick(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** The catalog's OwnerPicker: type, then choose the group by its title. */
export async function pickOwner(page: Page, label: string, title: string) {
  await page
    .getByRole('textbox', { name: label, exact: true })
    .fill(title.toLowerCase());
  await page.getByRole('option').filter({ hasText: title }).first().click();
}

/**
 * A /16 that no environment in the catalog uses yet. Repositories created by earlier
 * local runs are registered again at every start, and the wizard rejects their ranges.
 */
export async function freeCidr(baseURL: string): Promise<string> {
  const token = await guestToken(baseURL);
  const res = await fetch(
    `${baseURL}/api/catalog/entities/by-query?filter=${encodeURIComponent(
      'kind=resource,spec.type=environment',
    )}&fields=spec.environment.networks&limit=1000`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  expect(res.ok).toBe(true);
  const used = new Set<number>();
  for (const item of (await res.json()).items) {
    for (const n of item.spec?.environment?.networks ?? []) {
      const [a, b] = String(n.cidr).split('.').map(Number);
      if (a === 10) used.add(b);
    }
  }
  for (let b = 100; b < 256; b++) {
    if (!used.has(b)) return `10.${b}.0.0/16`;
  }
  throw new Error('no free 10.x.0.0/16 left in the catalog');
}
