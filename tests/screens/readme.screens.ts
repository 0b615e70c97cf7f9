import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createDiagnostic, seedAnswers } from '../e2e/helpers';

/** Where the README's images go. */
const OUT = 'docs/images';

test('README images: results with radars, a workshop with roles compared, a PDF page', async ({
  page,
}, testInfo) => {
  mkdirSync(OUT, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#/');
  await expect(page.locator('main#main')).toBeVisible();
  // A workshop of twelve: four employees, four managers, four from management (each role shown).
  const roles = ['employee', 'manager', 'management'].flatMap((r) => [r, r, r, r]);
  const id = await createDiagnostic(page, { title: 'Atelier messagerie', purpose: /Atelier/ });
  await seedAnswers(
    page,
    id,
    roles.map((role, i) => ({ role, comment: i === 0 ? 'Trop de mails le soir.' : undefined })),
    '(i, r, n) => i % 11 === 4 ? -1 : (i * 7 + r * (r % 3 === 0 ? 1 : 2) + Math.floor(r / 4)) % n',
  );

  // The results page: the overview radar and a grid's radar with its table.
  await page.goto(`./#/results/${id}`);
  await expect(page.locator('#overview .recharts-surface')).toBeVisible();
  await page.locator('#overview').screenshot({ path: `${OUT}/results-overview.png` });
  const grid = page.locator('section[id^="grid-"]').first();
  await grid.scrollIntoViewIfNeeded();
  await expect(grid.locator('.recharts-surface')).toBeVisible();
  await grid.screenshot({ path: `${OUT}/results-grid.png` });

  // The workshop: a grid's radar with every role compared.
  await page.goto(`./#/workshop/${id}`);
  const roleRadar = page.locator('#aggregate section').first();
  await roleRadar.scrollIntoViewIfNeeded();
  await expect(roleRadar.locator('.recharts-surface')).toBeVisible();
  await expect(roleRadar.locator('.legend li')).toHaveCount(4);
  await roleRadar.screenshot({ path: `${OUT}/workshop-roles.png` });

  // A page of the PDF report (the summary), drawn to PNG by pdftoppm when it is installed.
  await page.goto(`./#/results/${id}`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  const pdf = testInfo.outputPath('report.pdf');
  await (await download).saveAs(pdf);
  const prefix = testInfo.outputPath('page');
  const drawn = spawnSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '2', pdf, prefix]);
  if (drawn.status === 0) {
    const made = `${prefix}-02.png`;
    rmSync(`${OUT}/report-summary.png`, { force: true });
    renameSync(made, `${OUT}/report-summary.png`);
  } else {
    console.warn('pdftoppm (poppler-utils) not found: the PDF page image was not updated.');
  }
});
