import { writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import {
  createDiagnostic,
  seedAnswers,
  startRespondent,
  storedRespondents,
  tabTo,
} from './helpers';
import {
  CAMERA_HEIGHT,
  CAMERA_WIDTH,
  frameWithCode,
  type GrayImage,
  plainFrame,
  y4mVideo,
} from './y4m';

/**
 * The QR hand-over with a camera (docs/qr-payload.md), end to end: the codes the participant's page
 * draws, filmed by the facilitator's camera, read by the workshop page. Chromium plays a video file
 * as its camera (`y4m.ts`); the flags are read when the browser starts, so each camera needs a
 * browser of its own, launched by the test. `qr.spec.ts` covers reading from a photo.
 */
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const cameraVideo = (file: string) => `--use-file-for-fake-video-capture=${file}`;
const test = base.extend<{
  /** Opens a page in a browser of its own, launched with these camera flags. */
  launchWithCamera: (flags: string[]) => Promise<Page>;
}>({
  launchWithCamera: [
    async ({ playwright, launchOptions, baseURL, locale, viewport, guard }, use) => {
      const browsers: Browser[] = [];
      await use(async (flags) => {
        const browser = await playwright.chromium.launch({
          ...launchOptions,
          args: [...(launchOptions.args ?? []), ...flags],
        });
        browsers.push(browser);
        const context = await browser.newContext({ baseURL, locale, viewport });
        const page = await context.newPage();
        guard.watch(page);
        return page;
      });
      for (const browser of browsers) await browser.close();
    },
    { scope: 'test' },
  ],
});

/** Frames a second of the videos, and how long each code stays in front of the camera. */
const FPS = 5;
const SECONDS_PER_CODE = 2;

/** A comment long enough (304 characters once percent-encoded) to need a second code. */
const LONG_COMMENT = Array(1)
  .fill(
    'Les élus découvrent les évolutions de l’outil après coup : les réunions d’information ' +
      'arrivent trop tard, sans document préalable, et les questions posées restent sans ' +
      'réponse écrite.',
  )
  .join(' ');

/**
 * The QR code as the participant's screen shows it (1280 × 720, one device pixel a CSS pixel):
 * a screenshot of the dialog's image, its white margin included, made grey by the browser (the
 * page decodes the PNG; no library). The camera films it pixel for pixel (`frameWithCode`).
 */
async function shownCode(page: Page, image: Locator): Promise<GrayImage> {
  const png = (await image.screenshot()).toString('base64');
  const { width, height, luma } = await page.evaluate(async (png) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let grey = '';
    for (let i = 0; i < data.length; i += 4)
      grey += String.fromCharCode(
        Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!),
      );
    return { width: canvas.width, height: canvas.height, luma: btoa(grey) };
  }, png);
  return { width, height, luma: new Uint8Array(Buffer.from(luma, 'base64')) };
}

/** A looping video: each code in turn, held in front of the camera for a couple of seconds. */
function codesVideo(codes: GrayImage[]): Buffer {
  return y4mVideo(
    codes.flatMap((code) => Array<GrayImage>(FPS * SECONDS_PER_CODE).fill(frameWithCode(code))),
    FPS,
  );
}

/**
 * Keeps every text the reader's status line shows, however briefly: a message that lasts a
 * quarter of a second is missed by polling.
 */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.getByTestId('qr-status').evaluate((status) => {
    const log: string[] = [];
    new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (text !== log.at(-1)) log.push(text);
    }).observe(status, { childList: true, subtree: true, characterData: true });
    (window as unknown as { statusLog: string[] }).statusLog = log;
  });
  return () => page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
}

/** A screenshot of the camera's picture, kept with the test's results, to look at. */
async function shot(page: Page, file: string): Promise<void> {
  await page.getByLabel('Image de la caméra').screenshot({ path: file });
}

