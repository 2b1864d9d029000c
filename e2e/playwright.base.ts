/*
 * What the portal's e2e config and the stock-app config share: one test at a time, long
 * timeouts for a cold backend, and Debian's Chromium, headless, without background traffic.
 */
import type { PlaywrightTestConfig } from '@playwright/test';

export const baseConfig = {
  timeout: 180_000,
  workers: 1,
  forbidOnly: !!process.env.CI,
  use: {
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
  },
} satisfies PlaywrightTestConfig;
