/*
 * The /infra wizard end to end: every page for a realistic service, the review with its
 * decisions, Create, the entity page, then the catalog API. A screenshot of each page goes
 * to artifacts/e2e/; with PLINTH_WIZARD_DOCS=1 they also replace docs/images/wizard-*.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, Locator, Page, test } from '@playwright/test';
import { artifactsDir, guestToken, signIn } from './support';
import {
  TEMPLATE_PATH,
  expectPage,
  freeCidr,
  next,
  pick,
  pickOwner,
  uniqueServiceName,
} from './wizardSupport';

const docsImages = join(__dirname, '..', 'docs', 'images');

// Small, readable screenshots for the user guide.
test.use({ viewport: { width: 1280, height: 800 } });

/**
 * A viewport screenshot, scrolled to `focus` when given, without a focused input or a
 * half-finished animation. `fullPage` ones are kept as artifacts only.
 */
async function shot(
  page: Page,
  name: string,
  focus?: Locator,
  options: { fullPage?: boolean; docs?: boolean } = {},
) {
  await page.evaluate(() =>
    (document.activeElement as HTMLElement | null)?.blur(),
  );
  if (focus) {
    await focus.evaluate(el => el.scrollIntoView({ block: 'start' }));
  }
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name}.png`);
  await page.screenshot({
    path: file,
    animations: 'disabled',
    fullPage: options.fullPage,
  });
  const forDocs = options.docs ?? !options.fullPage;
  if (process.env.PLINTH_WIZARD_DOCS === '1' && forDocs) {
    mkdirSync(docsImages, { recursive: true });
    copyFileSync(file, join(docsImages, `${name}.png`));
  }
}

test('a new service goes from the wizard to the catalog with its SLOs and environments', async ({
  page,
  baseURL,
}) => {
  const service = uniqueServiceName();
  await signIn(page, TEMPLATE_PATH);

  // 1. Workloads, SLOs and constraints
  await expectPage(
    page,
    'What runs, how reliable it must be, and what limits the design.',
  );
  await page.getByLabel('Service name').fill(service);
  await pickOwner(page, 'Owner', 'Payments');
  await page.getByLabel('System').fill('payments');
  await page
    .getByLabel('Description')
    .fill('Double-entry ledger behind card payments');
  await pick(page, 'Traffic pattern', 'Diurnal (busy days, quiet nights)');
  await page.getByLabel('Peak requests per second').fill('1200');
  await pick(page, 'Data classification', 'Restricted');
  await page.getByLabel('Cardholder data').check();
  await page.getByLabel('Personal data (PII)').check();
  await page.getByLabel('Storage (GB)').fill('200');
  await page.getByLabel('Stateful').check();
  await page.getByLabel(/Availability objective/).fill('99.95');
  // The error budget follows the objective as it is typed
  await expect(page.getByTestId('slo-budget').first()).toContainText(
    'Error budget: 21.6 minutes per 30 days',
  );
  await expect(page.getByTestId('slo-budget').first()).toContainText(
    'Page when 1h/5m windows burn at 14.4x',
  );
  // Latency is asked because an HTTP API serves requests
  // offered as the histogram buckets of the client defaults, 250 ms by default
  await expect(page.getByLabel('Latency threshold (ms)')).toContainText('250');
  await page.getByLabel('Monthly budget (USD)').fill('3000');
  await page.getByLabel('PCI DSS').check();
  await page.getByLabel('SOC 2').check();
  await page.getByLabel('GDPR').check();
  await pick(page, 'Data residency', 'European Union');
  await page.getByLabel('Terraform').check();
  await page.getByLabel('Kubernetes').check();
  await shot(
    page,
    'wizard-1-workloads',
    page.getByRole('heading', { name: 'Service level objectives' }),
  );
  await next(page);

  // 2. Environments and topology: regions are limited to the cloud and the EU
  await expectPage(page, 'Where it runs and how the network is laid out.');
  await page.getByLabel('Primary region').click();
  await expect(page.getByRole('option', { name: /^eu-west-1/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /^us-east-1/ })).toHaveCount(0);
  await page.getByRole('option', { name: /^eu-central-1/ }).click();
  // A range of its own: the wizard rejects one another environment already uses
  await page.getByLabel('VPC / VNet CIDR').fill(await freeCidr(baseURL!));
  await pick(page, 'Database', 'PostgreSQL');
  await shot(
    page,
    'wizard-2-topology',
    page.getByRole('heading', { name: 'Topology' }),
  );
  await next(page);

  // 3. Infrastructure as code: the defaults
  await expectPage(
    page,
    'How the repository is built and how changes reach the cloud.',
  );
  await expect(
    page.getByLabel('A person approves production applies'),
  ).toBeChecked();
  await shot(page, 'wizard-3-iac');
  await next(page);

  // 4. Reliability: the database brings the recovery point and backup questions
  await expectPage(page, 'How the service survives failures and grows.');
  await page.getByLabel(/Recovery time objective/).fill('30');
  await page.getByLabel(/Recovery point objective/).fill('5');
  await page.getByLabel('Minimum replicas').fill('3');
  await page.getByLabel('Maximum replicas').fill('12');
  await expect(page.getByLabel(/Backup retention/)).toHaveValue('35');
  await shot(
    page,
    'wizard-4-reliability',
    page.getByRole('heading', { name: 'Reliability' }),
  );
  await next(page);

  // 5-7 keep their defaults
  await expectPage(
    page,
    'Encryption, audit logging and the controls your frameworks need.',
  );
  await shot(page, 'wizard-5-security');
  await next(page);
  await expectPage(
    page,
    'How the team learns that something is wrong, and who acts.',
  );
  await shot(page, 'wizard-6-operations');
  await next(page);
  await expectPage(page, 'Keeping cost and reliability honest over time.');
  await shot(page, 'wizard-7-improvement');
  await next(page);

  // 8. The review plans the answers and explains the decisions
  const review = page.getByTestId('infra-review');
  await expect(review).toBeVisible();
  await expect(review.getByText('Decisions and why')).toBeVisible();
  await expect(review).toContainText('Compliance preview');
  await expect(review).toContainText('PCI DSS');
  await expect(review).toContainText('Monthly cost estimate');
  await expect(review).toContainText('against a budget of $3,000');
  // The user guide shows the review of e2e/wizard-review.spec.ts instead.
  await shot(page, 'wizard-8-review', review.getByText('Warnings'), {
    docs: false,
  });
  await shot(
    page,
    'wizard-8-review-decisions',
    review.getByText('Decisions and why'),
    { docs: false },
  );
  await shot(page, 'wizard-8-review-full', undefined, { fullPage: true });
  await next(page);

  // The scaffolder's own summary of the answers, then Create
  const create = page.getByRole('button', { name: 'Create' });
  await expect(create).toBeVisible();
  await shot(page, 'wizard-9-confirm');
  await create.click();

  // The task finishes and links to the new entity
  const entityLink = page.getByRole('link', { name: 'Open in catalog' });
  await expect(entityLink).toBeVisible({ timeout: 90_000 });
  await shot(page, 'wizard-10-result');
  await entityLink.click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${service}$`),
  );
  // The entity page's Infrastructure tab (the sidebar has an Infrastructure link too)
  await page
    .getByRole('link', { name: 'Infrastructure', exact: true })
    .and(page.locator(`[href$="/${service}/infrastructure"]`))
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${service}/infrastructure`),
  );
  // Its SLOs, its three environments (production in the chosen EU region) and compliance
  await expect(page.getByText(`${service}-availability`).first()).toBeVisible();
  await expect(page.getByText(`${service}-latency`).first()).toBeVisible();
  await expect(page.getByTestId('environment-row')).toHaveCount(3);
  await expect(
    page.getByTestId('environment-row').filter({ hasText: 'production' }),
  ).toContainText('eu-central-1');
  await expect(
    page.getByTestId('framework').filter({ hasText: 'PCI DSS' }),
  ).toBeVisible();
  await shot(page, 'wizard-11-infrastructure-tab');

  // The catalog holds the service, its environments and SLOs, related both ways
  const token = await guestToken(baseURL!);
  const query = async (filter: string) => {
    const res = await fetch(
      `${baseURL}/api/catalog/entities/by-query?filter=${encodeURIComponent(
        filter,
      )}&fields=kind,metadata.name,relations`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(res.ok).toBe(true);
    return (await res.json()).items as Array<{
      kind: string;
      metadata: { name: string };
      relations?: Array<{ type: string; targetRef: string }>;
    }>;
  };
  const relationsOf = (entity: {
    relations?: Array<{ type: string; targetRef: string }>;
  }) => (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`);
  const ref = `component:default/${service}`;

  const components = await query(`kind=component,metadata.name=${service}`);
  expect(components).toHaveLength(1);
  const environments = await query(
    `kind=resource,spec.type=environment,relations.dependencyOf=${ref}`,
  );
  expect(environments.map(e => e.metadata.name).sort()).toEqual([
    `${service}-dev`,
    `${service}-prod`,
    `${service}-staging`,
  ]);
  const slos = await query(`kind=slo,relations.sloOf=${ref}`);
  expect(slos.map(s => s.metadata.name).sort()).toEqual([
    `${service}-availability`,
    `${service}-latency`,
  ]);

  const componentRelations = relationsOf(components[0]);
  for (const environment of environments) {
    expect(componentRelations).toContain(
      `dependsOn resource:default/${environment.metadata.name}`,
    );
    expect(relationsOf(environment)).toContain(`dependencyOf ${ref}`);
  }
  for (const slo of slos) {
    expect(componentRelations).toContain(
      `hasSlo slo:default/${slo.metadata.name}`,
    );
    expect(relationsOf(slo)).toContain(`sloOf ${ref}`);
  }
});

