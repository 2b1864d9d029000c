/* Steps of the /infra wizard shared by the wizard specs. */
import { expect, Page } from '@playwright/test';

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
