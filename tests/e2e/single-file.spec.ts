import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * The single-file build (`npm run build:single`, built by scripts/run-e2e.mjs before the tests)
 * opened straight from disk. The shared fixtures judge requests by the server's origin, which a
 * file:// page does not have: this spec keeps the same two guards with its own rule — the only
 * request allowed is the file itself (data: and blob: URLs stay on the device).
 */
const FILE = fileURLToPath(new URL('../../dist-single/index.html', import.meta.url));
const FILE_URL = pathToFileURL(FILE).href;

const test = base.extend<{ guard: { foreign: string[]; errors: string[] } }>({
  guard: [
    async ({ page }, use) => {
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        const url = request.url().split('#')[0] ?? '';
        if (url.startsWith('data:') || url.startsWith('blob:') || url === FILE_URL) return;
        foreign.push(url);
      });
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (error) => errors.push(String(error)));
      await use({ foreign, errors });
      expect(foreign, 'requests other than the file itself').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

test.beforeAll(() => {
  // Normally built by scripts/run-e2e.mjs; build it here when Playwright runs on its own.
  if (!existsSync(FILE)) {
    execFileSync('npx', ['vite', 'build', '-c', 'vite.single.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
  }
});

async function answerOneDimension(page: Page, title: string): Promise<void> {
  await page.goto(`${FILE_URL}#/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau diagnostic' })).toBeVisible();
  await page.getByLabel('Titre du diagnostic').fill(title);
  for (const name of ['Risques et opportunités', 'Usages des outils numériques', 'Dialogue social'])
    await page.getByRole('checkbox', { name: new RegExp(name) }).uncheck();
  await page.getByRole('button', { name: 'Créer et commencer' }).click();
  await page.getByRole('radio', { name: 'Encadrement', exact: true }).check();
  await page.getByRole('button', { name: 'Commencer à répondre' }).click();
  await expect(page.getByText('Dimension 1 sur 8')).toBeVisible();
  const groups = page.locator('fieldset.likert');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByRole('radio').nth(2).check();
  await page.getByRole('link', { name: /Dimension suivante/ }).click();
  await expect(page.getByText('Dimension 2 sur 8')).toBeVisible();
}

test('the single file opens from disk, with its own policy, and a diagnostic can be answered', async ({
  page,
}) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await page.goto(FILE_URL);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // One file: no script or stylesheet is fetched, and the policy allows the inline code by hash.
  expect(await page.locator('script[src], link[rel="stylesheet"]').count()).toBe(0);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain('unsafe-inline');
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();

  await answerOneDimension(page, 'Sur clé USB');
  const id = /#\/answer\/([^/]+)/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  await page.goto(`${FILE_URL}#/results/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sur clé USB');
  await expect(page.getByTestId('overall-score')).toBeVisible();
  // Chromium keeps IndexedDB for files on disk: the answers survive a reload.
  await page.reload();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  // English is inlined too.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sur clé USB');
  expect(violations).toEqual([]);
});

test('when the browser refuses storage for a file on disk, answers stay in memory and a banner says so', async ({
  page,
}) => {
  // Some browsers refuse IndexedDB to file:// pages; simulate it.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() {
        return {
          open() {
            throw new DOMException('refused for file://', 'SecurityError');
          },
        };
      },
    });
  });
  await page.goto(FILE_URL);
  await expect(page.getByRole('alert')).toContainText(
    'Cet appareil refuse d’enregistrer les données',
  );
  await answerOneDimension(page, 'Sans stockage');
  await expect(page.getByRole('alert')).toContainText(
    'Cet appareil refuse d’enregistrer les données',
  );
  await expect(page.getByRole('button', { name: 'Exporter le diagnostic' })).toBeVisible();
  await page.goto(`${FILE_URL}#/`);
  await expect(page.getByRole('heading', { name: 'Sans stockage' })).toBeVisible();
});
