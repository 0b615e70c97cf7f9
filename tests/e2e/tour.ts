import { expect, type Page } from '@playwright/test';
import { createDiagnostic, drawCharts, seedAnswers } from './helpers';

/** Labels the tour needs, in each interface language. */
const LABELS = {
  fr: {
    create: 'Créer et commencer',
    help: /^Aide pour/,
    deleteAll: 'Supprimer toutes mes données',
    cancel: 'Annuler',
  },
  en: {
    create: 'Create and start',
    help: /^Help for/,
    deleteAll: 'Delete all my data',
    cancel: 'Cancel',
  },
} as const;
export type TourLanguage = keyof typeof LABELS;

/** Two diagnostics of the four grids with answers from seven respondents (workshop, T0/T1). */
export async function seedTourData(page: Page): Promise<{ t0: string; t1: string }> {
  const roles = ['employee', 'employee', 'employee', 'manager', 'manager', 'manager', 'management'];
  const people = roles.map((role, i) => ({
    role,
    comment: i === 0 ? 'Un commentaire.' : undefined,
  }));
  const t0 = await createDiagnostic(page, { title: 'Visite T0', purpose: /Atelier/ });
  await seedAnswers(page, t0, people, '(i, r, n) => i % 9 === 4 ? -1 : (i * 3 + r) % n');
  const t1 = await createDiagnostic(page, { title: 'Visite T1', purpose: /Atelier/ });
  await seedAnswers(page, t1, people, '(i, r, n) => i % 9 === 4 ? -1 : (i * 5 + r + 1) % n');
  return { t0, t1 };
}

/** Switches the interface language the way a returning user has it: remembered, then reload. */
export async function switchLanguage(page: Page, lang: TourLanguage): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('qvt:language', l), lang);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function ready(page: Page, route: string): Promise<void> {
  await page.goto('./#' + route);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /^(Chargement…|Loading…)$/ }),
  ).toHaveCount(0);
}

/**
 * Walks every page of the app in one language, in the states worth checking (form errors shown,
 * help open, charts drawn, a confirmation dialog open), calling `check(name)` on each.
 */
export async function tour(
  page: Page,
  lang: TourLanguage,
  ids: { t0: string; t1: string },
  check: (name: string) => Promise<void>,
): Promise<void> {
  const l = LABELS[lang];
  await ready(page, '/');
  await check('start');

  await ready(page, '/new');
  await page.getByRole('button', { name: l.create }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await check('new diagnostic, errors shown');

  await ready(page, `/answer/${ids.t0}/skills.sk-information`);
  await page.getByRole('button', { name: l.help }).first().click();
  await check('answer step, help open');

  await ready(page, `/answer/${ids.t0}/review`);
  await check('review');

  await ready(page, `/results/${ids.t0}`);
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await drawCharts(page);
  await check('results');
  const card = page.locator('.rec-card').first();
  await card.locator('summary').click();
  await expect(card.locator('.rec-card__body')).toBeVisible();
  await check('results, a recommendation open');

  await ready(page, `/workshop/${ids.t0}`);
  await drawCharts(page);
  await check('workshop');

  await ready(page, `/compare/${ids.t0}/${ids.t1}`);
  await drawCharts(page);
  await check('compare');

  await ready(page, '/grids');
  await check('grids');
  await ready(page, '/grids/skills');
  await check('grid detail');

  await ready(page, '/about');
  await expect(page.locator('.about-grids li')).toHaveCount(4);
  await check('about');
  await page.getByRole('button', { name: l.deleteAll }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('delete confirmation dialog');
  await page.getByRole('dialog').getByRole('button', { name: l.cancel }).click();

  await ready(page, '/nowhere');
  await check('not found');
}
