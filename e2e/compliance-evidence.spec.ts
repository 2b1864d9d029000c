/*
 * Compliance from code evidence in the Infrastructure tab (issue 15, acceptance 5), on
 * the examples Plinth generates from examples/answers into .plinth/examples: records-api
 * (Azure, HIPAA) declares a customer-managed key that its prod database code drops (the
 * generator's open gap, kept as the always-visible failure), so the card shows the
 * control failing with "declared, not found in code" and links each file:line to the
 * portal's source page, which shows the file with that line marked. The backend's
 * source endpoint refuses a path out of the repository.
 */
import { expect, test } from '@playwright/test';
import { guestToken, screenshot, signIn } from './support';

const SERVICE = 'component:default/records-api';

/** Waits until the evidence collector has read the service's code (it runs every 20 s). */
async function waitForCodeEvidence(baseURL: string) {
  const token = await guestToken(baseURL);
  await expect
    .poll(
      async () => {
        const res = await fetch(
          `${baseURL}/api/infra/compliance?entityRef=${encodeURIComponent(
            SERVICE,
          )}`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        if (!res.ok) return 0;
        const body = await res.json();
        return body.environments.filter((e: { source?: unknown }) => e.source)
          .length;
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(3);
  return token;
}

test('the Infrastructure tab shows code evidence with links to the files, and a failing control', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await waitForCodeEvidence(baseURL!);
  await signIn(page, '/catalog/default/component/records-api/infrastructure');
  await expect(page.getByTestId('evidence-source')).toContainText(
    'Evidence from the code of 3 environments (file:',
  );

  const cmk = page
    .getByTestId('control')
    .filter({ hasText: 'customer-managed key' })
    .first();
  await expect(cmk).toHaveAttribute('data-status', 'fail');
  const prod = cmk
    .locator('[data-testid="evidence"][data-source="code"]')
    .filter({ hasText: 'declared, not found in code' });
  await expect(prod).toContainText(
    'prod: encryptionAtRest = provider-managed in code',
  );
  const link = prod.getByTestId('evidence-link').first();
  await expect(link).toHaveText(/^terraform\/[\w/.-]+\.tf:\d+$/);
  const [file, line] = (await link.textContent())!.split(':');
  await expect(link).toHaveAttribute(
    'href',
    `/infra-source?${new URLSearchParams({
      entityRef: 'resource:default/records-api-prod',
      path: file,
      line,
    })}#L${line}`,
  );
  await cmk.scrollIntoViewIfNeeded();
  await screenshot(page, 'compliance-evidence-links');
  await cmk.screenshot({
    path: 'artifacts/e2e/compliance-evidence-control.png',
  });

  // The link opens the file, served by the backend, with the evidence line marked.
  await link.click();
  await expect(page).toHaveURL(/\/infra-source\?/);
  await expect(page.getByRole('heading', { name: file })).toBeVisible();
  const marked = page.getByTestId('source-line-marked');
  await expect(marked).toBeVisible();
  await expect(marked).toHaveAttribute('id', `L${line}`);
  await expect(marked).toContainText('customer_managed_key');
  await screenshot(page, 'compliance-evidence-source');
});

test('the source endpoint serves only files inside the environment repository', async ({
  baseURL,
}) => {
  const token = await waitForCodeEvidence(baseURL!);
  const source = (entityRef: string, path: string) =>
    fetch(
      `${baseURL}/api/infra/source?${new URLSearchParams({ entityRef, path })}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
  const ok = await source(
    'resource:default/records-api-prod',
    'terraform/envs/prod/main.tf',
  );
  expect(ok.status).toBe(200);
  expect(await ok.text()).toContain('module "data"');
  // Next to records-api is payments-api's repository: out of reach through records-api.
  const out = await source(
    'resource:default/records-api-prod',
    '../payments-api/terraform/envs/prod/main.tf',
  );
  expect(out.status).toBe(403);
  const missing = await source(
    'resource:default/no-such-env',
    'terraform/envs/prod/main.tf',
  );
  expect(missing.status).toBe(404);
});
