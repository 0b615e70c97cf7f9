/**
 * Exact scores at the band edges: answers that land exactly on 25, 50 and 75 read the same
 * everywhere — results page, PDF, workshop page and compare page, in French and English
 * (docs/scoring.md).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createDiagnostic, seedAnswers } from './helpers';
import { pdfPages } from './pdf-text';

/**
 * Answers to the « Dialogue social » grid (3.0.0), in grid order, as scale values (1–4 on
 * agreement, 1–3 on « Non / En partie / Oui » facts; 0 is « je ne sais pas »). Facts score by
 * halves and agreement by thirds, so a few answers add up to a band bound exactly:
 * information-consultation (fact, fact, agree, reversed fact, fact) 2 3 1 2 2 → 50;
 * expression (agree, agree, fact, reversed agree) 2 2 1 3 → 25; négociation (fact, fact, agree, fact, agree)
 * 3 3 4 1 « je ne sais pas » → 75; suivi (agree, fact, reversed agree, fact, fact) 3 2 3 2 2 → 50.
 * Co-conception (agree ×3, fact ×2) 3 3 2 2 2 → 53.3. The other dimensions are off the bounds
 * (16.7, 36.1, 80): « diagnostic » fires its rule
 * « sous 25 », and the last answer of « confiance » is 1, « Pas du tout d'accord », which fires a
 * rule « au plus 1,5 » on that question.
 */
const BASE = {
  info: [2, 3, 1, 2, 2],
  coConception: [3, 3, 2, 2, 2],
  expression: [2, 2, 1, 3],
  negociation: [3, 3, 4, 1, 0],
  diagnostic: [1, 1, 2, 1, 3],
  suivi: [3, 2, 3, 2, 2],
  moyens: [2, 2, 2, 3, 2, 2],
  confiance: [4, 1, 1, 4, 1],
};
type Answers = typeof BASE;
const flat = (a: Answers): number[] => [
  ...a.info,
  ...a.coConception,
  ...a.expression,
  ...a.negociation,
  ...a.diagnostic,
  ...a.suivi,
  ...a.moyens,
  ...a.confiance,
];
/** A `seedAnswers` pick: respondent r gives the values of rows[r] (scale value − 1 = point index). */
const pick = (rows: Answers[]): string => `(i, r) => ${JSON.stringify(rows.map(flat))}[r][i] - 1`;

const normal = (text: string): string => text.replace(/[\u00a0\u202f\s]+/g, ' ').trim();

async function cells(page: Page, dimensionId: string): Promise<string[]> {
  const row = page.locator(`table.score-table tr[data-dimension-id="${dimensionId}"]`);
  return (await row.locator('td').allInnerTexts()).map(normal);
}

async function downloadPdf(page: Page, button: string, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await (await download).saveAs(path);
  return normal((await pdfPages(path)).pages.join('\n'));
}

