/*
 * axe-core (WCAG 2.1 A/AA and best practices) on Plinth's three pages: every page of the
 * /infra wizard and its review, the overview at /infra, and an entity's Infrastructure
 * tab. Any violation fails, except Backstage's own markup listed in e2e/axe.ts.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './support';
import { walkFraudScoring } from './wizardSupport';

test('the wizard pages and the review have no accessibility violation', async ({
  page,
  baseURL,
}) => {
  await walkFraudScoring(page, baseURL!, async n => {
    await expectNoAxeViolations(page, `wizard-${n}`);
  });
  await expect(page.getByTestId('infra-review')).toBeVisible();
  await expectNoAxeViolations(page, 'wizard-review');
});

test('the overview has no accessibility violation', async ({ page }) => {
  await signIn(page, '/infra');
  await expect(page.getByTestId('overview-row').first()).toBeVisible();
  await expectNoAxeViolations(page, 'overview');
});

test('the Infrastructure tab has no accessibility violation', async ({
  page,
}) => {
  await signIn(page, '/catalog/default/component/payments-api/infrastructure');
  await expect(page.getByTestId('slo').first()).toBeVisible();
  await expect(page.getByTestId('environment-row').first()).toBeVisible();
  await expectNoAxeViolations(page, 'infra-tab');
});