test('the facilitator reads a participant’s codes with the camera: previewed, confirmed, every answer kept', async ({
  page,
  launchWithCamera,
}, testInfo) => {
  test.setTimeout(150_000);
  // The participant's device: a few answers and a long comment, then the codes of the review step.
  const source = await createDiagnostic(page, {
    title: 'Sur mon téléphone',
    grids: ['social-dialogue'],
  });
  await startRespondent(page, 'Salarié·e', 'Camille');
  const questions = page.locator('fieldset.likert');
  await questions.nth(0).getByRole('radio').nth(2).check();
  await questions
    .nth(1)
    .getByRole('radio', { name: /ne sais pas/ })
    .check();
  await questions.nth(2).getByRole('radio').nth(4).check();
  await page.getByLabel('Commentaire sur cette dimension (facultatif)').fill(LONG_COMMENT);
  await page.goto(`./#/answer/${source}/review`);
  await page.getByRole('button', { name: 'Transmettre par QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transmettre vos réponses par QR code' });
  await expect(dialog).toContainText('3 réponses transmises.');
  await expect(dialog).toContainText('Code 1 sur 2');
  const image = dialog.getByTestId('qr-code-image');
  const codes = [await shownCode(page, image)];
  await dialog.getByRole('button', { name: 'Code suivant' }).click();
  await expect(dialog).toContainText('Code 2 sur 2');
  codes.push(await shownCode(page, image));
  const [sent] = await storedRespondents(page, source);
  expect(sent?.comments['social-dialogue']).toBeDefined();

  // The facilitator's device: another browser, whose camera films the participant's screen.
  const video = testInfo.outputPath('codes.y4m');
  writeFileSync(video, codesVideo(codes));
  const facilitator = await launchWithCamera([...FAKE_CAMERA, cameraVideo(video)]);
  const target = await createDiagnostic(facilitator, {
    title: 'Atelier caméra',
    grids: ['social-dialogue'],
  });
  await seedAnswers(facilitator, target, [{ role: 'employee' }, { role: 'employee' }], '() => 0');
  await facilitator.goto(`./#/workshop/${target}`);
  await expect(facilitator.getByTestId('participation-total')).toHaveText('2 répondants au total.');

  // Keyboard only: the camera starts, and the same button, still focused, now stops it.
  const statusLog = await recordStatus(facilitator);
  await tabTo(facilitator, facilitator.getByRole('button', { name: 'Lire avec la caméra' }), 200);
  await facilitator.keyboard.press('Enter');
  const stop = facilitator.getByRole('button', { name: 'Arrêter la caméra' });
  await expect(stop).toBeFocused();
  const status = facilitator.getByTestId('qr-status');
  // The status texts as the locale files write them (no-break space before « : »).
  const done =
    'Réponses lues et ajoutées au lot\u00a0: vérifiez l’aperçu ci-dessous, puis confirmez.';
  await expect(status).toHaveText(done);
  await shot(facilitator, testInfo.outputPath('camera.png'));
  // Both codes go round once more in front of the camera, read four times a second: the
  // message stays (it used to turn into "already read" at the next frame).
  await facilitator.waitForTimeout(SECONDS_PER_CODE * codes.length * 1000 + 500);
  await expect(status).toHaveText(done);
  expect(await statusLog()).toEqual([
    'Ouverture de la caméra…',
    'Présentez le QR code devant la caméra.',
    '1 code sur 2 lu\u00a0: montrez le code suivant.',
    done,
  ]);
  await expect(facilitator.getByTestId('qr-error')).toBeEmpty();

  // The same preview as for a photo or a file.
  const preview = facilitator.getByRole('region', { name: 'Aperçu de l’import' });
  await expect(preview.getByTestId('preview-to-add')).toHaveText('1 répondant à ajouter.');
  await expect(preview.getByRole('row', { name: 'Salarié·e 1' })).toBeVisible();
  // The participant's diagnostic is not on the facilitator's device: said so, without its id.
  await expect(preview).toContainText('vient d’un autre diagnostic, absent de cet appareil');

  // Stopped, then started again: the same codes are now said to be read already.
  await expect(stop).toBeFocused();
  await facilitator.keyboard.press('Enter');
  await expect(facilitator.getByRole('button', { name: 'Lire avec la caméra' })).toBeFocused();
  await expect(facilitator.getByLabel('Image de la caméra')).toBeHidden();
  await facilitator.keyboard.press('Enter');
  await expect(status).toHaveText('Ces réponses ont déjà été lues.');
  await expect(preview.getByTestId('preview-to-add')).toHaveText('1 répondant à ajouter.');
  await expect(stop).toBeFocused();
  await facilitator.keyboard.press('Enter');
  await expect(facilitator.getByLabel('Image de la caméra')).toBeHidden();

  // Confirmed: the participant's answers and comment arrive whole, without the pseudonym.
  await tabTo(
    facilitator,
    preview.getByRole('button', { name: 'Confirmer l’import (1 répondant)' }),
    200,
  );
  await facilitator.keyboard.press('Enter');
  await expect(facilitator.getByTestId('participation-total')).toHaveText('3 répondants au total.');
  await expect(facilitator.getByText('1 répondant ajouté au diagnostic.')).toBeVisible();
  await expect(status).toBeEmpty();
  const received = (await storedRespondents(facilitator, target)).filter((r) => r.id === sent?.id);
  expect(received).toHaveLength(1);
  expect(received[0]?.role).toBe('employee');
  expect(received[0]?.pseudonym).toBeUndefined();
  expect(Object.keys(received[0]?.answers['social-dialogue'] ?? {})).toHaveLength(3);
  expect(received[0]?.answers).toEqual(sent?.answers);
  expect(received[0]?.comments).toEqual(sent?.comments);
});

