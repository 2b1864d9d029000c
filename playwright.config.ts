/*
 * End-to-end tests in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright),
 * against the real backend serving the production build of the app. `make test` builds the
 * app first; e2e/global-setup.ts starts the backend.
 */
import { defineConfig } from '@playwright/test';
import { baseConfig } from './e2e/playwright.base';

export const e2ePort = Number(process.env.PLINTH_E2E_PORT ?? 7017);

export default defineConfig({
  ...baseConfig,
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: require.resolve('./e2e/global-setup'),
  expect: { timeout: 30_000 },
  // One backend, one catalog: specs that create entities must not race each other
  // (baseConfig runs one worker).
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'artifacts/e2e-report' }],
  ],
  outputDir: 'artifacts/e2e-results',
  use: {
    ...baseConfig.use,
    baseURL: `http://localhost:${e2ePort}`,
    trace: 'retain-on-failure',
  },
});
