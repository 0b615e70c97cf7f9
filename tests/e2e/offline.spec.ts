import { expect, openApp, test } from './fixtures';
import { createDiagnostic, startRespondent } from './helpers';

test('after one visit the app works offline: new diagnostic, answers, results and the PDF', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  // The service worker installs (precaching every file) and takes control of the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker(), 'the page comes from the service worker').toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // Every file loaded from here on must come from the service worker's cache.
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && !response.fromServiceWorker())
      fromNetwork.push(url);
  });

  const id = await createDiagnostic(page, { title: 'Hors ligne', grids: ['skills'] });
  await startRespondent(page, 'Salarié·e');
  const groups = page.locator('fieldset.likert');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByRole('radio').nth(3).check();
  await page.getByRole('link', { name: /Dimension suivante/ }).click();
  await expect(page.getByText('Dimension 2 sur 8')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Réponses enregistrées' })).toBeVisible();

  await page.goto(`./#/results/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hors ligne');
  await expect(page.getByTestId('overall-score')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = Buffer.concat(await (await pdf.createReadStream()).toArray());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The language switch loads English from the cache too.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(fromNetwork, 'files fetched from the network while offline').toEqual([]);
});
