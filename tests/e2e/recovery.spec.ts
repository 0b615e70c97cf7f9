import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { createDiagnostic, startRespondent } from './helpers';

// A service worker serves the precached chunk without a request the test could block.
test.use({ serviceWorkers: 'block' });

test('a page whose code cannot load keeps the shell, exports every diagnostic, and reloads', async ({
  page,
  guard,
}, testInfo) => {
  const id = await createDiagnostic(page, { title: 'Panne de chargement', grids: ['uses'] });
  await startRespondent(page, 'Salarié·e');
  await page.locator('fieldset.likert').first().getByRole('radio').first().check();
  await expect(page.getByRole('status').filter({ hasText: 'Réponses enregistrées' })).toBeVisible();

  // The results page's code fails to download (lost connection, or an update removed it).
  guard.expectedErrors.push(/Failed to load resource|dynamically imported module/);
  await page.route(/\/results-page-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto(`./#/results/${id}`);
  const alert = page.getByRole('alert');
  await expect(
    alert.getByRole('heading', { name: 'Cette page a rencontré un problème' }),
  ).toBeVisible();
  await expect(alert).toContainText('Une partie de l’application n’a pas pu être chargée');
  // The shell stays: header, navigation and the privacy footer.
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('rien n’est envoyé sur Internet');

  // Export keeps the data safe: the file holds the diagnostic and its answer.
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Exporter tous les diagnostics' }).click();
  const file = testInfo.outputPath('rescued.json');
  await (await download).saveAs(file);
  const rescued = JSON.parse(await readFile(file, 'utf8')) as {
    id: string;
    title: string;
    respondents: { answers: Record<string, Record<string, unknown>> }[];
  };
  expect(rescued.id).toBe(id);
  expect(rescued.title).toBe('Panne de chargement');
  expect(Object.keys(rescued.respondents[0]?.answers.uses ?? {})).toHaveLength(1);
  await expect(alert.getByRole('status')).toHaveText('1 diagnostic exporté.');

  // Once the code is reachable again, "reload" brings the page back, data intact.
  await page.unroute(/\/results-page-[\w-]+\.js$/);
  await alert.getByRole('button', { name: 'Recharger la page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Panne de chargement');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
