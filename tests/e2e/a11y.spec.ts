import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, test } from './fixtures';
import { seedTourData, tour, switchLanguage } from './tour';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const lang of ['fr', 'en'] as const) {
  test(`no axe-core violation (WCAG 2.1 A and AA) on any page, in ${lang === 'fr' ? 'French' : 'English'}`, async ({
    page,
  }) => {
    // Axe on the long results and workshop pages is slow on a busy machine.
    test.setTimeout(600_000);
    await openApp(page);
    const ids = await seedTourData(page);
    await switchLanguage(page, lang);
    await tour(page, lang, ids, async (name) => {
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const found = violations.map((v) => {
        const where = v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ');
        return `${v.id} (${v.impact}) ${v.help} — ${where}`;
      });
      expect.soft(found, `axe violations on « ${name} »`).toEqual([]);
    });
  });
}

test('focus is always visible: every focusable control shows an outline when reached with Tab', async ({
  page,
}) => {
  await openApp(page, '/about');
  await expect(page.locator('.about-grids li')).toHaveCount(4);
  const invisible: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { outlined, label: `${el.tagName} ${el.textContent?.trim().slice(0, 40) ?? ''}` };
    });
    if (info && !info.outlined) invisible.push(info.label);
  }
  expect(invisible).toEqual([]);
});

test('with « reduce motion » asked for, nothing on the results page moves', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  const ids = await seedTourData(page);
  await page.goto(`./#/results/${ids.t0}`);
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body, body *')]
      .map((el) => {
        const s = getComputedStyle(el);
        const longest = (list: string) => Math.max(...list.split(',').map((v) => parseFloat(v)));
        const seconds = Math.max(longest(s.transitionDuration), longest(s.animationDuration));
        return seconds > 0.001 || s.scrollBehavior === 'smooth' ? el.tagName : null;
      })
      .filter((tag): tag is string => tag !== null),
  );
  expect(moving).toEqual([]);
  // The charts draw at once: recharts' own animation is off.
  await expect(page.locator('.recharts-radar-polygon').first()).toBeVisible();
});
