import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { createDiagnostic, seedAnswers } from './helpers';
import { checkLayout } from './layout-check';
import { pdfPages } from './pdf-text';

const PATTERN = '(i, r, n) => (i * 3 + r) % n';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Paragraphs of a document.xml in a heading style (Heading1…), their text joined. */
function headings(xml: string, style = 'Heading1'): string[] {
  return [
    ...xml.matchAll(
      new RegExp(
        `<w:p>(?:(?!</w:p>)[\\s\\S])*?<w:pStyle w:val="${style}"/>([\\s\\S]*?)</w:p>`,
        'g',
      ),
    ),
  ].map((m) =>
    [...(m[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}
const headingOnes = (xml: string): string[] => headings(xml);

for (const lang of ['fr', 'en'] as const) {
  test(`results: the editable report downloads as a valid .docx (${lang})`, async ({
    page,
    guard,
  }, testInfo) => {
    test.setTimeout(120_000);
    const id = await createDiagnostic(page, {
      title: lang === 'fr' ? 'Rapport modifiable' : 'Editable report',
      grids: ['uses', 'social-dialogue'],
    });
    await seedAnswers(page, id, [{ role: 'employee' }, { role: 'employee' }], PATTERN);
    if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
    // The renderer is not fetched before the click.
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (/render-docx-[\w-]+\.js$/.test(request.url())) fetched.push(request.url());
    });
    await page.goto(`./#/results/${id}`);
    await expect(page.getByTestId('overall-score')).toHaveText(/^\d+\/100$/);
    await page.waitForTimeout(1500);
    expect(fetched).toEqual([]);

    const name =
      lang === 'fr'
        ? 'Télécharger le rapport modifiable (Word)'
        : 'Download the editable report (Word)';
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const file = await download;
    expect(fetched).toHaveLength(1);
    expect(file.suggestedFilename()).toMatch(
      lang === 'fr'
        ? /^rapport-modifiable-\d{4}-\d{2}-\d{2}\.docx$/
        : /^editable-report-\d{4}-\d{2}-\d{2}\.docx$/,
    );
    await expect(
      page.getByText(
        lang === 'fr' ? /Document «\s.+\.docx\s» téléchargé\./ : /Document “.+\.docx” downloaded\./,
      ),
    ).toBeVisible();
    const path = testInfo.outputPath(`report-${lang}.docx`);
    await file.saveAs(path);

    // A zip with the parts Word needs.
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const files = unzipSync(new Uint8Array(bytes));
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
    ])
      expect(Object.keys(files), part).toContain(part);
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const titles = headingOnes(xml);
    expect(titles[0]).toBe(lang === 'fr' ? 'Synthèse' : 'Summary');
    expect(titles).toContain(lang === 'fr' ? 'Annexe\u00a0: méthode' : 'Annex: method');
    expect(xml.match(/<w:tbl>/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    // The overview (bars for two grids) and a radar per grid, drawn on a canvas of the page.
    const media = Object.keys(files).filter((p) => /^word\/media\/.+\.png$/.test(p));
    expect(media.length).toBeGreaterThanOrEqual(3);
    for (const p of media) {
      const png = files[p] ?? new Uint8Array();
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const view = new DataView(png.buffer, png.byteOffset);
      // Twice the size they are shown at (16 cm wide): radars 600 × 460, bars as tall as their rows.
      expect(view.getUint32(16)).toBe(1200);
      expect([920, 232, 312]).toContain(view.getUint32(20));
      expect(png.length, `${p} is not blank`).toBeGreaterThan(5_000);
    }
    // The page's overall score is the report's.
    const overall = (await page.getByTestId('overall-score').textContent()) ?? '';
    expect(xml).toContain(overall.trim());
    // The two downloads side by side, at each screen size.
    for (const width of [360, 1280, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page
        .locator('.pdf-card')
        .screenshot({ path: testInfo.outputPath(`results-docx-${width}-${lang}.png`) });
    }
    await checkLayout(page, `results with the Word download (${lang})`);
    expect(guard.foreignRequests).toEqual([]);
  });
}

test('results: the Word report of a negotiation holds the representatives’ kit, as the PDF does (fr)', async ({
  page,
  guard,
}, testInfo) => {
  test.setTimeout(180_000);
  const id = await createDiagnostic(page, {
    title: 'Consultation sur la télégestion',
    grids: ['uses', 'social-dialogue'],
    purpose: /négociation/i,
  });
  // Unfavourable answers on most items, so that the kit has weak points to draw from.
  await seedAnswers(
    page,
    id,
    [{ role: 'representative' }, { role: 'representative' }],
    '(i, r, n) => (i % 4 === 3 ? n - 1 : 0)',
  );
  await page.goto(`./#/results/${id}`);
  await expect(page.getByTestId('overall-score')).toHaveText(/^\d+\/100$/);

  const save = async (button: string, file: string): Promise<string> => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const path = testInfo.outputPath(file);
    await (await download).saveAs(path);
    return path;
  };
  const docx = unzipSync(
    new Uint8Array(
      readFileSync(await save('Télécharger le rapport modifiable (Word)', 'kit-fr.docx')),
    ),
  );
  const xml = strFromU8(docx['word/document.xml'] ?? new Uint8Array());
  const pdf = (await pdfPages(await save('Télécharger le rapport PDF', 'kit-fr.pdf'))).pages
    .join(' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ');

  const titles = headingOnes(xml);
  expect(titles).toContain('Kit des représentants du personnel');
  expect(pdf).toContain('Kit des représentants du personnel');
  // Each of the kit's part titles and clauses (Heading 2 and 3) is in the PDF too.
  const from = xml.indexOf('Kit des représentants du personnel');
  const kitXml = xml.slice(from, xml.indexOf('Annexe\u00a0: méthode', from));
  const parts = [...headings(kitXml, 'Heading2'), ...headings(kitXml, 'Heading3')];
  expect(parts).toEqual(
    expect.arrayContaining(['Questions à poser à la direction', 'Clauses types à adapter']),
  );
  for (const part of parts) expect(pdf, part).toContain(part.replace(/[\u00a0\u202f]/g, ' '));
  expect(guard.foreignRequests).toEqual([]);
});
