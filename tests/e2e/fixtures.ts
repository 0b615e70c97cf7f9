import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test runs under two guards: no request may leave the app's origin (privacy), and
 * no console error may happen. Both are checked after the test, whatever it did.
 */
export const test = base.extend<{ guard: { foreignRequests: string[]; consoleErrors: string[] } }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
      const foreignRequests: string[] = [];
      const consoleErrors: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) foreignRequests.push(url);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      await use({ foreignRequests, consoleErrors });
      expect(foreignRequests, 'requests outside the app origin').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app on a route and waits until the shell is rendered. */
export async function openApp(page: Page, route = '/'): Promise<void> {
  await page.goto('./#' + route);
  await expect(page.locator('main#main')).toBeVisible();
}
