import { expect, test } from './fixtures';
import { createDiagnostic, storedRespondents } from './helpers';

/**
 * A paper copy typed in part survives a reload: the answers typed, the
 * question reached and the summary come back from the draft (`src/storage/paper-drafts.ts`),
 * and the copy, once saved, is one respondent, with no draft left behind.
 */

const CODE = '7K2Q-9XM6';

test('a paper copy in progress is kept across reloads and saved once', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await createDiagnostic(page, { title: 'Brouillon', grids: ['social-dialogue'] });
  await page.goto(`./#/workshop/${id}/paper`);
  await page.getByLabel('Code de l’exemplaire').fill('7K2Q9XM6');
  await page.getByRole('radio', { name: 'Salarié·e' }).check();
  await page.getByRole('button', { name: 'Commencer la saisie' }).click();
  await expect(page.getByTestId('entry-key')).toBeFocused();

  // Four answers: 1, 2, « don't know », blank; then the page is reloaded.
  for (const [i, key] of ['1', '2', '0', ' '].entries()) {
    await expect(page.getByText(`affirmation ${i + 1} sur 20`)).toBeVisible();
    await page.keyboard.press(key);
  }
  await expect(page.getByText('affirmation 5 sur 20')).toBeVisible();
  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: `Exemplaire ${CODE}` })).toBeVisible();
  await expect(page.getByText('affirmation 5 sur 20')).toBeVisible();
  await expect(page.getByTestId('entry-resumed')).toHaveText(
    `La saisie de l’exemplaire ${CODE} a été reprise là où elle s’était arrêtée.`,
  );
  await expect(page.getByTestId('entry-key')).toBeFocused();
  // Going back shows what was typed before the reload: the fourth box was left blank.
  await page.keyboard.press('Backspace');
  await expect(page.getByText('affirmation 4 sur 20')).toBeVisible();
  await expect(page.getByRole('button', { name: /Sans réponse/i, pressed: true })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('entry-resumed')).toHaveCount(0);

  // The summary after a reload: the same counts.
  await page.getByRole('button', { name: 'Aller au récapitulatif' }).click();
  const counts = page.getByTestId('entry-summary-counts');
  await expect(counts).toContainText('2 réponses, 1 « je ne sais pas »');
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: `Récapitulatif de l’exemplaire ${CODE}` }),
  ).toBeVisible();
  await expect(counts).toContainText('2 réponses, 1 « je ne sais pas »');

  await page
    .getByRole('button', { name: 'Enregistrer cet exemplaire dans l’atelier' })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Exemplaire ${CODE} enregistré` }),
  ).toBeVisible();
  // Saved by the autosave, within a moment.
  await expect
    .poll(async () => (await storedRespondents(page, id)).map((r) => `${r.id} ${r.role}`))
    .toEqual([`paper-${CODE} employee`]);
  const saved = await storedRespondents(page, id);
  const answers = Object.values(saved[0]?.answers ?? {}).flatMap((grid) => Object.values(grid));
  expect(answers.filter((v) => typeof v === 'number')).toHaveLength(2);
  expect(answers.filter((v) => v === 'dk')).toHaveLength(1);

  // No draft left: a reload shows the start form, and the copy is still one respondent.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Commencer la saisie' })).toBeVisible();
  await expect(page.getByTestId('entry-resumed')).toHaveCount(0);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('paper-draft'))),
  ).toEqual([]);
  expect((await storedRespondents(page, id)).map((r) => r.id)).toEqual([`paper-${CODE}`]);
});