test('a camera that sees no code: the reader keeps looking, without an error, until cancelled; nothing is imported', async ({
  launchWithCamera,
}, testInfo) => {
  test.setTimeout(90_000);
  const video = testInfo.outputPath('grey.y4m');
  writeFileSync(video, y4mVideo([plainFrame(128), plainFrame(120)], FPS));
  const page = await launchWithCamera([...FAKE_CAMERA, cameraVideo(video)]);
  const target = await createDiagnostic(page, { title: 'Mur gris', grids: ['social-dialogue'] });
  await page.goto(`./#/workshop/${target}`);
  await expect(page.getByText('Personne n’a encore répondu.').first()).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Lire avec la caméra' }), 200);
  await page.keyboard.press('Enter');
  const status = page.getByTestId('qr-status');
  await expect(status).toHaveText('Présentez le QR code devant la caméra.');
  // The camera plays (its picture moves on) and the reader looks at it for a few seconds.
  const view = page.getByLabel('Image de la caméra');
  await expect(view).toBeVisible();
  const playedAt = () => view.evaluate((v: HTMLVideoElement) => v.currentTime);
  const before = await playedAt();
  await page.waitForTimeout(3_000);
  expect(await playedAt()).toBeGreaterThan(before + 2);
  expect(await view.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([
    CAMERA_WIDTH,
    CAMERA_HEIGHT,
  ]);
  await shot(page, testInfo.outputPath('camera.png'));
  await expect(status).toHaveText('Présentez le QR code devant la caméra.');
  await expect(page.getByTestId('qr-error')).toBeEmpty();

  // Cancelled from the keyboard: the camera is let go, nothing was imported.
  await expect(page.getByRole('button', { name: 'Arrêter la caméra' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Lire avec la caméra' })).toBeFocused();
  await expect(view).toBeHidden();
  expect(await view.evaluate((v: HTMLVideoElement) => v.srcObject)).toBeNull();
  await expect(page.getByTestId('qr-error')).toBeEmpty();
  await expect(page.getByRole('region', { name: 'Aperçu de l’import' })).toHaveCount(0);
  await expect(page.getByText('Personne n’a encore répondu.').first()).toBeVisible();
  expect(await storedRespondents(page, target)).toEqual([]);
});

test('a camera the browser refuses: said in French and in English, the photo offered instead', async ({
  launchWithCamera,
}) => {
  test.setTimeout(90_000);
  // A camera exists, but the browser denies every permission prompt.
  const page = await launchWithCamera([
    '--use-fake-device-for-media-stream',
    '--deny-permission-prompts',
  ]);
  const target = await createDiagnostic(page, {
    title: 'Caméra refusée',
    grids: ['social-dialogue'],
  });
  await page.goto(`./#/workshop/${target}`);
  await tabTo(page, page.getByRole('button', { name: 'Lire avec la caméra' }), 200);
  await page.keyboard.press('Enter');
  const error = page.getByTestId('qr-error');
  await expect(error).toContainText('Le code n’a pas été lu ; rien n’a été modifié.');
  await expect(error).toContainText(
    'L’accès à la caméra a été refusé. Autorisez-le dans les réglages du navigateur, ou lisez le code depuis une photo.',
  );
  // The button is back, still focused, for another try; no picture is shown.
  await expect(page.getByRole('button', { name: 'Lire avec la caméra' })).toBeFocused();
  await expect(page.getByLabel('Image de la caméra')).toBeHidden();

  // In English, the message on screen is translated in place (it stayed in French), and a
  // second try says the same.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const refused =
    'Access to the camera was refused. Allow it in the browser’s settings, or read the code from a photo.';
  await expect(error).toHaveText(`The code was not read; nothing was changed.${refused}`);
  const statusLog = await recordStatus(page);
  await tabTo(page, page.getByRole('button', { name: 'Read with the camera' }), 200);
  await page.keyboard.press('Enter');
  await expect.poll(statusLog).toEqual(['Opening the camera…', '']);
  await expect(error).toHaveText(`The code was not read; nothing was changed.${refused}`);
  await expect(page.getByRole('button', { name: 'Read with the camera' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Read from a photo…' })).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Import preview' })).toHaveCount(0);
  expect(await storedRespondents(page, target)).toEqual([]);
});
