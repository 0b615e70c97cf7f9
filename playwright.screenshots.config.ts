import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4190);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** `npm run screenshots`: the README's images, taken from the built app (scripts/screenshots.mjs). */
export default defineConfig({
  testDir: 'tests/screens',
  testMatch: '**/*.screens.ts',
  workers: 1,
  timeout: 180_000,
  reporter: [['list']],
  outputDir: `test-results/screens-${PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: CHROME,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir dist-screens`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
