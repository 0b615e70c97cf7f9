import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Share of a chart's box that must be in view for it to be drawn. */
export const IN_VIEW_SHARE = 0.2;

/**
 * True from the first time `share` of the element is in the viewport, and then for good (a
 * chart once drawn stays drawn). Where the browser cannot tell (no IntersectionObserver), true
 * at once.
 */
export function useInViewOnce(ref: RefObject<Element | null>, share = IN_VIEW_SHARE): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting && e.intersectionRatio >= share)) {
          observer.disconnect();
          setSeen(true);
        }
      },
      { threshold: [share] },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, seen, share]);
  return seen;
}

/**
 * True once the page is about to be printed: set in the `beforeprint` event itself, rendered
 * synchronously (`flushSync`), so what depends on it is in the printed page.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (printing) return;
    const before = () => flushSync(() => setPrinting(true));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [printing]);
  return printing;
}
