import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { createDiagnostic } from './helpers';
import { checkLayout, layoutDefects } from './layout-check';

const TEXTS = {
  fr: { region: /^Correspondance des colonnes de «\senquete\.csv\s»$/, role: 'Fonction' },
  en: { region: /^Column mapping of “enquete\.csv”$/, role: 'Fonction' },
};

// As an online survey tool writes it: a timestamp, a role in the organisation's words, long
// question texts as headings, answers as labels.
type GridJson = { dimensions: { items: { text: { fr: string } }[] }[] };
const USES = JSON.parse(
  readFileSync(new URL('../../questionnaires/uses.json', import.meta.url), 'utf8'),
) as GridJson;
const HEADER = [
  'Horodateur',
  'Fonction',
  // A question of the grid, recognised from its text.
  `Q1. ${USES.dimensions[0]?.items[0]?.text.fr ?? ''}`,
  'Q2. Les règles d’usage de la messagerie et des outils collaboratifs ont été discutées collectivement',
  'Q3. Je peux me déconnecter en dehors de mes horaires sans que cela me soit reproché',
];
const ROWS = [
  ['01/03/2025 10:00', 'Salarié', 'Plutôt d’accord', 'Tout à fait d’accord', '1'],
  ['01/03/2025 10:05', 'Cadre', 'Pas du tout d’accord', '', '2'],
  ['01/03/2025 10:09', 'Élu CSE', '3', '3', '4'],
  // A role the app cannot guess: its values table is on the screen too.
  ['01/03/2025 10:12', 'Technicien de maintenance', '2', '2', '2'],
];
const CSV = Buffer.from(
  [HEADER, ...ROWS].map((line) => line.map((cell) => `"${cell}"`).join(';')).join('\r\n'),
);

for (const lang of ['fr', 'en'] as const) {
  test(`survey CSV mapping on a phone: one card per column, nothing scrolls sideways; a table from 40rem (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const id = await createDiagnostic(page, { title: 'Enquête au téléphone', grids: ['uses'] });
    if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`./#/workshop/${id}`);
    await page
      .getByTestId('response-files-input')
      .setInputFiles([{ name: 'enquete.csv', mimeType: 'text/csv', buffer: CSV }]);
    const mapping = page.getByRole('region', { name: TEXTS[lang].region });
    await expect(mapping).toBeVisible();
    const table = mapping.getByTestId('csv-mapping');
    const selects = table.locator('select');
    await expect(selects).toHaveCount(5);

    // 360 px: the page does not scroll sideways, nor does the table's box; every list is whole
    // on the screen and named after its column.
    const widths = await table.evaluate((el) => {
      const box = el.closest('.table-scroll') as HTMLElement;
      return {
        page: document.documentElement.scrollWidth,
        box: box.scrollWidth - box.clientWidth,
        display: getComputedStyle(el).display,
      };
    });
    expect(widths).toEqual({ page: 360, box: 0, display: 'block' });
    for (const select of await selects.all()) {
      const box = await select.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      expect(box?.width).toBeGreaterThan(200);
    }
    await expect(mapping.getByRole('combobox', { name: TEXTS[lang].role })).toHaveValue('role');
    await expect(mapping.getByTestId('csv-role-values')).toContainText('Technicien de maintenance');
    // The role values are cards too: no table of the mapping scrolls sideways.
    const scrolling = await mapping
      .locator('.table-scroll')
      .evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).length);
    expect(scrolling).toBe(0);
    expect(await layoutDefects(page)).toEqual([]);
    await mapping.screenshot({ path: testInfo.outputPath(`csv-mapping-360-${lang}.png`) });

    // Wider screens keep the table: its header row shows, each column a row.
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(table).toHaveCSS('display', 'table');
      await expect(table.locator('thead')).toBeVisible();
      const header = await table.locator('thead th').first().boundingBox();
      expect(header?.width).toBeGreaterThan(60);
      await mapping.screenshot({ path: testInfo.outputPath(`csv-mapping-${width}-${lang}.png`) });
    }
    await checkLayout(page, `survey CSV mapping (${lang})`);
  });
}
