import { expect, openApp, test } from './fixtures';
import { createDiagnostic } from './helpers';

test('a first visit loads no storage code; the list exports, deletes, imports and duplicates', async ({
  page,
}, testInfo) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) scripts.push(new URL(request.url()).pathname);
  });
  await openApp(page, '/');
  await expect(page.getByText('Aucun diagnostic enregistré pour l’instant.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer un diagnostic' })).toBeVisible();
  // Nothing saved yet: the list's chunk (storage and validation, zod) is not downloaded.
  expect(scripts.filter((path) => /\/(saved-section|diagnostics-store)-/.test(path))).toEqual([]);

  await createDiagnostic(page, { title: 'Aller-retour', grids: ['uses'] });
  await page.goto('./#/');
  await expect(page.getByRole('link', { name: 'Reprendre « Aller-retour »' })).toBeVisible();

  // Export, then delete after confirming: the list is empty again.
  await page
    .getByRole('button', { name: 'Sauvegarde privée de « Aller-retour » dans un fichier' })
    .click();
  const warning = page.getByRole('dialog', { name: 'Cette sauvegarde identifie des personnes' });
  await expect(warning).toContainText('le rôle, le pseudonyme et les commentaires');
  const download = page.waitForEvent('download');
  await warning.getByRole('button', { name: 'Télécharger la sauvegarde privée' }).click();
  const file = testInfo.outputPath('aller-retour.json');
  await (await download).saveAs(file);
  await page.getByRole('button', { name: 'Supprimer « Aller-retour »' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer ce diagnostic ?' });
  await dialog.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'a été supprimé' })).toBeVisible();
  await expect(page.getByText('Aucun diagnostic enregistré pour l’instant.')).toBeVisible();

  // On an empty device, importing fills the list and the import button keeps the focus.
  await page.reload();
  await expect(page.getByText('Aucun diagnostic enregistré pour l’instant.')).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Importer un diagnostic' });
  const chooser = page.waitForEvent('filechooser');
  await importButton.click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('status')).toHaveText('« Aller-retour » a été importé.');
  await expect(page.getByRole('link', { name: 'Reprendre « Aller-retour »' })).toBeVisible();
  await expect(importButton).toBeFocused();

  // The same file again never replaces it: it comes in as a copy.
  await page.getByTestId('import-diagnostic-input').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('importé comme copie');
  // The copy says so in its title: the two can be told apart in the list.
  await expect(page.getByRole('link', { name: 'Reprendre « Aller-retour »' })).toHaveCount(1);
  await expect(
    page.getByRole('link', { name: 'Reprendre « Aller-retour (copie importée) »' }),
  ).toHaveCount(1);

  await page.getByRole('button', { name: 'Dupliquer « Aller-retour »' }).first().click();
  await expect(page.getByRole('status')).toHaveText('« Aller-retour (copie) » a été créé.');
  await expect(
    page.getByRole('link', { name: 'Reprendre « Aller-retour (copie) »' }),
  ).toBeVisible();
});
