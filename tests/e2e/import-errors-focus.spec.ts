import { expect, test } from './fixtures';
import { createDiagnostic, tabTo } from './helpers';

const TEXTS = {
  fr: {
    choose: 'Choisir des fichiers…',
    refused: 'Fichiers refusés',
    remove: 'Retirer les fichiers refusés du lot',
    preview: 'Aperçu de l’import',
  },
  en: {
    choose: 'Choose files…',
    refused: 'Refused files',
    remove: 'Remove the refused files from the batch',
    preview: 'Import preview',
  },
};

for (const lang of ['fr', 'en'] as const) {
  test(`workshop import, keyboard only: a refused file moves the focus to the list of errors (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const texts = TEXTS[lang];
    const id = await createDiagnostic(page, { title: 'Import au clavier', grids: ['uses'] });
    if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./#/workshop/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

    // Tab to the file button and press Enter, as a keyboard user does; the picker gets a broken file.
    const choose = page.getByRole('button', { name: texts.choose });
    await tabTo(page, choose, 120);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (
      await chooser
    ).setFiles([
      { name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') },
    ]);

    // The errors are announced (an alert named by its heading) and take the focus, in view.
    const errors = page.getByRole('alert', { name: texts.refused });
    await expect(errors).toBeFocused();
    await expect(errors).toContainText('casse.json');
    await expect(errors).toBeInViewport();

    // The next Tab reaches what to do about them; Enter removes the refused file.
    await page.keyboard.press('Tab');
    const remove = page.getByRole('button', { name: texts.remove });
    await expect(remove).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: texts.preview })).toHaveCount(0);
    await expect(errors).toHaveCount(0);
  });
}
