import { expect, test } from './fixtures';
import { createDiagnostic, seedAnswers } from './helpers';

const PATTERN = '(i, r, n) => (i * 3 + r) % n';

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1920, height: 1080 },
]) {
  test(`results radar: every axis label inside the chart at ${viewport.width}×${viewport.height}`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const id = await createDiagnostic(page, { title: 'Radars', grids: ['uses', 'skills'] });
    await seedAnswers(page, id, [{ role: 'employee' }], PATTERN);
    await page.setViewportSize(viewport);
    await page.goto(`./#/results/${id}`);
    const charts = page.locator('section[id^="grid-"] .radar');
    await expect(charts).toHaveCount(2);
    await expect(charts.first().locator('.recharts-polar-angle-axis-tick')).toHaveCount(8);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      if (!box) throw new Error('radar not laid out');
      const labels = chart.locator('.recharts-polar-angle-axis-tick text');
      await expect(labels).toHaveCount(8);
      for (const label of await labels.all()) {
        const b = await label.boundingBox();
        const name = await label.evaluate(
          (el) => el.querySelector('title')?.textContent ?? el.textContent ?? '',
        );
        expect(b, name).not.toBeNull();
        if (!b) continue;
        // Inside the chart box, with a pixel of rounding.
        expect(b.x, `${name} left`).toBeGreaterThanOrEqual(box.x - 1);
        expect(b.x + b.width, `${name} right`).toBeLessThanOrEqual(box.x + box.width + 1);
        expect(b.y, `${name} top`).toBeGreaterThanOrEqual(box.y - 1);
        expect(b.y + b.height, `${name} bottom`).toBeLessThanOrEqual(box.y + box.height + 1);
      }
    }
    // The full names stay in the table twin.
    await expect(page.locator('table.score-table').first()).toContainText(
      'Messagerie et surcharge informationnelle',
    );
    await charts.first().screenshot({ path: testInfo.outputPath(`radar-${viewport.width}.png`) });
    await page.screenshot({ path: testInfo.outputPath(`page-${viewport.width}.png`) });
  });
}
