import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createDiagnostic, startRespondent } from './helpers';

// Requests must reach the network (held on purpose below), not a service worker's cache.
test.use({ serviceWorkers: 'block' });

/**
 * A page whose code is already there renders at once. Its loading screen (the
 * `data-loading="page"` status, "Chargement…" after a short delay) must never enter the page,
 * not even empty: a Suspense fallback once shown held the finished page back ~300 ms.
 *
 * A MutationObserver registered before the app's scripts (addInitScript) records every loading
 * status added to the page, from the first paint on.
 */
async function watchLoadingScreens(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { what: string; text: string }[] = [];
    (window as unknown as { __loadingSeen: typeof seen }).__loadingSeen = seen;
    // After every change of the page (React commits at once): each loading status in it, and
    // its text, noted when it is new.
    new MutationObserver(() => {
      // The loading text anywhere but in the diagnostic's own status (any loading screen of an
      // older or another kind included).
      const text = document.body?.textContent ?? '';
      const diagnosticSays = [...document.querySelectorAll('[data-loading="diagnostic"]')].some(
        (el) => el.textContent?.includes('Chargement…'),
      );
      if (text.includes('Chargement…') && !diagnosticSays)
        seen.push({ what: 'loading text', text: 'Chargement…' });
      for (const el of document.querySelectorAll('[data-loading]')) {
        const state = { what: el.getAttribute('data-loading') ?? '', text: el.textContent ?? '' };
        const last = seen.at(-1);
        if (!last || last.what !== state.what || last.text !== state.text) seen.push(state);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

const loadingSeen = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __loadingSeen: { what: string; text: string }[] }).__loadingSeen,
  );

test('the answer page paints its first question without its loading screen, from the first paint and on coming back', async ({
  page,
}) => {
  await watchLoadingScreens(page);
  const id = await createDiagnostic(page, { title: 'Sans attente', grids: ['uses', 'skills'] });
  await startRespondent(page, 'Salarié·e');
  const answerUrl = page.url();

  // 1. A fresh load of the answer page: its code is preloaded with the shell's (route-preload)
  //    and loaded before the first render.
  await page.goto('about:blank');
  await page.goto(answerUrl);
  await expect(page.getByText('Dimension 1 sur 16')).toBeVisible();
  await expect(page.locator('main .likert input[type="radio"]').first()).toBeEnabled();
  const onLoad = await loadingSeen(page);
  expect(onLoad.filter((s) => s.what !== 'diagnostic')).toEqual([]);
  // The diagnostic itself is read from storage (its status is in the page, empty, meanwhile):
  // that wait is real, and says "Chargement…" only when it lasts (not asserted: machine-bound).

  // 2. Away to another page with its own code, then back: the answer page's code is loaded.
  await page.evaluate(
    (target) => (window.location.hash = target),
    `#/results/${encodeURIComponent(id)}`,
  );
  await expect(page.getByRole('heading', { level: 1, name: /Résultats/ })).toBeVisible();
  await page.evaluate(() =>
    (window as unknown as { __loadingSeen: unknown[] }).__loadingSeen.splice(0),
  );
  await page.goBack();
  await expect(page.getByText('Dimension 1 sur 16')).toBeVisible();
  const onReturn = await loadingSeen(page);
  expect(onReturn.filter((s) => s.what !== 'diagnostic')).toEqual([]);
});

test('the results page paints with its radars, never behind its loading screen', async ({
  page,
}) => {
  await watchLoadingScreens(page);
  const id = await createDiagnostic(page, { title: 'Résultats sans attente' });
  await page.goto('about:blank');
  await page.goto(`./#/results/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { level: 1, name: /Résultats/ })).toBeVisible();
  // Every chart draws (its code is fetched with the page's, see page-files.ts `alsoLoads`).
  const charts = page.locator('main figure.chart');
  await expect(charts).toHaveCount(5);
  await expect(page.locator('main figure.chart svg.recharts-surface')).toHaveCount(5);
  // No loading screen of the page: every text file its first render uses was loaded with it.
  const seen = await loadingSeen(page);
  expect(seen.filter((s) => s.what !== 'diagnostic')).toEqual([]);
});

test('a page whose code is not there yet says so only when the wait lasts, then shows the page', async ({
  page,
}) => {
  await watchLoadingScreens(page);
  // The about page's chunk is held back 1.5 s: a real wait.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/about-page-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/about'));
  const status = page.locator('[data-loading="page"]');
  await expect(status).toHaveText('Chargement…');
  setTimeout(release, 1500);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Méthode, sources et confidentialité' }),
  ).toBeVisible();
  await expect(status).toHaveCount(0);
  // Empty first, the text after the delay: never the text at once.
  const seen = (await loadingSeen(page)).filter((s) => s.what === 'page');
  expect(seen[0]?.text).toBe('');
});
