import { crc32 } from 'node:zlib';
import { axeWithAllRules } from './axe';
import QRCode from 'qrcode';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createDiagnostic, seedAnswers, startRespondent } from './helpers';

/** A QR payload part as another device would write it (CRC-32 of the content as its id). */
function part(content: string, index = 1, total = 1, whole = content): string {
  const id = crc32(whole).toString(16).padStart(8, '0');
  return `QVTQR1/${id}/${index}/${total}/${content}`;
}

async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}

async function readPhoto(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('qr-photo-input').setInputFiles([{ name, mimeType: 'image/png', buffer }]);
}

test('a respondent hands over by QR code; the facilitator reads the photo, previews, confirms', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The respondent's device: answer two questions, then open the QR code at the review step.
  const source = await createDiagnostic(page, {
    title: 'Sur mon téléphone',
    grids: ['social-dialogue'],
  });
  await startRespondent(page, 'Salarié·e', 'Camille');
  await page.locator('fieldset.likert').nth(0).getByRole('radio').nth(2).check();
  await page
    .locator('fieldset.likert')
    .nth(1)
    .getByRole('radio', { name: /ne sais pas/ })
    .check();
  await page.goto(`./#/answer/${source}/review`);
  await page.getByRole('button', { name: 'Transmettre par QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transmettre vos réponses par QR code' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('sans votre pseudonyme');
  await expect(dialog).toContainText('Rien n’est envoyé sur un réseau');
  await expect(dialog).toContainText('2 réponses transmises.');
  await expect(dialog).toContainText('Code 1 sur 1');
  await expect(dialog.getByRole('img', { name: 'QR code 1 sur 1 de vos réponses' })).toBeVisible();
  const { violations } = await axeWithAllRules(page).include('dialog').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  const src = await dialog.getByTestId('qr-code-image').getAttribute('src');
  expect(src).toMatch(/^data:image\/png;base64,/);
  const png = Buffer.from((src ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Transmettre par QR code' })).toBeFocused();

  // The facilitator's device: a diagnostic with two employees already, same grid.
  const target = await createDiagnostic(page, { title: 'Atelier QR', grids: ['social-dialogue'] });
  await seedAnswers(page, target, [{ role: 'employee' }, { role: 'employee' }], '(i) => i % 4');
  await page.goto(`./#/workshop/${target}`);
  await expect(page.getByTestId('participation-total')).toHaveText('2 répondants au total.');
  await expect(page.getByRole('heading', { name: 'Lire un QR code' })).toBeVisible();
  await readPhoto(page, 'photo-du-code.png', png);
  await expect(page.getByTestId('qr-status')).toContainText('Réponses lues et ajoutées au lot');
  const preview = page.getByRole('region', { name: 'Aperçu de l’import' });
  await expect(preview.getByTestId('preview-to-add')).toHaveText('1 répondant à ajouter.');
  // With the two already there, the employees reach the threshold: the role is shown.
  await expect(preview.getByRole('row', { name: 'Salarié·e 1' })).toBeVisible();
  // The other diagnostic is on this device: named by its title, never by its raw id.
  await expect(preview).toContainText('vient d’un autre diagnostic (« Sur mon téléphone »)');
  await expect(preview).not.toContainText(source);
  // Reading the same code again is said, and adds nothing.
  await readPhoto(page, 'encore.png', png);
  await expect(page.getByTestId('qr-status')).toHaveText('Ces réponses ont déjà été lues.');
  await expect(preview.getByTestId('preview-to-add')).toHaveText('1 répondant à ajouter.');
  await preview.getByRole('button', { name: 'Confirmer l’import (1 répondant)' }).click();
  await expect(page.getByTestId('participation-total')).toHaveText('3 répondants au total.');
  await expect(page.getByText('1 répondant ajouté au diagnostic.')).toBeVisible();
  // The batch is confirmed: « added to the batch » is no longer said.
  await expect(page.getByTestId('qr-status')).toBeEmpty();
});

test('an image without a code, a code of another grid version, a partial set: clear messages, nothing changed', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const target = await createDiagnostic(page, {
    title: 'Atelier strict',
    grids: ['social-dialogue'],
  });
  await page.goto(`./#/workshop/${target}`);
  await expect(page.getByText('Personne n’a encore répondu.').first()).toBeVisible();
  const error = page.getByTestId('qr-error');

  // A photo with no QR code in it.
  const noCode = await page.getByRole('heading', { level: 1 }).screenshot();
  await readPhoto(page, 'vide.png', noCode);
  await expect(error).toContainText('Le code n’a pas été lu ; rien n’a été modifié.');
  await expect(error).toContainText('Aucun QR code n’a été trouvé sur l’image « vide.png »');

  // A code written against another version of the grid (another content hash).
  const content = `d other\nr someone\no employee\ng social-dialogue 000000000000 ${'1'.repeat(39)}`;
  await readPhoto(page, 'autre-version.png', await qrPng(part(content)));
  await expect(error).toContainText(
    'Le QR code porte sur une autre version de la grille « social-dialogue » que ce diagnostic',
  );

  // A code of another app.
  await readPhoto(page, 'lien.png', await qrPng('https://example.org/'));
  await expect(error).toContainText('n’est pas un code de réponses de cette application');

  // The first of two codes: progress is shown, nothing is added yet.
  await readPhoto(page, 'code-1.png', await qrPng(part(content.slice(0, 30), 1, 2, content)));
  await expect(page.getByTestId('qr-status')).toHaveText(
    '1 code sur 2 lu : montrez le code suivant.',
  );
  await expect(error).toBeEmpty();

  await expect(page.getByRole('region', { name: 'Aperçu de l’import' })).toHaveCount(0);
  await expect(page.getByText('Personne n’a encore répondu.').first()).toBeVisible();
});
