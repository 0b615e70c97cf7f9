import type { Download, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { createDiagnostic } from './helpers';

async function json(download: Download): Promise<Record<string, unknown>> {
  const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
  return JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
}

async function backUp(page: Page): Promise<{ name: string; data: Record<string, unknown> }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sauvegarder tout' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), data: await json(file) };
}

async function restore(page: Page, name: string, content: unknown): Promise<void> {
  await page.getByTestId('restore-input').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
  });
}

async function savedTitles(page: Page): Promise<string[]> {
  await page.goto('./#/');
  await expect(
    page.getByRole('heading', { name: 'Diagnostics enregistrés sur cet appareil' }),
  ).toBeVisible();
  await page.waitForTimeout(200);
  return (await page.locator('.saved-item__title').allTextContents()).sort();
}

test('everything is backed up in one file and restored, keeping both sides or replacing after confirming', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await createDiagnostic(page, { title: 'Sauvegarde A', grids: ['skills'] });
  await openApp(page, '/about');
  await expect(
    page.getByText('Sur cet appareil : 1 diagnostic · 0 grille personnalisée.'),
  ).toBeVisible();

  const { name, data } = await backUp(page);
  expect(name).toMatch(/^qvt-numerique-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
  expect(data).toMatchObject({ format: 'qvt-numerique/backup', formatVersion: 1, grids: [] });
  const diagnostics = data.diagnostics as { id: string; title: string; updatedAt: string }[];
  expect(diagnostics.map((d) => d.title)).toEqual(['Sauvegarde A']);
  await expect(page.getByRole('status').filter({ hasText: 'téléchargée' })).toBeVisible();

  // The same diagnostic changed on another device: same id, different content.
  const other = {
    ...data,
    diagnostics: [{ ...diagnostics[0], title: 'Sauvegarde A (autre appareil)' }],
  };

  // 1. Keep both (the default): the file's version comes back as a copy.
  await restore(page, 'autre.json', other);
  const preview = page.getByRole('region', { name: 'Restaurer « autre.json »' });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Déjà présents avec un contenu différent');
  await expect(preview).toContainText('« Sauvegarde A (autre appareil) » (fichier');
  await expect(preview.getByRole('radio', { name: /Garder les deux/ })).toBeChecked();
  await preview.getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restauration terminée' })).toContainText(
    '1 écrits, dont 1 copies et 0 remplacés',
  );
  expect(await savedTitles(page)).toEqual([
    'Sauvegarde A',
    'Sauvegarde A (autre appareil) (restauré)',
  ]);

  // 2. Replace: asks first, downloads a backup of the device, then replaces.
  await page.goto('./#/about');
  await restore(page, 'autre.json', other);
  await preview.getByRole('radio', { name: /Remplacer ceux de l’appareil/ }).check();
  await preview.getByRole('button', { name: 'Restaurer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remplacer des données de cet appareil ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 diagnostic et 0 grille personnalisée');
  const safety = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Sauvegarder puis remplacer' }).click();
  const safetyFile = await safety;
  expect(safetyFile.suggestedFilename()).toMatch(/^qvt-numerique-avant-restauration-/);
  const before = (await json(safetyFile)).diagnostics as { title: string }[];
  expect(before.map((d) => d.title).sort()).toEqual([
    'Sauvegarde A',
    'Sauvegarde A (autre appareil) (restauré)',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Restauration terminée' })).toContainText(
    '0 copies et 1 remplacés',
  );
  expect(await savedTitles(page)).toEqual([
    'Sauvegarde A (autre appareil)',
    'Sauvegarde A (autre appareil) (restauré)',
  ]);
});

test('a file that is not a backup is explained and changes nothing', async ({ page }) => {
  await createDiagnostic(page, { title: 'Intact', grids: ['uses'] });
  await openApp(page, '/about');
  await restore(page, 'diag.json', { format: 'qvt-numerique/diagnostic', id: 'x' });
  await expect(page.getByRole('alert')).toContainText(
    'Le fichier « diag.json » est un fichier de diagnostic, pas une sauvegarde. Pour un seul diagnostic, utilisez « Importer un diagnostic » sur l’accueil.',
  );
  await expect(page.getByRole('alert')).toContainText('Rien n’a été modifié sur cet appareil.');
  await restore(
    page,
    'proto.json',
    '{"format":"qvt-numerique/backup","formatVersion":1,"createdAt":"x","diagnostics":[],"grids":[],"__proto__":{"admin":true}}',
  );
  await expect(page.getByRole('alert')).toContainText('clé interdite');
  await restore(page, 'texte.json', 'pas du JSON');
  await expect(page.getByRole('alert')).toContainText('n’est pas un fichier JSON valide');
  expect(await savedTitles(page)).toEqual(['Intact']);
});

test('« Supprimer toutes mes données » asks, then erases diagnostics, custom grids and the language', async ({
  page,
}) => {
  await createDiagnostic(page, { title: 'À effacer', grids: ['skills'] });
  await openApp(page, '/about');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Passer en français' }).click();
  expect(await page.evaluate(() => localStorage.getItem('qvt:language'))).toBe('fr');

  await page.getByRole('button', { name: 'Supprimer toutes mes données' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Supprimer toutes les données de cet appareil ?',
  });
  await expect(dialog).toContainText('1 diagnostic et 0 grille personnalisée seront effacés');
  // Cancel first: nothing happens.
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Sur cet appareil : 1 diagnostic')).toBeVisible();

  await page.getByRole('button', { name: 'Supprimer toutes mes données' }).click();
  await dialog.getByRole('button', { name: 'Tout supprimer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ont été supprimées' })).toBeVisible();
  await expect(
    page.getByText('Sur cet appareil : 0 diagnostic · 0 grille personnalisée.'),
  ).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('qvt:language'))).toBeNull();
  expect(await savedTitles(page)).toEqual([]);
  await expect(page.getByText('Aucun diagnostic enregistré pour l’instant.')).toBeVisible();
});
