/*
 * The wizard checks each page with the planner's answers schema before Next: a problem
 * is shown on its own page, next to its field, in words. Options follow earlier answers
 * (regions and monitoring by cloud), and a VPC range must not overlap the networks of
 * the example environments in the catalog (examples/infra/payments.yaml).
 */
import { expect, Page, test } from '@playwright/test';
import { screenshot, signIn } from './support';
import {
  TEMPLATE_PATH,
  expectPage,
  freeCidr,
  next,
  pick,
  pickOwner,
  uniqueServiceName,
} from './wizardSupport';

const TOPOLOGY = 'Where it runs and how the network is laid out.';

/** Fills the first page's required answers and goes to the topology page. */
async function toTopology(page: Page) {
  await signIn(page, TEMPLATE_PATH);
  await page
    .getByLabel('Service name')
    .fill(uniqueServiceName('fraud-scoring'));
  await pickOwner(page, 'Owner', 'Payments');
  await next(page);
  await expectPage(page, TOPOLOGY);
}

async function expectBlocked(
  page: Page,
  fieldId: string,
  message: string | RegExp,
) {
  await next(page);
  await expect(page.locator(`#${fieldId}__error`)).toContainText(message);
  await expectPage(page, TOPOLOGY);
}

test('a bad network range and duplicate environments are blocked on their own page', async ({
  page,
  baseURL,
}) => {
  await toTopology(page);
  const cidr = page.getByLabel('VPC / VNet CIDR');

  await cidr.fill('8.8.0.0/16');
  await expectBlocked(
    page,
    'root_topology_vpcCidr',
    'must be inside a private range',
  );
  await cidr.fill('10.0.0.0/8');
  await expectBlocked(
    page,
    'root_topology_vpcCidr',
    'must be between /16 and /24 (got /8)',
  );
  await cidr.fill('10.1.2.3/16');
  await expectBlocked(page, 'root_topology_vpcCidr', 'has host bits set');
  // The dev environments of the examples generated from examples/answers use 10.16.0.0/16
  await cidr.fill('10.16.128.0/20');
  await expectBlocked(
    page,
    'root_topology_vpcCidr',
    /overlaps 10\.16\.0\.0\/16, the network of (payments-api|records-api|fraud-scoring|ledger-batch)-dev/,
  );
  await screenshot(page, 'wizard-validation-cidr-overlap');

  await cidr.fill(await freeCidr(baseURL!));
  await page.locator('#root_environments_1_name').fill('dev');
  await expectBlocked(
    page,
    'root_environments_1_name',
    "'dev' is used by another environment; names must be unique",
  );
  await expect(page.locator('#root_environments_1_name')).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await page.locator('#root_environments_1_name').fill('staging');
  await next(page);
  await expectPage(
    page,
    'How the repository is built and how changes reach the cloud.',
  );
  // 4. Reliability: more minimum than maximum replicas is blocked there
  await next(page);
  await expectPage(page, 'How the service survives failures and grows.');
  await page.getByLabel('Minimum replicas').fill('8');
  await page.getByLabel('Maximum replicas').fill('4');
  await next(page);
  await expect(
    page.locator('#root_reliability_autoscaling_min__error'),
  ).toContainText('must not exceed the maximum replicas (4)');
  await expectPage(page, 'How the service survives failures and grows.');
});

test('changing the cloud clears the region with a note, and Google Cloud offers no CloudWatch', async ({
  page,
}) => {
  await toTopology(page);
  await page.getByLabel('Primary region').click();
  await page.getByRole('option', { name: /^eu-west-1/ }).click();
  await expect(page.getByLabel('Primary region')).toHaveValue(/eu-west-1/);

  await pick(page, 'Cloud', 'Google Cloud');
  await expect(page.getByTestId('region-cleared').first()).toContainText(
    'eu-west-1 was cleared: Google Cloud',
  );
  await expect(page.getByLabel('Primary region')).toHaveValue('');
  await page.getByLabel('Primary region').click();
  await expect(
    page.getByRole('option', { name: /^europe-west1/ }),
  ).toBeVisible();
  await page.getByRole('option', { name: /^europe-west1/ }).click();
  await screenshot(page, 'wizard-validation-region-cleared');

  for (const description of [
    'How the repository is built and how changes reach the cloud.',
    'How the service survives failures and grows.',
    'Encryption, audit logging and the controls your frameworks need.',
    'How the team learns that something is wrong, and who acts.',
  ]) {
    await next(page);
    await expectPage(page, description);
  }
  await page.getByRole('button', { name: /^Monitoring/ }).click();
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: 'Prometheus' })).toBeVisible();
  await expect(options.filter({ hasText: 'Datadog' })).toBeVisible();
  await expect(options.filter({ hasText: 'CloudWatch' })).toHaveCount(0);
});
