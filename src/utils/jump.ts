import type { MouseEvent } from 'react';

/**
 * Follows an in-page link ("jump to section") without touching the address: the hash is the
 * route. Scrolls to the section and moves focus to its heading, so keyboard and screen-reader
 * users land where sighted users look.
 */
export function jump(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  event.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  const heading = target.querySelector<HTMLElement>('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}
