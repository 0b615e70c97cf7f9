import { expect, openApp, test } from './fixtures';
import { tabTo } from './helpers';
import { pdfPages } from './pdf-text';

test('keyboard only, from the start page to the PDF report', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await openApp(page, '/');

  // Start page → new diagnostic.
  await tabTo(page, page.getByRole('link', { name: 'Commencer un nouveau diagnostic' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau diagnostic' })).toBeFocused();

  // The form: an empty title is refused with an inline message, then typed.
  const submit = page.getByRole('button', { name: 'Créer et commencer' });
  const grids = page.getByRole('group', { name: 'Grilles à utiliser' }).getByRole('checkbox');
  await expect(grids).toHaveCount(4);
  // Keep one grid: Space unticks the three others.
  for (const name of [/Risques et opportunités/, /Usages des outils/, /Compétences/]) {
    await tabTo(page, page.getByRole('checkbox', { name }));
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name })).not.toBeChecked();
  }
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const title = page.getByLabel('Titre du diagnostic');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();
  await page.keyboard.type('Clavier, du début au PDF');
  await tabTo(page, submit);
  await page.keyboard.press('Enter');

  // Who answers: arrows move within the role group, Enter submits.
  await expect(page.getByRole('heading', { name: 'Qui répond ?' })).toBeVisible();
  await tabTo(page, page.getByRole('radio', { name: 'Direction' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Encadrement' })).toBeChecked();
  await page.keyboard.press('Enter');
  // A manager is not asked about the representatives' resources: 7 dimensions, 34 questions.
  await expect(page.getByText('Dimension 1 sur 7')).toBeVisible();

  // Two questions answered with the arrows; the rest stays open (a partial diagnostic).
  const groups = page.locator('fieldset.likert');
  for (const i of [0, 1]) {
    await tabTo(page, groups.nth(i).getByRole('radio').first());
    await page.keyboard.press('ArrowRight');
    await expect(groups.nth(i).getByRole('radio').nth(1)).toBeChecked();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Réponses enregistrées' })).toBeVisible();

  // The side list reaches the review; the review reaches the results.
  await tabTo(page, page.getByRole('link', { name: 'Relecture et fin' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Relecture' })).toBeFocused();
  await expect(page.getByText('32 questions sans réponse')).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Voir les résultats' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Clavier, du début au PDF');

  // A free action added to the plan, typed in, then the PDF.
  await tabTo(page, page.getByRole('button', { name: 'Ajouter une action libre' }), 200);
  await page.keyboard.press('Enter');
  const action = page.getByLabel('Action', { exact: true }).last();
  await tabTo(page, action);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Charte de déconnexion à négocier');
  await expect(action).toHaveValue('Charte de déconnexion à négocier');

  const pdfButton = page.getByRole('button', { name: 'Télécharger le rapport PDF' });
  await page.keyboard.press('Shift+Tab');
  for (
    let i = 0;
    i < 200 && !(await pdfButton.evaluate((el) => el === document.activeElement));
    i += 1
  )
    await page.keyboard.press('Shift+Tab');
  await expect(pdfButton).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  const path = testInfo.outputPath('keyboard.pdf');
  await file.saveAs(path);
  const { pages } = await pdfPages(path);
  // Table cells wrap: compare with spaces normalised.
  const text = pages.join('\n').replace(/\s+/g, ' ');
  expect(pages.length).toBeGreaterThanOrEqual(5);
  expect(text).toContain('Clavier, du début au PDF');
  expect(text).toContain('Charte de déconnexion à négocier');
});
