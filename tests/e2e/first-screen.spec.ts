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

test('the results page paints, never behind its loading screen; each radar draws as it comes into view, in a box already at its size', async ({
  page,
}) => {
  await watchLoadingScreens(page);
  const id = await createDiagnostic(page, { title: 'Résultats sans attente' });
  await page.goto('about:blank');
  await page.goto(`./#/results/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { level: 1, name: /Résultats/ })).toBeVisible();
  const charts = page.locator('main figure.chart');
  await expect(charts).toHaveCount(5);
  // The overview's radar, in the first screen, draws at once; the grids' below wait.
  await expect(charts.first().locator('svg.recharts-surface')).toBeVisible();
  const last = charts.last().locator('.radar');
  await expect(last).toHaveClass(/radar--pending/);
  const pendingHeight = (await last.boundingBox())?.height ?? 0;
  expect(pendingHeight).toBeGreaterThan(250);
  // Scrolled to, each draws, and its box keeps its height (nothing below it moves).
  for (const chart of await charts.all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  }
  await expect(page.locator('main figure.chart svg.recharts-surface')).toHaveCount(5);
  expect((await last.boundingBox())?.height).toBeCloseTo(pendingHeight, 0);
  // No loading screen of the page: every text file its first render uses was loaded with it.
  const seen = await loadingSeen(page);
  expect(seen.filter((s) => s.what !== 'diagnostic')).toEqual([]);
});

test('the results page shows its head and overview first, then the rest in parts, in order, nothing moving', async ({
  page,
}) => {
  // Each section of the results page as it enters the page, and the layout shifts seen.
  await page.addInitScript(() => {
    const log: { at: number; sections: string[] }[] = [];
    const shifts: number[] = [];
    Object.assign(window, { __sections: log, __shifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      const results = document.querySelector('main .results');
      if (!results) return;
      const sections = [
        ...results.querySelectorAll(':scope > header, :scope > section, :scope > nav'),
      ].map((el) => el.id || el.localName);
      const last = log.at(-1);
      if (!last || last.sections.join() !== sections.join())
        log.push({ at: performance.now(), sections });
    }).observe(document, { childList: true, subtree: true });
  });
  const id = await createDiagnostic(page, { title: 'Résultats en parties' });
  await page.goto('about:blank');
  await page.goto(`./#/results/${encodeURIComponent(id)}`);
  await expect(page.locator('main .results > section.action-plan')).toBeAttached();
  await expect(page.getByRole('button', { name: /PDF/ }).first()).toBeVisible();
  const { log, shifts } = await page.evaluate(() => {
    const w = window as unknown as {
      __sections: { at: number; sections: string[] }[];
      __shifts: number[];
    };
    return { log: w.__sections, shifts: w.__shifts };
  });
  // The first commit: the head, the table of contents and the overview with its radar, no more.
  expect(log[0]?.sections).toEqual(['header', 'nav', 'overview']);
  // Then one part after the other, each keeping what came before: the grids, the
  // recommendations, the comments (the plan and PDF button last).
  const final = log.at(-1)?.sections ?? [];
  expect(final.slice(0, 7)).toEqual([
    'header',
    'nav',
    'overview',
    'grid-risks-opportunities',
    'grid-uses',
    'grid-skills',
    'grid-social-dialogue',
  ]);
  expect(final).toContain('recommendations');
  for (let i = 1; i < log.length; i += 1) {
    const before = log[i - 1]?.sections ?? [];
    expect(log[i]?.sections.slice(0, before.length)).toEqual(before);
  }
  expect(log.length).toBeGreaterThanOrEqual(6);
  // Nothing shown moved as the parts came.
  expect(shifts.reduce((sum, v) => sum + v, 0)).toBe(0);
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

test('the answer and results pages need no style sheet but the app’s: no round trip for one before their first screen', async ({
  page,
}) => {
  const id = await createDiagnostic(page, { title: 'Feuilles de style' });
  for (const route of [`/answer/${encodeURIComponent(id)}`, `/results/${encodeURIComponent(id)}`]) {
    await page.goto('about:blank');
    const sheets: string[] = [];
    const listener = (request: { resourceType: () => string; url: () => string }) => {
      if (request.resourceType() === 'stylesheet') sheets.push(request.url());
    };
    page.on('request', listener);
    await page.goto(`./#${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The page's last part (the results page comes in parts).
    if (route.startsWith('/results'))
      await expect(page.getByRole('button', { name: /PDF/ }).first()).toBeVisible();
    page.off('request', listener);
    expect(
      sheets.map((url) => new URL(url).pathname.split('/').pop()),
      route,
    ).toEqual([expect.stringMatching(/^index-[\w-]+\.css$/)]);
  }
});
