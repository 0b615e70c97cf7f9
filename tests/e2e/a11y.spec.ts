import { axeViolations, axeWithAllRules } from './axe';
import { expect, openApp, test } from './fixtures';
import { drawCharts } from './helpers';
import { seedTourData, tour, switchLanguage } from './tour';

for (const lang of ['fr', 'en'] as const) {
  test(`no axe-core violation (every rule, experimental and best practices included) on any page, in ${lang === 'fr' ? 'French' : 'English'}`, async ({
    page,
  }) => {
    // Axe on the long results and workshop pages is slow on a busy machine.
    test.setTimeout(600_000);
    await openApp(page);
    const ids = await seedTourData(page);
    await switchLanguage(page, lang);
    await tour(page, lang, ids, async (name) => {
      const found = await axeViolations(axeWithAllRules(page));
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
  await drawCharts(page);
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

test('the page title takes the focus on navigation; its focus frame shows for keyboard users only', async ({
  page,
}) => {
  await openApp(page, '/about');
  await expect(page.locator('.about-grids li')).toHaveCount(4);
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
    });
  // A mouse user (last action a click) goes to another page: focus on its title, no frame.
  await page.mouse.click(5, 300);
  await page.evaluate(() => (location.hash = '#/grids'));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await focused()).toEqual({ tag: 'H1', outline: 'none' });
  // A keyboard user (last action a key): focus on the title, with its frame.
  await page.keyboard.press('Shift');
  await page.evaluate(() => (location.hash = '#/about'));
  await expect(page.getByRole('heading', { level: 1, name: /Méthode/ })).toBeFocused();
  expect(await focused()).toEqual({ tag: 'H1', outline: 'solid' });
});
