import { expect, openApp, test } from './fixtures';
import { drawCharts } from './helpers';
import { checkLayout } from './layout-check';
import { seedTourData, switchLanguage, tour } from './tour';

for (const lang of ['fr', 'en'] as const) {
  test(`every page is laid out at 360, 1280 and 1920 px, in ${lang === 'fr' ? 'French' : 'English'}: nothing empty, nothing wider than the screen, no text out of its box`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openApp(page);
    const ids = await seedTourData(page);
    await switchLanguage(page, lang);
    await tour(page, lang, ids, (name) => checkLayout(page, name));
  });
}

test('tables on a phone: a scrolling table says so and keeps its first column in view; the workshop tables have a width', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const ids = await seedTourData(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`./#/results/${ids.t0}`);
  const scroller = page
    .getByRole('region', { name: /^Tableau défilant : Scores des dimensions/ })
    .first();
  await expect(scroller).toBeVisible();
  await expect(scroller).toHaveAttribute('tabindex', '0');
  await expect(page.getByText('Tableau défilant horizontalement').first()).toBeVisible();
  // Scrolled to its right end, the row names are still in view.
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const firstCell = scroller.locator('tbody th').first();
  const [cell, box] = [await firstCell.boundingBox(), await scroller.boundingBox()];
  expect(cell && box && cell.x >= box.x - 1 && cell.x + 20 <= box.x + box.width).toBe(true);

  // The workshop's participation tables: never 0 px wide, at any size.
  await page.goto(`./#/workshop/${ids.t0}`);
  for (const width of [360, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    for (const name of ['Répondants par rôle affiché', 'Avancement par grille']) {
      const table = page.getByRole('table', { name });
      await expect(table).toBeVisible();
      const seen = await table.evaluate((el) => el.parentElement!.getBoundingClientRect().width);
      expect(seen, `${name} at ${width} px`).toBeGreaterThan(150);
    }
  }
});

test('on a projector (1920 px) the charts use the width: content wider than 1600 px, radars over 500 px', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const ids = await seedTourData(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const route of [`/results/${ids.t0}`, `/workshop/${ids.t0}`]) {
    await page.goto(`./#${route}`);
    await drawCharts(page);
    const radar = page.locator('main .radar svg.recharts-surface').first();
    await expect(radar).toBeVisible();
    const main = await page.locator('main#main').boundingBox();
    expect(main!.width, route).toBeGreaterThan(1600);
    // Measured once the charts are drawn (they are drawn in turn, and again at their width).
    await expect(async () => {
      const found = await radar.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const label = svg.querySelector('.recharts-polar-angle-axis-tick text');
        return {
          width: box.width,
          height: box.height,
          font: label ? parseFloat(getComputedStyle(label).fontSize) : 0,
        };
      });
      expect(found.width, route).toBeGreaterThan(500);
      expect(found.height, route).toBeGreaterThan(500);
      // Labels in 14 px type at least.
      expect(found.font, route).toBeGreaterThanOrEqual(14);
    }).toPass({ timeout: 15_000 });
  }
});
