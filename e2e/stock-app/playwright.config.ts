/*
 * The stock-app checks (scripts/stock-app-test.sh starts the app's backend and sets
 * PLINTH_STOCK_APP_URL). Separate from the portal's e2e config: another app, another port.
 */
import { defineConfig } from '@playwright/test';
import { baseConfig } from '../playwright.base';

export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: '*.stock.ts',
  expect: { timeout: 60_000 },
  reporter: [['list']],
  outputDir: '../../artifacts/stock-app/results',
  use: { ...baseConfig.use, baseURL: process.env.PLINTH_STOCK_APP_URL },
});
