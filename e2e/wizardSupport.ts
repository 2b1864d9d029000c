/* Steps of the /infra wizard shared by the wizard specs. */
import { expect, Page } from '@playwright/test';
import { guestToken, signIn } from './support';

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

/** The description under the stepper of each of the seven pages. */
export const PAGE_DESCRIPTIONS = [
  'What runs, how reliable it must be, and what limits the design.',
  'Where it runs and how the network is laid out.',
  'How the repository is built and how changes reach the cloud.',
  'How the service survives failures and grows.',
  'Encryption, audit logging and the controls your frameworks need.',
  'How the team learns that something is wrong, and who acts.',
  'Keeping cost and reliability honest over time.',
];

/**
 * The fraud-scoring request of the issue (examples/answers/gcp-fraud-scoring-eu.yaml):
 * a fintech API on Google Cloud, PCI DSS and SOC 2, in the EU, 99.9%, p99 100 ms,
 * PostgreSQL and Redis, RTO 30 min, RPO 5 min, $5,000 a month. Fills each page, calls
 * `onPage` with its number once it is filled, and stops on the review page.
 */
export async function walkFraudScoring(
  page: Page,
  baseURL: string,
  onPage: (n: number) => Promise<void> = async () => {},
) {
  await signIn(page, TEMPLATE_PATH);
  await expectPage(page, PAGE_DESCRIPTIONS[0]);
  await page
    .getByLabel('Service name')
    .fill(uniqueServiceName('fraud-scoring'));
  await pickOwner(page, 'Owner', 'Payments');
  await page.getByLabel('System').fill('payments');
  await page
    .getByLabel('Description')
    .fill('Scores card payments for fraud before authorisation');
  await page.getByLabel('Peak requests per second').fill('800');
  await pick(page, 'Data classification', 'Restricted');
  await page.getByLabel('Cardholder data').check();
  await page.getByLabel('Personal data (PII)').check();
  await page.getByLabel('Stateful').check();
  await page.getByLabel(/Availability objective/).fill('99.9');
  await pick(page, 'Latency threshold', '100');
  await page.getByLabel('Monthly budget (USD)').fill('5000');
  await page.getByLabel('PCI DSS').check();
  await page.getByLabel('SOC 2').check();
  await pick(page, 'Data residency', 'European Union');
  await onPage(1);
  await next(page);

  await expectPage(page, PAGE_DESCRIPTIONS[1]);
  await pick(page, 'Cloud', 'Google Cloud');
  await page.getByLabel('Primary region').click();
  await page.getByRole('option', { name: /^europe-west1/ }).click();
  await page.getByLabel('VPC / VNet CIDR').fill(await freeCidr(baseURL));
  await pick(page, 'Database', 'PostgreSQL');
  await pick(page, 'Cache', 'Redis');
  await onPage(2);
  await next(page);

  await expectPage(page, PAGE_DESCRIPTIONS[2]);
  await onPage(3);
  await next(page);

  await expectPage(page, PAGE_DESCRIPTIONS[3]);
  await page.getByLabel(/Recovery time objective/).fill('30');
  await page.getByLabel(/Recovery point objective/).fill('5');
  await onPage(4);
  await next(page);

  for (const n of [5, 6, 7]) {
    await expectPage(page, PAGE_DESCRIPTIONS[n - 1]);
    await onPage(n);
    await next(page);
  }
}
