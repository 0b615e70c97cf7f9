import { expect, test } from './fixtures';
import { createDiagnostic, drawCharts, seedAnswers } from './helpers';
import { pdfPages } from './pdf-text';

// Deterministic answers: every 7th item "don't know", the rest cycling over the scale.
const PATTERN = '(i, r, n) => i % 7 === 3 ? -1 : (i * 3 + r) % n';

test('results: scores and levels on the page, and the PDF shows the same numbers in French', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const id = await createDiagnostic(page, {
    title: 'Télégestion – SSIAD Nord',
    purpose: /négociation/,
  });
  await seedAnswers(
    page,
    id,
    [{ role: 'employee', comment: 'Trop de saisies « doubles » à 1 000 km/h.' }],
    PATTERN,
  );
  await page.goto(`./#/results/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Télégestion – SSIAD Nord');
  await expect(page.getByTestId('overall-score')).toHaveText(/^\d+\/100$/);

  // Every dimension has a score and a level in words, or a reason: never a bare 0.
  // 32 dimensions but two: the employee answering is not asked about the CSE consultation nor
  // about the representatives' resources.
  const rows = page.locator('table.score-table tbody tr');
  await expect(rows).toHaveCount(30);
  const pageScores: Record<string, string> = {};
  for (const row of await rows.all()) {
    const dimension = (await row.getAttribute('data-dimension-id')) ?? '';
    const score = (await row.locator('td').first().getAttribute('data-score')) ?? '';
    pageScores[dimension] = score;
    if (score === '') await expect(row).toContainText('Réponses insuffisantes');
    else
      await expect(row.locator('.level-badge')).toHaveText(/Critique|Fragile|En progrès|Favorable/);
  }
  const gridScores = await page.locator('[data-grid-id] td.num').allInnerTexts();
  expect(gridScores).toHaveLength(4);

  // Recommendations explain why they fired, and the union purpose ranks union ones first.
  const firstRec = page.locator('.rec-card').first();
  await expect(firstRec).toContainText('Pourquoi');
  // Closed, the card shows that it opens (a chevron and what is inside), not only its title.
  const opens = firstRec.getByText('Voir les actions et l’ajouter au plan d’action');
  await expect(opens).toBeVisible();
  await expect(firstRec.locator('.rec-card__chevron')).toBeVisible();
  await firstRec.locator('summary').click();
  await expect(opens).toBeHidden();
  await expect(firstRec.getByText('Refermer')).toBeVisible();
  await expect(firstRec).toContainText('Actions à engager');
  await expect(firstRec).toContainText('Représentants du personnel');
  await firstRec.getByRole('button', { name: 'Ajouter au plan d’action' }).click();
  await expect(page.locator('.plan-item')).toHaveCount(1);

  // The comment appears without a name.
  await expect(page.getByText('Trop de saisies « doubles » à 1 000 km/h.').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^telegestion-ssiad-nord-\d{4}-\d{2}-\d{2}\.pdf$/);
  const path = testInfo.outputPath('report.pdf');
  await file.saveAs(path);
  const { pages, info } = await pdfPages(path);
  const text = pages.join('\n');
  expect(pages.length).toBeGreaterThanOrEqual(10);
  expect(pages.length).toBeLessThanOrEqual(60);
  expect(info.Title).toBe('Télégestion – SSIAD Nord');
  for (const section of ['Synthèse', 'Plan d’action', 'Points à négocier', 'Annexe : méthode']) {
    expect(text).toContain(section);
  }
  // Accents and French number formatting intact (narrow no-break space, never " /").
  expect(text).toContain('Risques et opportunités');
  // pdfjs turns U+202F into a plain space when extracting text; the unit tests check the glyph.
  expect(text).toContain('Trop de saisies « doubles » à 1 000 km/h.');
  expect(text).not.toMatch(/\d \/\d{3}/);
  // Each grid's score on the page is in the PDF.
  for (const score of gridScores) expect(text).toContain(`${score.trim()}`);

  // The status says what was downloaded, in the language shown, also after a change of language.
  const status = page.locator('.pdf-card > p[role="status"]');
  await expect(status).toHaveText(
    /^Rapport «\stelegestion-ssiad-nord-[\d-]+\.pdf\s» téléchargé\.$/,
  );
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(status).toHaveText(/^Report “telegestion-ssiad-nord-[\d-]+\.pdf” downloaded\.$/);
});

test('results in English, and an empty diagnostic says nobody answered', async ({ page }) => {
  const id = await createDiagnostic(page, { title: 'Empty one', grids: ['uses'] });
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.goto(`./#/results/${id}`);
  await expect(page.getByText('Nobody has answered this diagnostic yet.')).toBeVisible();
  await seedAnswers(page, id, [{ role: 'manager' }], PATTERN);
  await page.reload();
  await expect(page.getByTestId('overall-score')).toHaveText(/^\d+\/100$/);
  await expect(page.getByRole('heading', { name: 'Recommendations' })).toBeVisible();
  await expect(page.locator('table.score-table').first()).toContainText('Coverage');
});