test('results page and PDF: 25, 50 and 75 are « Fragile », « En progrès », « Favorable », in FR and EN', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const id = await createDiagnostic(page, { title: 'Bords de bandes', grids: ['social-dialogue'] });
  // A representative: the CSE information-consultation questions are not asked of employees.
  await seedAnswers(page, id, [{ role: 'representative' }], pick([BASE]));
  await page.goto(`./#/results/${id}`);
  await expect(page.locator('table.score-table')).toBeVisible();

  expect((await cells(page, 'sd-info-consultation')).slice(0, 2)).toEqual(['50', 'En progrès']);
  expect((await cells(page, 'sd-suivi')).slice(0, 2)).toEqual(['50', 'En progrès']);
  expect((await cells(page, 'sd-expression')).slice(0, 2)).toEqual(['25', 'Fragile']);
  expect((await cells(page, 'sd-negociation')).slice(0, 2)).toEqual(['75', 'Favorable']);
  // Every question has an answer and every dimension a score: not partial.
  await expect(page.getByTestId('partial-notice')).toHaveCount(0);
  // « Expression » scores exactly 25: its rule « sous 25 » does not fire; « diagnostic » at
  // 16.7 does; « suivi » at exactly 50 fires nothing.
  await expect(page.locator('[data-recommendation-id="sd-rec-espaces-discussion"]')).toHaveCount(0);
  await expect(page.locator('[data-recommendation-id="sd-rec-suivi"]')).toHaveCount(0);
  const body = normal(await page.locator('main').innerText());
  expect(body).not.toMatch(/25\/100, sous 25/);
  expect(body).toContain('Diagnostic partagé et transparence de l’outil : 17/100, sous 25');
  // One person answered: the answer by its label, never « réponse moyenne » or a raw value.
  expect(body).toMatch(/réponse « Pas du tout d['’]accord », au plus 1,5/);
  expect(body).not.toContain('réponse moyenne');

  const fr = await downloadPdf(page, 'Télécharger le rapport PDF', testInfo.outputPath('fr.pdf'));
  expect(fr).toContain('Information-consultation du CSE 50 En progrès');
  expect(fr).toContain('Dialogue professionnel et expression 25 Fragile');
  expect(fr).toContain('Négociation et accords 75 Favorable');
  expect(fr).toContain('Suivi, évaluation et ajustements 50 En progrès');
  expect(fr).not.toMatch(/25\/100, sous 25/);
  expect(fr).toMatch(/réponse « Pas du tout d['’]accord », au plus 1,5/);
  expect(fr).not.toContain('Résultats partiels');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Recommendations' })).toBeVisible();
  expect((await cells(page, 'sd-info-consultation')).slice(0, 2)).toEqual(['50', 'Progressing']);
  expect((await cells(page, 'sd-expression')).slice(0, 2)).toEqual(['25', 'Fragile']);
  expect((await cells(page, 'sd-negociation')).slice(0, 2)).toEqual(['75', 'Favourable']);
  const bodyEn = normal(await page.locator('main').innerText());
  expect(bodyEn).toContain('answer “Strongly disagree”, at most 1.5');
  expect(bodyEn).not.toMatch(/25\/100, below 25/);
  const en = await downloadPdf(page, 'Download the PDF report', testInfo.outputPath('en.pdf'));
  expect(en).toContain('Works council (CSE) information and consultation 50 Progressing');
  expect(en).toContain('Bargaining and agreements 75 Favourable');
  expect(en).not.toMatch(/25\/100, below 25/);
});

test('workshop page and PDF: a mean of exactly 50, spreads and gaps written alike', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const id = await createDiagnostic(page, {
    title: 'Atelier bords de bandes',
    purpose: /Atelier/,
    grids: ['social-dialogue'],
  });
  // Representatives 25 and managers 75 on information-consultation: everyone's mean is exactly
  // 50 (representatives, not employees: the CSE consultation questions are not asked of employees).
  // The last question of information-consultation is answered « je ne sais pas » on both sides.
  const low = { ...BASE, info: [2, 2, 1, 3, 0] };
  // Managers also answer co-conception 4 4 2 3 3 (86.7) where representatives answer 53.3.
  const high = { ...BASE, info: [3, 3, 4, 3, 0], coConception: [4, 4, 2, 3, 3] };
  await seedAnswers(
    page,
    id,
    [
      { role: 'representative' },
      { role: 'representative' },
      { role: 'representative' },
      { role: 'manager' },
      { role: 'manager' },
      { role: 'manager' },
    ],
    pick([low, low, low, high, high, high]),
  );
  await page.goto(`./#/workshop/${id}`);
  const topics = page.getByTestId('topics-social-dialogue');
  await expect(topics).toBeVisible();
  const dimensionLine = normal(await topics.locator('li').first().innerText());
  expect(dimensionLine).toBe(
    'Information-consultation du CSE : écart-type de 25 points (moyenne 50, n = 6)',
  );
  const gapLine = normal(
    await topics.locator('li', { hasText: 'points d’écart' }).first().innerText(),
  );
  expect(gapLine).toMatch(
    /^Information-consultation du CSE : .+ 75, .+ 25, soit 50 points d’écart$/,
  );

  await page.goto(`./#/results/${id}`);
  await expect(page.locator('table.score-table').first()).toBeVisible();
  expect((await cells(page, 'sd-info-consultation')).slice(0, 2)).toEqual(['50', 'En progrès']);
  const pdf = await downloadPdf(
    page,
    'Télécharger le rapport PDF',
    testInfo.outputPath('workshop.pdf'),
  );
  // The PDF writes the spread and the gap exactly as the workshop page does.
  expect(pdf).toContain(dimensionLine);
  expect(pdf).toContain(gapLine);
  // Co-conception: managers 86.7, representatives 53.3, shown 87 and 53: the gap is 34 in the topics and
  // in the reason of the rule « écart entre rôles au-dessus de 20 », never 33 in one and 34 in the other.
  expect(pdf).toMatch(
    /Association en amont et co-conception : .+ 87, .+ 53, soit 34 points d’écart/,
  );
  expect(pdf).toContain('Association en amont et co-conception : écart de 34 points entre rôles');
  expect(pdf).not.toContain('écart de 33 points');
});

test('compare page and PDF: deltas are the differences of the scores shown, in FR and EN', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const t0 = await createDiagnostic(page, { title: 'Avant', grids: ['social-dialogue'] });
  // A representative: the CSE information-consultation questions are not asked of employees.
  await seedAnswers(page, t0, [{ role: 'representative' }], pick([BASE]));
  // T1: information-consultation 50 → 75; co-conception 53.3 → 86.7, shown 53 → 87: +34, not +33.
  const after = { ...BASE, info: [3, 3, 4, 3, 0], coConception: [4, 4, 2, 3, 3] };
  const t1 = await createDiagnostic(page, { title: 'Après', grids: ['social-dialogue'] });
  await seedAnswers(page, t1, [{ role: 'representative' }], pick([after]));
  await page.goto(`./#/compare/${t0}/${t1}`);
  const table = page.getByTestId('delta-table');
  await expect(table).toBeVisible();
  const row = async (dimensionId: string) =>
    (await table.locator(`tr[data-dimension-id="${dimensionId}"] td`).allInnerTexts()).map(normal);
  expect((await row('sd-info-consultation')).slice(0, 3)).toEqual(['50', '75', '+25']);
  expect((await row('sd-co-conception')).slice(0, 3)).toEqual(['53', '87', '+34']);
  expect((await row('sd-expression')).slice(0, 3)).toEqual(['25', '25', '0']);

  const pdf = await downloadPdf(
    page,
    'Télécharger le rapport PDF avec l’évolution',
    testInfo.outputPath('evolution.pdf'),
  );
  expect(pdf).toContain('Association en amont et co-conception 53 87 +34');
  expect(pdf).toContain('Information-consultation du CSE 50 75 +25');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(table.locator('caption')).toContainText(/[A-Za-z]/);
  await expect(table.locator('tr[data-dimension-id="sd-co-conception"] th')).toHaveText(
    'Early involvement and co-design',
  );
  expect((await row('sd-co-conception')).slice(0, 3)).toEqual(['53', '87', '+34']);
});
