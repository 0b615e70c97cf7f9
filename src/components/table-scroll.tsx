import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The box around a data table that scrolls sideways when the table is wider than the screen.
 * While it scrolls it says so: a visible hint under it, shadows on the sides that hide columns,
 * and for assistive technologies a region named after the table's caption that is a tab stop,
 * so keyboard users can reach it and scroll it with the arrow keys (WCAG 2.1.1; axe
 * `scrollable-region-focusable`). A table that fits adds no tab stop and no hint. The first
 * column stays in view while the others scroll (styles.css, `.table-scroll`).
 */
export function TableScroll({ children, label }: { children: ReactNode; label?: string }) {
  const { t } = useTranslation();
  const hintId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const [caption, setCaption] = useState('');
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      setScrolls(box.scrollWidth > box.clientWidth + 1);
      setCaption(box.querySelector('caption')?.textContent?.trim() ?? '');
    };
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    // The observer also reports the first size, after the browser's own layout: measuring here
    // instead would force a layout of the whole page inside the render that added the table
    // (half a second after a large workshop import).
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  const name = label ?? (scrolls && caption ? t('tableScroll.label', { caption }) : undefined);
  return (
    <div className="table-scroll-wrap">
      <div
        ref={ref}
        className={scrolls ? 'table-scroll table-scroll--scrolls' : 'table-scroll'}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must be reachable
        tabIndex={scrolls ? 0 : undefined}
        role={name ? 'region' : undefined}
        aria-label={name}
        aria-describedby={scrolls ? hintId : undefined}
      >
        {children}
      </div>
      {scrolls && (
        <p id={hintId} className="table-scroll__hint">
          {t('tableScroll.hint')}
        </p>
      )}
    </div>
  );
}
