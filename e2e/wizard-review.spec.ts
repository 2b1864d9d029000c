/*
 * The review page of the fraud-scoring request (examples/answers/gcp-fraud-scoring-eu.yaml)
 * at 1440x900: with the details collapsed it fits in two screens, and it shows the cost
 * by component with the price list it comes from. With PLINTH_WIZARD_DOCS=1 the
 * screenshot replaces docs/images/wizard-review-fraud-scoring.png (the user guide's).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot } from './support';
import { walkFraudScoring } from './wizardSupport';

test.use({ viewport: { width: 1440, height: 900 } });

test('the review of the fraud-scoring request fits in two screens and shows the cost by component', async ({
  page,
  baseURL,
}) => {
  await walkFraudScoring(page, baseURL!);
  const review = page.getByTestId('infra-review');
  await expect(review).toBeVisible();

  // Cost by component and environment, the total against the budget, the price source
  const cost = review.getByTestId('review-cost');
  await expect(
    cost.getByRole('table', { name: 'Monthly cost by component (USD)' }),
  ).toBeVisible();
  for (const component of [
    'Compute (replicas)',
    'Kubernetes control plane',
    'Database instances',
    'Cache',
    'Keys and WAF',
  ]) {
    await expect(
      cost.getByTestId('cost-row').filter({ hasText: component }),
    ).toBeVisible();
  }
  await expect(cost.getByRole('columnheader', { name: 'prod' })).toBeVisible();
  await expect(cost).toContainText('against a budget of $5,000');
  await expect(cost.getByTestId('price-source')).toContainText(
    /list prices.*recorded \d{4}-\d{2}/,
  );

  // Compliance with the fix of each unmet control; decisions by step, collapsed
  await expect(review.getByTestId('review-compliance')).toContainText(
    'PCI DSS',
  );
  const steps = review.getByTestId('review-step');
  await expect(steps).toHaveCount(7);
  for (const step of await steps.all()) {
    await expect(step.getByRole('button').first()).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  }

  // Two screens: everything down to Confirm within 2 x 900 px of the top of the page
  await page.evaluate(() => window.scrollTo(0, 0));
  const confirm = page.getByRole('button', { name: 'Confirm' });
  await expect(confirm).toBeVisible();
  const bottom = await confirm.evaluate(
    el => el.getBoundingClientRect().bottom + window.scrollY,
  );
  // eslint-disable-next-line no-console
  console.log(`review: Confirm ends ${Math.round(bottom)} px from the top`);
  expect(bottom).toBeLessThanOrEqual(2 * 900);

  await page.evaluate(() =>
    (document.activeElement as HTMLElement | null)?.blur(),
  );
  const file = await screenshot(page, 'wizard-review-fraud-scoring');
  if (process.env.PLINTH_WIZARD_DOCS === '1') {
    const docsImages = join(__dirname, '..', 'docs', 'images');
    mkdirSync(docsImages, { recursive: true });
    copyFileSync(file, join(docsImages, 'wizard-review-fraud-scoring.png'));
  }

  // Opened, a step lists Plinth's decisions with their reasons, then the answers
  const security = steps.filter({ hasText: '5. Security and compliance' });
  await security.getByRole('button').first().click();
  await expect(security.getByText('Decided by Plinth')).toBeVisible();
  await expect(security).toContainText(
    /Audit log retention \(days\): 365 - \S/,
  );
  // Per-environment settings side by side, behind their own toggle
  const reliability = steps.filter({ hasText: '4. Reliability' });
  await reliability.getByRole('button').first().click();
  await expect(reliability.getByText('Your answers')).toBeVisible();
  await reliability.getByText(/^Per environment:/).click();
  await expect(
    reliability.getByRole('table', { name: 'Reliability, per environment' }),
  ).toContainText('pilot light');
});
