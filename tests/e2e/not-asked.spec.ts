/**
 * Asked or not: in a workshop of employees and elected representatives, the CSE
 * information-consultation questions are not asked of employees. They are neither answered nor
 * missing for them: no false « Diagnostic partiel », no false « réponses insuffisantes », and the
 * employees' column says « non posée », in French and English, on the workshop page, the results
 * page and the PDF (docs/scoring.md, « Asked or not »).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createDiagnostic, seedAnswers } from './helpers';
import { pdfPages } from './pdf-text';

const normal = (text: string): string => text.replace(/[\u00a0\u202f\s]+/g, ' ').trim();

async function downloadPdf(page: Page, button: string, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await (await download).saveAs(path);
  return normal((await pdfPages(path)).pages.join('\n'));
}

/** The cells of a dimension's row in a workshop table. */
async function rowCells(page: Page, table: string, dimension: string): Promise<string[]> {
  const row = page.getByTestId(table).locator('tbody tr', { hasText: dimension });
  return (await row.locator('td').allInnerTexts()).map(normal);
}

test('a workshop of employees and representatives: not asked is neither missing nor insufficient', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const id = await createDiagnostic(page, {
    title: 'Atelier salariés et élus',
    purpose: /Atelier/,
    grids: ['social-dialogue'],
  });
  // Respondents r0–r2 employees, r3–r5 representatives. The first four questions of the grid are
  // the CSE information-consultation ones. Employees r1 and r2 never saw them; employee r0 holds
  // answers « 1 » to them, given before a role change: kept, never counted. Everyone else answers
  // every question: employees « 2 », representatives « 3 ».
  const pick = `(i, r) => r < 3 ? (i < 4 ? (r === 0 ? 0 : -2) : 1) : 2`;
  await seedAnswers(
    page,
    id,
    ['employee', 'employee', 'employee', 'representative', 'representative', 'representative'].map(
      (role) => ({ role }),
    ),
    pick,
  );

  await page.goto(`./#/workshop/${id}`);
  const info = 'Information-consultation du CSE';
  await expect(page.getByTestId('roles-table')).toBeVisible();
  const roles = await rowCells(page, 'roles-table', info);
  // Tous, Salarié·e, Représentant·e: the whole group's mean is the representatives' own.
  expect(roles[1]).toBe('non posée');
  expect(roles[0]).toBe(roles[2]);
  expect(roles[0]).toMatch(/^\d+(,\d+)?$/);
  await expect(
    page.getByText(/Non posée\s*»\s*:\s*la dimension n’est pas posée à ce rôle/),
  ).toBeVisible();
  // n = 3 (the representatives), coverage 100 %: the employees are not counted as missing.
  const spread = await rowCells(page, 'spread-table', info);
  expect(spread.slice(-2)).toEqual(['3', '100 %']);
  // Every respondent has answered everything asked of them.
  const completion = normal(await page.locator('#participation').innerText());
  expect(completion).toMatch(/100 %/);

  await page.goto(`./#/results/${id}`);
  await expect(page.locator('table.score-table').first()).toBeVisible();
  await expect(page.getByTestId('partial-notice')).toHaveCount(0);
  const body = normal(await page.locator('main').innerText());
  expect(body).not.toContain('Diagnostic partiel');
  expect(body).not.toContain('Réponses insuffisantes');
  const score = page.locator('table.score-table tr[data-dimension-id="sd-info-consultation"] td');
  expect(normal(await score.first().innerText())).toBe(roles[0]);
  const fr = await downloadPdf(page, 'Télécharger le rapport PDF', testInfo.outputPath('fr.pdf'));
  expect(fr).not.toContain('Résultats partiels');
  expect(fr).not.toContain('Réponses insuffisantes');
  expect(fr).toContain('non posée');
  expect(fr).toContain('« Non posée » : la dimension n’est pas posée à ce rôle');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Recommendations' })).toBeVisible();
  await expect(page.getByTestId('partial-notice')).toHaveCount(0);
  const bodyEn = normal(await page.locator('main').innerText());
  expect(bodyEn).not.toContain('Partial diagnostic');
  expect(bodyEn).not.toContain('Not enough answers');
  const en = await downloadPdf(page, 'Download the PDF report', testInfo.outputPath('en.pdf'));
  expect(en).not.toContain('Partial results');
  expect(en).not.toContain('Insufficient answers');
  expect(en).toContain('not asked');

  await page.goto(`./#/workshop/${id}`);
  await expect(page.getByTestId('roles-table')).toBeVisible();
  const rolesEn = await rowCells(
    page,
    'roles-table',
    'Works council (CSE) information and consultation',
  );
  expect(rolesEn[1]).toBe('not asked');
  expect(rolesEn[0]).toBe(rolesEn[2]);
  await expect(
    page.getByText(/“Not asked”: the dimension is not asked of this role/),
  ).toBeVisible();
});

test('the compare page says « non posée » for a dimension asked of nobody at T0, as the workshop page does', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pick = `(i, r) => r < 3 ? 1 : 2`;
  // T0: employees only, never asked the CSE information-consultation questions.
  const t0 = await createDiagnostic(page, { title: 'T0 salariés', grids: ['social-dialogue'] });
  await seedAnswers(
    page,
    t0,
    ['employee', 'employee', 'employee'].map((role) => ({ role })),
    pick,
  );
  // T1: the same employees and three representatives, who are asked them.
  const t1 = await createDiagnostic(page, { title: 'T1 avec élus', grids: ['social-dialogue'] });
  await seedAnswers(
    page,
    t1,
    ['employee', 'employee', 'employee', 'representative', 'representative', 'representative'].map(
      (role) => ({ role }),
    ),
    pick,
  );

  await page.goto(`./#/compare/${t0}/${t1}`);
  const table = page.getByTestId('delta-table');
  const row = table.locator('tbody tr[data-dimension-id="sd-info-consultation"]');
  await expect(row).toBeVisible();
  const cells = (await row.locator('td').allInnerTexts()).map(normal);
  expect(cells[0]).toBe('non posée');
  expect(cells[1]).toMatch(/^\d+(,\d+)?$/);
  expect(cells[2]).toBe('—');
  await expect(page.getByTestId('not-asked-note')).toHaveText(
    /Non posée\s*»\s*:\s*la dimension n’est posée à aucun répondant de ce diagnostic/,
  );
  // A dimension asked of everyone keeps its figures on both sides, and no « non posée ».
  const other = (await table.locator('tbody tr').nth(1).locator('td').allInnerTexts()).map(normal);
  expect(other[0]).toMatch(/^\d+(,\d+)?$/);
  expect(other[1]).toMatch(/^\d+(,\d+)?$/);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(row.locator('td').first()).toHaveText('not asked');
  await expect(page.getByTestId('not-asked-note')).toHaveText(
    /“Not asked”: the dimension is asked of no respondent of this diagnostic/,
  );
});