test('results: the PDF renderer is fetched from the app once the page is idle, before any click', async ({
  page,
  guard,
}) => {
  test.setTimeout(90_000);
  const id = await createDiagnostic(page, { title: 'Préchargement du rapport' });
  await seedAnswers(page, id, [{ role: 'employee' }], PATTERN);
  // Nothing touches the button: no hover, no focus (the mouse stays where it was).
  const renderer = page.waitForRequest(/\/render-pdf-[\w-]+\.js$/, { timeout: 30_000 });
  const texts = page.waitForRequest(/\/report-[\w-]+\.js$/, { timeout: 30_000 });
  await page.goto(`./#/results/${id}`);
  await expect(page.getByTestId('overall-score')).toHaveText(/^\d+\/100$/);
  for (const request of [await renderer, await texts])
    expect(new URL(request.url()).origin).toBe(new URL(page.url()).origin);
  expect(guard.foreignRequests).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le rapport PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^prechargement-du-rapport-.*\.pdf$/);
});

test('results: looking for newer grid editions downloads no grid when the diagnostic has the current ones', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const id = await createDiagnostic(page, { title: 'Éditions à jour' });
  await seedAnswers(page, id, [{ role: 'employee' }], PATTERN);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // The offer's code comes last on the page; once it is there, it has asked for what it needs.
  const offer = page.waitForRequest(/\/migration-offer-[\w-]+\.js$/, { timeout: 30_000 });
  await page.goto(`./#/results/${id}`);
  await offer;
  await expect(page.getByTestId('overall-score')).toHaveText(/^\d+\/100$/);
  await page.waitForLoadState('networkidle');
  // Each bundled grid is a chunk of its own, named after its file (some 25 KB gzip each).
  const gridChunks = scripts.filter((path) =>
    /\/(risks-opportunities|uses|skills|social-dialogue)-[\w-]{8}\.js$/.test(path),
  );
  expect(scripts.some((path) => path.includes('/migration-offer-'))).toBe(true);
  expect(gridChunks).toEqual([]);
  await expect(page.locator('.migration-offer')).toHaveCount(0);
});

test('typing in the action plan leaves the head, the overview and the grids as they are: no figure or radar drawn again', async ({
  page,
}) => {
  const id = await createDiagnostic(page, { title: 'Plan saisi' });
  await seedAnswers(page, id, [{ role: 'employee' }, { role: 'manager' }], PATTERN);
  await page.goto(`./#/results/${id}`);
  await page.locator('.rec-card').first().locator('summary').click();
  await page
    .locator('.rec-card')
    .first()
    .getByRole('button', { name: 'Ajouter au plan d’action' })
    .click();
  await drawCharts(page);
  // Every change in the figures' part of the page, from now on.
  await page.evaluate(() => {
    const seen = { changes: 0 };
    Object.assign(window, { __figures: seen });
    const observer = new MutationObserver((list) => (seen.changes += list.length));
    for (const part of document.querySelectorAll(
      'main .results > header, #overview, main .results > section[id^="grid-"]',
    ))
      observer.observe(part, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
  });
  const title = page.locator('.plan-item').first().getByLabel('Action', { exact: true });
  await title.fill('');
  await title.pressSequentially('Réunion mensuelle', { delay: 20 });
  await expect(title).toHaveValue('Réunion mensuelle');
  // The plan is saved with what was typed, and nothing above it moved or was drawn again.
  await expect(page.locator('.plan-item').first()).toContainText('Réunion mensuelle');
  const changes = await page.evaluate(
    () => (window as unknown as { __figures: { changes: number } }).__figures.changes,
  );
  expect(changes).toBe(0);
  await expect(page.locator('main .radar svg.recharts-surface')).toHaveCount(5);
});
