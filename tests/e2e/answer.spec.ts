import { expect, test } from './fixtures';
import { createDiagnostic, startRespondent } from './helpers';

test('a grid can be completed with the keyboard only, and the review confirms it', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await createDiagnostic(page, { title: 'Clavier seul', grids: ['social-dialogue'] });
  // Role: Tab into the radio group, arrows to move, Space to choose, Enter to submit.
  await page.getByRole('radio', { name: 'Direction' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Salarié·e' })).toBeChecked();
  await page.keyboard.press('Enter');
  // An employee is not asked about the CSE consultation procedure, the representatives'
  // resources nor the negotiations' content: 6 dimensions, 20 questions.
  await expect(page.getByText('Dimension 1 sur 6')).toBeVisible();

  for (let dimension = 0; dimension < 6; dimension += 1) {
    const groups = page.locator('fieldset.likert');
    const count = await groups.count();
    for (let i = 0; i < count; i += 1) {
      // Tab until focus lands in the next unanswered group, then pick with arrows.
      for (let guard = 0; guard < 20; guard += 1) {
        await page.keyboard.press('Tab');
        const inOpenGroup = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          const fieldset = el?.closest('fieldset.likert');
          return (
            !!el && el.type === 'radio' && !!fieldset && !fieldset.querySelector('input:checked')
          );
        });
        if (inOpenGroup) break;
      }
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await expect(groups.nth(i).locator('input:checked')).toHaveCount(1);
    }
    // Then to the "next" link and Enter.
    const next = page.getByRole('link', { name: /Dimension suivante|Relire et terminer/ });
    for (let guard = 0; guard < 30; guard += 1) {
      if (await next.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    // Wait for the next page before counting its groups: on a slow machine the old page is
    // still there a moment after Enter (counting then answered 4 of 5 items of dimension 2).
    if (dimension < 5) {
      await expect(page.getByText(`Dimension ${dimension + 2} sur 6`)).toBeVisible();
      // Focus moved to the new dimension's heading, so tabbing starts at its first question.
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    }
  }
  await expect(page.getByRole('heading', { name: 'Relecture' })).toBeFocused();
  await expect(page.getByText('Toutes les questions ont une réponse')).toBeVisible();
  await expect(page.getByText('20 sur 20 questions')).toBeVisible();
});

test('answers and comments survive a reload, and the diagnostic reopens where it was left', async ({
  page,
}) => {
  const id = await createDiagnostic(page, { title: 'Reprise', grids: ['uses', 'skills'] });
  await startRespondent(page, 'Encadrement', 'Camille');
  const first = page.locator('fieldset.likert').nth(0);
  await first.getByRole('radio').nth(2).check();
  const second = page.locator('fieldset.likert').nth(1);
  await second.getByRole('radio', { name: /ne sais pas/ }).check();
  await page
    .getByLabel('Commentaire sur cette dimension (facultatif)')
    .fill('Le logiciel impose des « doubles saisies ».');
  await expect(page.getByRole('status').filter({ hasText: 'Réponses enregistrées' })).toBeVisible();
  // Move to the second dimension, answer there, then reload in the middle.
  await page.getByRole('link', { name: 'Dimension suivante' }).click();
  await expect(page.getByText('Dimension 2 sur 16')).toBeVisible();
  await page.locator('fieldset.likert').nth(0).getByRole('radio').first().check();
  await page.reload();
  await expect(page.getByText('Dimension 2 sur 16')).toBeVisible();
  await expect(page.locator('fieldset.likert').nth(0).getByRole('radio').first()).toBeChecked();
  await expect(page.getByText('Répondant : Encadrement (Camille)')).toBeVisible();

  // Reopening the diagnostic from home lands on the first open dimension, answers intact.
  await page.goto('./#/');
  await page.getByRole('link', { name: 'Reprendre « Reprise »' }).click();
  await expect(page).toHaveURL(new RegExp(`#/answer/${id}/uses\\.us-adequation$`));
  await page.getByRole('link', { name: /Adéquation au travail réel/ }).click();
  await expect(
    page
      .locator('fieldset.likert')
      .nth(1)
      .getByRole('radio', { name: /ne sais pas/ }),
  ).toBeChecked();
  await expect(page.getByLabel('Commentaire sur cette dimension (facultatif)')).toHaveValue(
    'Le logiciel impose des « doubles saisies ».',
  );
});

test('two participants on one device: the second starts blank, both are kept', async ({ page }) => {
  await createDiagnostic(page, { title: 'Atelier', grids: ['skills'], purpose: /Atelier/ });
  await startRespondent(page, 'Salarié·e');
  await page.locator('fieldset.likert').nth(0).getByRole('radio').nth(3).check();
  await page.getByRole('link', { name: 'Participant suivant' }).click();
  await expect(page.getByRole('heading', { name: 'Participant suivant' })).toBeVisible();
  await expect(page.getByText('1 participant a répondu sur cet appareil.')).toBeVisible();
  await page.getByRole('radio', { name: 'Direction', exact: true }).check();
  await page.getByRole('button', { name: 'Commencer à répondre' }).click();
  await expect(page.getByText('Répondant : Direction')).toBeVisible();
  await expect(page.locator('fieldset.likert input:checked')).toHaveCount(0);
  await page.goto('./#/');
  await expect(page.getByText('2 répondants')).toBeVisible();
});

test('when the device refuses storage, a banner says so and the export still works', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() {
        return {
          open() {
            throw new DOMException('blocked by test', 'SecurityError');
          },
        };
      },
    });
  });
  await page.goto('./#/');
  await expect(page.getByRole('alert')).toContainText(
    'Cet appareil refuse d’enregistrer les données',
  );
  await createDiagnostic(page, { title: 'Sans stockage', grids: ['skills'] });
  await startRespondent(page, 'Autre');
  await page.locator('fieldset.likert').nth(0).getByRole('radio').first().check();
  await expect(page.getByRole('alert')).toContainText(
    'Cet appareil refuse d’enregistrer les données',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le diagnostic' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sans-stockage-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await (await file.createReadStream()).toArray();
  const data = JSON.parse(Buffer.concat(text).toString('utf8'));
  expect(data.title).toBe('Sans stockage');
  expect(data.respondents).toHaveLength(1);
  expect(Object.values(data.respondents[0].answers.skills)).toHaveLength(1);
});

test('opening an answer address fetches that page’s files with the shell, all of them found', async ({
  page,
}) => {
  await createDiagnostic(page, { title: 'Préchargement', grids: ['uses'] });
  await startRespondent(page, 'Encadrement');
  const statuses = new Map<string, number>();
  page.on('response', (response) => statuses.set(response.url(), response.status()));
  await page.reload();
  await expect(page.locator('fieldset.likert').first()).toBeVisible();
  const preloaded = await page
    .locator('link[rel="modulepreload"][fetchpriority="low"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  // The page, what it shares with the other diagnostic pages, and its French texts.
  expect(preloaded.some((href) => /\/answer-page-[\w-]+\.js$/.test(href))).toBe(true);
  expect(preloaded.some((href) => /\/diagnostic-[\w-]+\.js$/.test(href))).toBe(true);
  expect(preloaded.some((href) => /\/labels-[\w-]+\.js$/.test(href))).toBe(true);
  // Found: sent (200) or, on this reload, confirmed unchanged (304).
  for (const href of preloaded) expect([200, 304], href).toContain(statuses.get(href));
});