test('an invalid value shows its error next to the field and blocks Next', async ({
  page,
}) => {
  await signIn(page, TEMPLATE_PATH);
  await page.getByLabel('Service name').fill('Bad_Name');
  await pickOwner(page, 'Owner', 'Payments');
  await page.getByLabel(/Availability objective/).fill('100');
  await next(page);

  // Each error is listed right under its own field (RJSF's `<field id>__error`), in words
  await expect(page.locator('#root_service_name__error')).toContainText(
    'must be 3-40 lower-case letters, digits and dashes',
  );
  await expect(page.locator('#root_slos_availability__error')).toContainText(
    'must be below 100 (percent); 100% leaves no error budget',
  );
  await expect(page.getByLabel('Service name')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByLabel(/Availability objective/)).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await shot(
    page,
    'wizard-invalid',
    page.getByRole('heading', { name: 'Service level objectives' }),
  );

  // Still on the first page: the topology questions of page 2 are not shown
  await expect(page.getByLabel('Service name')).toBeVisible();
  await expect(
    page.getByText('Where it runs and how the network is laid out.'),
  ).toHaveCount(0);

  // Fixing the values lets Next through
  await page.getByLabel('Service name').fill(uniqueServiceName());
  await page.getByLabel(/Availability objective/).fill('99.9');
  await next(page);
  await expectPage(page, 'Where it runs and how the network is laid out.');
});
