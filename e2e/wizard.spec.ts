/*
 * The /infra wizard end to end: every page for a realistic service, the review with its
 * decisions, Create, the entity page, then the catalog API. Screenshots of each page go
 * to artifacts/e2e/ (and feed docs/images/wizard-*.png).
 */
import { expect, Page, test } from '@playwright/test';
import { guestToken, screenshot, signIn } from './support';

const TEMPLATE_PATH = '/create/templates/default/infra-request';
// Unique per run: the local publish step never overwrites a repository.
const SERVICE = `ledger-api-${Date.now().toString(36).slice(-6)}`;

async function next(page: Page) {
  await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
}

async function pick(page: Page, label: RegExp | string, option: RegExp | string) {
  await page.getByLabel(label).click();
  await page.getByRole('option', { name: option }).click();
}

test('a new service goes from the wizard to the catalog with its SLOs and environments', async ({
  page,
  baseURL,
}) => {
  await signIn(page, TEMPLATE_PATH);

  // 1. Workloads, SLOs and constraints
  await page.getByLabel('Service name').fill(SERVICE);
  await page.getByLabel('Owner').fill('payments');
  await page.getByRole('option', { name: /payments/ }).first().click();
  await page.getByLabel('System').fill('payments');
  await page.getByLabel('Peak requests per second').fill('1200');
  await page.getByLabel('Cardholder data').check();
  const availability = page.getByLabel(/Availability objective/);
  await availability.fill('99.95');
  await expect(page.getByTestId('slo-budget').first()).toContainText(
    'Error budget: 21.6 minutes per 30 days',
  );
  await page.getByLabel('Monthly budget (USD)').fill('8000');
  await page.getByLabel('PCI DSS').check();
  await page.getByLabel('SOC 2').check();
  await pick(page, 'Data residency', 'European Union');
  await screenshot(page, 'wizard-1-workloads');
  await next(page);

  // 2. Environments and topology: regions are limited to the EU
  await pick(page, 'Database', 'postgres');
  await page.getByLabel('Primary region').click();
  await expect(page.getByRole('option', { name: /us-east-1/ })).toHaveCount(0);
  await page.getByRole('option', { name: /eu-west-1/ }).click();
  await screenshot(page, 'wizard-2-topology');
  await next(page);

  // 3-7 keep their defaults, each page shown once
  await screenshot(page, 'wizard-3-iac');
  await next(page);
  await page.getByLabel(/Recovery time objective/).fill('30');
  await screenshot(page, 'wizard-4-reliability');
  await next(page);
  await screenshot(page, 'wizard-5-security');
  await next(page);
  await screenshot(page, 'wizard-6-operations');
  await next(page);
  await screenshot(page, 'wizard-7-improvement');
  await next(page);

  // The review plans the answers and explains the decisions
  const review = page.getByTestId('infra-review');
  await expect(review).toBeVisible();
  await expect(review).toContainText('Decisions and why');
  await expect(review).toContainText('Compliance preview');
  await expect(review).toContainText('PCI DSS');
  await expect(review).toContainText('Monthly cost estimate');
  await screenshot(page, 'wizard-8-review');
  await next(page);
  await page.getByRole('button', { name: 'Create' }).click();

  // The task finishes and links to the new entity
  const entityLink = page.getByRole('link', { name: 'Open in catalog' });
  await expect(entityLink).toBeVisible({ timeout: 120_000 });
  await screenshot(page, 'wizard-9-done');
  await page.getByRole('link', { name: 'Infrastructure tab' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${SERVICE}/infrastructure`),
  );
  await expect(page.getByText(`${SERVICE}-availability`).first()).toBeVisible();
  await expect(page.getByText(`${SERVICE}-prod`).first()).toBeVisible();
  await expect(page.getByText(/PCI DSS/).first()).toBeVisible();
  await screenshot(page, 'wizard-10-infrastructure-tab');

  // The catalog holds the service, its environments and SLOs, related to each other
  const token = await guestToken(baseURL!);
  const query = async (filter: string) => {
    const res = await fetch(
      `${baseURL}/api/catalog/entities/by-query?filter=${encodeURIComponent(filter)}&fields=kind,metadata.name,relations`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(res.ok).toBe(true);
    return (await res.json()).items as Array<{
      kind: string;
      metadata: { name: string };
      relations?: Array<{ type: string; targetRef: string }>;
    }>;
  };
  const ref = `component:default/${SERVICE}`;
  const [component] = await query(`kind=component,metadata.name=${SERVICE}`);
  expect(component).toBeDefined();
  const environments = await query(
    `kind=resource,spec.type=environment,relations.dependencyOf=${ref}`,
  );
  expect(environments.map(e => e.metadata.name).sort()).toEqual(
    [`${SERVICE}-dev`, `${SERVICE}-prod`, `${SERVICE}-staging`],
  );
  const slos = await query(`kind=slo,relations.sloOf=${ref}`);
  expect(slos.map(s => s.metadata.name)).toContain(`${SERVICE}-availability`);
  const targets = (component.relations ?? []).map(r => `${r.type} ${r.targetRef}`);
  expect(targets).toContain(`dependsOn resource:default/${SERVICE}-prod`);
  expect(targets).toContain(`hasSlo slo:default/${SERVICE}-availability`);
});

test('an invalid value shows its error next to the field and blocks Next', async ({
  page,
}) => {
  await signIn(page, TEMPLATE_PATH);
  await page.getByLabel('Service name').fill('Bad_Name');
  await page.getByLabel(/Availability objective/).fill('100');
  await next(page);

  await expect(
    page.getByText('must be below 100 (percent); 100% leaves no error budget').first(),
  ).toBeVisible();
  await expect(page.getByText(/must match pattern/).first()).toBeVisible();
  // Still on the first page
  await expect(page.getByLabel('Service name')).toBeVisible();
  await expect(page.getByLabel('Cloud')).toHaveCount(0);
  await screenshot(page, 'wizard-invalid');
});
