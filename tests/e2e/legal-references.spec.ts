import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GRID_TITLES_FR, seedAnswers } from './helpers';
import { pdfPages } from './pdf-text';

/**
 * Legal references by context: two contexts side by side. The references shown come from
 * the dated catalogue, only those applying to the context (here the size; CSE and union
 * delegates are left at « je ne sais pas », so references needing them say so; routing.spec.ts
 * answers them).
 */

type Context = { title: string; kind: RegExp; phase: RegExp; size: RegExp };

async function createWithContext(page: Page, context: Context): Promise<string> {
  await page.goto('./#/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau diagnostic' })).toBeVisible();
  await page.getByRole('radio', { name: /négociation/i }).check();
  await page.getByLabel('Titre du diagnostic').fill(context.title);
  await page.getByLabel('Nom du projet numérique').fill('Planéo');
  const option = async (label: string, name: RegExp) => {
    const select = page.getByLabel(label);
    const value = await select
      .locator('option')
      .filter({ hasText: name })
      .first()
      .getAttribute('value');
    await select.selectOption(value ?? '');
  };
  // The start form's context (CSE and union delegates left at « je ne sais pas »).
  await page
    .getByRole('group', { name: /De quel type de projet/ })
    .getByRole('checkbox', { name: context.kind })
    .check();
  await option('Où en est le projet ?', context.phase);
  await option('Combien de salariés compte l’entreprise ?', context.size);
  const grids = page.getByRole('group', { name: 'Grilles à utiliser' });
  for (const [id, title] of Object.entries(GRID_TITLES_FR)) {
    const box = grids.getByRole('checkbox', { name: new RegExp(title) });
    if (id === 'social-dialogue' || id === 'uses') await box.check();
    else await box.uncheck();
  }
  await page.getByRole('button', { name: 'Créer et commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Qui répond ?' })).toBeVisible();
  const match = /#\/answer\/([^/]+)/.exec(page.url());
  if (!match?.[1]) throw new Error('no diagnostic id in ' + page.url());
  const id = decodeURIComponent(match[1]);
  // Low answers on every item: the consultation, data and negotiation recommendations fire.
  await seedAnswers(page, id, [{ role: 'representative' }], '(i, r, n) => 0');
  return id;
}

async function pdfText(page: Page, name: string, outputPath: (n: string) => string) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  const path = outputPath(name);
  await (await download).saveAs(path);
  return (await pdfPages(path)).pages.join('\n').replace(/\s+/g, ' ');
}

/** The PDF's references section: from its title to the next level-1 section. */
function referencesSection(text: string): string {
  const start = text.indexOf('Références juridiques Les textes sur lesquels reposent');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('Plan d’action', start);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

test('a 20-employee home-care telemanagement project gets the small-company levers, not the CSE consultation', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const id = await createWithContext(page, {
    title: 'Télégestion SAAD, avant déploiement',
    kind: /télégestion/,
    phase: /Idée/,
    size: /11 à 49/,
  });
  await page.goto(`./#/results/${id}`);
  const legal = page.locator('#legal');
  await expect(
    legal.getByRole('heading', { level: 2, name: 'Références juridiques' }),
  ).toBeVisible();
  await page.getByLabel('Afficher les recommandations pour').selectOption('all');
  const cited = legal.locator('[data-legal-ref-id]');
  await expect(legal.locator('[data-legal-ref-id="ct-l2312-5"]')).toBeVisible();
  for (const kept of ['ct-l1222-4', 'ct-l1121-1', 'rgpd-art-13', 'ct-l2281-1']) {
    await expect(legal.locator(`[data-legal-ref-id="${kept}"]`)).toHaveCount(1);
  }
  for (const gone of ['ct-l2312-8', 'ct-l2315-94', 'ct-l2315-80', 'ct-l2312-38', 'ct-r2312-6']) {
    await expect(legal.locator(`[data-legal-ref-id="${gone}"]`)).toHaveCount(0);
  }
  await expect(cited.first()).toContainText(
    'État du droit vérifié au 7 décembre 2026 ; ce n’est pas un conseil juridique.',
  );
  // The small-company recommendation names its levers, under the card.
  const small = page.locator('[data-recommendation-id="sd-rec-petite-entreprise"]');
  await small.locator('summary').click();
  await expect(small.getByTestId('rec-legal')).toContainText('Code du travail, art. L1222-4');
  await expect(small.getByTestId('rec-legal')).not.toContainText('L2312-8');

  const text = await pdfText(page, 'small.pdf', (n) => testInfo.outputPath(n));
  const section = referencesSection(text);
  expect(section).toContain('Code du travail, art. L2312-5');
  expect(section).toContain('Code du travail, art. L1222-4');
  expect(section).toContain(
    'État du droit vérifié au 7 décembre 2026 ; ce n’est pas un conseil juridique.',
  );
  expect(section).not.toContain('L2312-8');
  expect(section).not.toContain('L2315-94');
  // The method annex says which references apply and which were left out, and why.
  const annex = text.slice(text.indexOf('Annexe : méthode'));
  expect(annex).toContain(
    'Code du travail, art. L2312-5 — État du droit vérifié au 7 décembre 2026',
  );
  expect(annex).toMatch(/Code du travail, art\. L2312-8 \(taille de l’entreprise\)/);
  expect(annex).toMatch(/Code du travail, art\. L2315-94, 2° \(taille de l’entreprise\)/);
});

test('a 300-employee robotics project gets L2312-8, L2315-94 and L2242-17, with what they depend on', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const id = await createWithContext(page, {
    title: 'Cellule robotisée, choix de l’outil',
    kind: /Robotique/,
    phase: /Choix/,
    size: /250 à 999/,
  });
  await page.goto(`./#/results/${id}`);
  await page.getByLabel('Afficher les recommandations pour').selectOption('all');
  const legal = page.locator('#legal');
  const l2312 = legal.locator('[data-legal-ref-id="ct-l2312-8"]');
  await expect(l2312).toContainText('Code du travail, art. L2312-8');
  // The start form does not ask about the CSE yet: the reference says what it depends on.
  await expect(l2312.getByTestId('legal-depends')).toHaveText('S’applique si : un CSE existe');
  await expect(legal.locator('[data-legal-ref-id="ct-l2315-94"]')).toContainText('L2315-94, 2°');
  await expect(
    legal.locator('[data-legal-ref-id="ct-l2242-17"]').getByTestId('legal-depends'),
  ).toHaveText('S’applique si : des délégués syndicaux sont désignés');
  await expect(legal.locator('[data-legal-ref-id="ct-l2312-5"]')).toHaveCount(0);

  const text = await pdfText(page, 'large.pdf', (n) => testInfo.outputPath(n));
  const section = referencesSection(text);
  expect(section).toContain('Code du travail, art. L2312-8');
  expect(section).toContain('Code du travail, art. L2315-94, 2°');
  expect(section).toContain('Code du travail, art. L2315-80');
  expect(section).toContain('Code du travail, art. L2242-17');
  expect(section).toContain('S’applique si : un CSE existe');
  expect(section).toContain(
    'État du droit vérifié au 7 décembre 2026 ; ce n’est pas un conseil juridique.',
  );
  expect(section).not.toMatch(/art\. L2312-5\b/);
  expect(text).not.toMatch(/irrecevable/);
});
