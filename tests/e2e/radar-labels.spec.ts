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
    for (const chart of await charts.all()) {
      // Each radar draws as it comes into view.
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
    await charts.first().scrollIntoViewIfNeeded();
    await charts.first().screenshot({ path: testInfo.outputPath(`radar-${viewport.width}.png`) });
    await page.screenshot({ path: testInfo.outputPath(`page-${viewport.width}.png`) });
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`radar labels at ${viewport.width} px: whole words, never « … », clear of the « 100 » tick; a dimension without a score is marked`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const id = await createDiagnostic(page, {
      title: 'Radars',
      grids: ['uses', 'social-dialogue'],
    });
    // The first items (the first dimension of « Usages ») all « don't know »: no score there.
    await seedAnswers(page, id, [{ role: 'employee' }], '(i, r, n) => i < 4 ? -1 : (i + r) % n');
    await page.setViewportSize(viewport);
    await page.goto(`./#/results/${id}`);
    const charts = page.locator('main .radar');
    // The overview (two grids: bars) and one radar per grid.
    await expect(page.locator('#overview [data-testid="score-bars"]')).toBeVisible();
    await expect(charts).toHaveCount(2);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded();
      await expect(chart.locator('.recharts-polar-angle-axis-tick text').first()).toBeVisible();
      const found = await chart.evaluate((el) => {
        const labels = [...el.querySelectorAll('.recharts-polar-angle-axis-tick text')];
        const hundred = [...el.querySelectorAll('.recharts-polar-radius-axis-tick text')].find(
          (t) => t.textContent?.trim() === '100',
        );
        const h = hundred?.getBoundingClientRect();
        return labels.map((label) => {
          const title = label.querySelector('title')?.textContent ?? '';
          const lines = [...label.querySelectorAll('tspan')].map((t) => t.textContent ?? '');
          const r = label.getBoundingClientRect();
          const covers =
            h !== undefined &&
            r.left < h.right &&
            r.right > h.left &&
            r.top < h.bottom &&
            r.bottom > h.top;
          return { title, lines, covers, missing: label.hasAttribute('data-missing') };
        });
      });
      expect(found.length).toBeGreaterThanOrEqual(3);
      for (const label of found) {
        const name = label.title.split(' — ')[0] ?? '';
        const words = label.lines.slice(0, label.missing ? -1 : undefined);
        // Joined back (a line ending with a hyphen goes on without a space), the full name.
        expect(words.join(' ').replace(/- /g, '-'), 'label lines').toBe(name);
        expect(label.lines.join(' '), 'no ellipsis').not.toContain('…');
        expect(label.covers, `« ${name} » covers the 100 tick`).toBe(false);
      }
    }
    // The dimension without a score says so on the radar.
    const missing = page.locator(
      'section#grid-uses .recharts-polar-angle-axis-tick text[data-missing]',
    );
    await expect(missing).toHaveCount(1);
    await expect(missing).toContainText('réponses insuffisantes');
  });
}
