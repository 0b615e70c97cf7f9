import { test as base, expect, type Page } from '@playwright/test';
import { layoutDefects } from './layout-check';

/**
 * Every e2e test runs under three guards: no request may leave the app's origin (privacy), no
 * console error may happen, and the page the test ends on is laid out (layout-check.ts: nothing
 * empty, nothing wider than the screen, no text out of its box). All are checked after the test,
 * whatever it did; layout.spec.ts checks every page at the three screen sizes.
 */
export const test = base.extend<{
  guard: {
    foreignRequests: string[];
    consoleErrors: string[];
    /** Console errors a test provokes on purpose (a blocked chunk): each pattern must match. */
    expectedErrors: RegExp[];
    /** Puts another page (of a browser a test launches itself) under the same two guards. */
    watch: (page: Page) => void;
  };
}>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
      const foreignRequests: string[] = [];
      const consoleErrors: string[] = [];
      const expectedErrors: RegExp[] = [];
      const watch = (watched: Page) => {
        watched.on('request', (request) => {
          const url = request.url();
          if (url.startsWith('data:') || url.startsWith('blob:')) return;
          if (new URL(url).origin !== origin) foreignRequests.push(url);
        });
        watched.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        watched.on('pageerror', (error) => consoleErrors.push(String(error)));
      };
      watch(page);
      await use({ foreignRequests, consoleErrors, expectedErrors, watch });
      if (!page.isClosed() && page.url().startsWith(origin)) {
        const main = await page.locator('main#main').count();
        if (main > 0)
          expect
            .soft(await layoutDefects(page), `layout defects where the test ended (${page.url()})`)
            .toEqual([]);
      }
      expect(foreignRequests, 'requests outside the app origin').toEqual([]);
      const unexpected = consoleErrors.filter((e) => !expectedErrors.some((re) => re.test(e)));
      expect(unexpected, 'console errors').toEqual([]);
      for (const re of expectedErrors) {
        expect(
          consoleErrors.some((e) => re.test(e)),
          `expected console error ${re}`,
        ).toBe(true);
      }
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
