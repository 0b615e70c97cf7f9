import { expect, type Page } from '@playwright/test';

/** The three screens every page is checked on: a phone, a laptop, a projector. */
export const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

/**
 * What the tests could not see by reading the DOM: how the page is laid out. Returns one line per
 * defect found in the page as it is now:
 * - a table, chart or form control of the main content with an empty box (0 px wide or high)
 *   while it is meant to be shown;
 * - anything wider than the viewport, unless it sits in a scroll area that says it scrolls (a
 *   labelled region, reachable with Tab);
 * - a scroll area that scrolls without saying so;
 * - text overflowing its box (drawn outside, or cut), and chart labels outside their chart.
 */
export async function layoutDefects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const defects: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className.trim()
          ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.')
          : '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` « ${text} »` : ''}`;
    };
    const shown = (el: Element) =>
      el.checkVisibility({ checkVisibilityCSS: true, contentVisibilityAuto: true });
    const main = document.querySelector('main');
    if (!main) return ['no <main> element'];

    // 1. Tables, charts and form controls have a box.
    const boxed = main.querySelectorAll(
      'table, .recharts-wrapper, svg.recharts-surface, canvas, figure, input:not([type=hidden]), select, textarea, button',
    );
    for (const el of boxed) {
      if (!shown(el)) continue;
      // The part of the box that can be seen: inside every box that clips or scrolls it.
      const r = el.getBoundingClientRect();
      let [left, right, top, bottom] = [r.left, r.right, r.top, r.bottom];
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible') {
          const c = a.getBoundingClientRect();
          [left, right] = [Math.max(left, c.left), Math.min(right, c.right)];
        }
        if (s.overflowY !== 'visible') {
          const c = a.getBoundingClientRect();
          [top, bottom] = [Math.max(top, c.top), Math.min(bottom, c.bottom)];
        }
      }
      const [w, h] = [Math.max(0, right - left), Math.max(0, bottom - top)];
      // A visually hidden control (a radio drawn by its label) is 1 px on purpose.
      if (w === 0 || h === 0)
        defects.push(`empty box (${Math.round(w)}×${Math.round(h)} px seen): ${describe(el)}`);
    }

    // 2. Nothing wider than the viewport, unless in a scroll area that says it scrolls.
    const announced = (box: Element) =>
      (box.getAttribute('role') === 'region' || box.tagName === 'SECTION') &&
      Boolean(box.getAttribute('aria-label') || box.getAttribute('aria-labelledby')) &&
      (box as HTMLElement).tabIndex >= 0;
    const scrollers = new Set<Element>();
    const clippedBy = (el: Element): Element | 'clip' | null => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return a;
        if (o === 'hidden' || o === 'clip') return 'clip';
      }
      return null;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('svg') && el.tagName !== 'svg') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || (r.right <= viewport + 1 && r.left >= -1)) continue;
      const s = getComputedStyle(el);
      // Visually hidden text (skip links, screen-reader text) is clipped to nothing.
      if (s.position === 'absolute' && (s.clip !== 'auto' || s.clipPath !== 'none')) continue;
      if (!shown(el)) continue;
      const box = clippedBy(el);
      if (box === 'clip') continue;
      if (box) {
        scrollers.add(box);
        continue;
      }
      defects.push(
        `wider than the ${viewport} px viewport (${Math.round(r.left)}…${Math.round(r.right)} px): ${describe(el)}`,
      );
    }
    for (const box of document.body.querySelectorAll('*')) {
      const o = getComputedStyle(box).overflowX;
      if ((o === 'auto' || o === 'scroll') && box.scrollWidth > box.clientWidth + 1) {
        scrollers.add(box);
      }
    }
    for (const box of scrollers) {
      if (!shown(box) || box.scrollWidth <= box.clientWidth + 1) continue;
      if (!announced(box))
        defects.push(`scrolls sideways without a label or a tab stop: ${describe(box)}`);
    }
    if (document.documentElement.scrollWidth > viewport + 1)
      defects.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} px for ${viewport})`,
      );

    // 3. No text overflows its box.
    for (const el of main.querySelectorAll('*')) {
      if (el.closest('svg')) continue;
      const hasText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!hasText) continue;
      const s = getComputedStyle(el);
      if (s.display === 'inline' || s.display === 'contents' || !shown(el)) continue;
      if (s.position === 'absolute' && (s.clip !== 'auto' || s.clipPath !== 'none')) continue;
      const h = el as HTMLElement;
      if (h.scrollWidth > h.clientWidth + 1 && s.overflowX !== 'auto' && s.overflowX !== 'scroll')
        defects.push(
          `text ${s.overflowX === 'visible' ? 'overflows' : 'is cut by'} its box (${h.scrollWidth} > ${h.clientWidth} px): ${describe(el)}`,
        );
      else if (
        (s.overflowY === 'hidden' || s.overflowY === 'clip') &&
        h.scrollHeight > h.clientHeight + 1
      )
        defects.push(`text is cut at the bottom of its box: ${describe(el)}`);
    }
    // Chart labels stay inside their chart.
    for (const svg of main.querySelectorAll('svg.recharts-surface')) {
      if (!shown(svg)) continue;
      const frame = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        if (!(text.textContent ?? '').trim()) continue;
        const r = text.getBoundingClientRect();
        if (
          r.left < frame.left - 1 ||
          r.right > frame.right + 1 ||
          r.top < frame.top - 1 ||
          r.bottom > frame.bottom + 1
        )
          defects.push(`chart label outside its chart: ${describe(text)}`);
      }
    }
    return [...new Set(defects)];
  });
}

/**
 * Checks the layout of the page as it is now at the three screen sizes, then gives the page its
 * former size back. Soft assertions: every defect of every size is reported.
 */
export async function checkLayout(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const v of VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    // Let resize observers and charts take the new width.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await page.waitForTimeout(150);
    const defects = await layoutDefects(page);
    expect.soft(defects, `layout defects on « ${name} » at ${v.width}×${v.height}`).toEqual([]);
  }
  if (before) await page.setViewportSize(before);
}
