import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The box around a data table that scrolls sideways when the table is wider than the screen.
 * While it scrolls it is a tab stop, so keyboard users can reach it and scroll it with the arrow
 * keys (WCAG 2.1.1; axe `scrollable-region-focusable`); a table that fits adds no tab stop.
 */
export function TableScroll({ children, label }: { children: ReactNode; label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
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
  return (
    <div
      ref={ref}
      className="table-scroll"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must be reachable
      tabIndex={scrolls ? 0 : undefined}
      role={label ? 'region' : undefined}
      aria-label={label}
    >
      {children}
    </div>
  );
}
