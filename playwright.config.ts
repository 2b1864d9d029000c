/*
 * End-to-end tests in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright),
 * against the real backend serving the production build of the app. `make test` builds the
 * app first; e2e/global-setup.ts starts the backend.
 */
import { defineConfig } from '@playwright/test';

export const e2ePort = Number(process.env.PLINTH_E2E_PORT ?? 7017);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: require.resolve('./e2e/global-setup'),
  timeout: 180_000,
  expect: { timeout: 30_000 },
  // One backend, one catalog: specs that create entities must not race each other.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'artifacts/e2e-report' }],
  ],
  outputDir: 'artifacts/e2e-results',
  use: {
    baseURL: `http://localhost:${e2ePort}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
