/**
 * The PDF renderer (jsPDF and the embedded fonts, one chunk of ~175 KB gzip) and the report's
 * texts, fetched before the button is pressed: once the page has loaded and the browser is idle,
 * or as soon as the pointer or the keyboard focus reaches the button. The click then finds them
 * ready (it still loads them itself when they are not). Same-origin files only, as every chunk.
 */
import { loadNamespaces } from '@/i18n/i18n';
import type * as Renderer from '@/report/render-pdf';

/** The renderer module: the only place that imports it, so it stays one lazy chunk. */
export function loadPdfRenderer(): Promise<typeof Renderer> {
  return import('@/report/render-pdf');
}

let started = false;

/** Starts loading the renderer and the report texts, once; a failure is left to the click. */
export function preloadPdfRenderer(): void {
  if (started) return;
  started = true;
  loadPdfRenderer().catch(() => {
    // Offline without the file cached, say: the click will try again and say what failed.
    started = false;
  });
  loadNamespaces(['report']).catch(() => {});
}

type IdleWindow = Pick<
  Window,
  'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'
> &
  Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;

/**
 * Calls `run` once the page has finished loading and the browser is next idle (at most 5 s
 * later), so that what the page itself needs is never slowed down. Returns a cancel function.
 */
export function whenPageIdle(
  run: () => void,
  win: IdleWindow = window,
  doc: Pick<Document, 'readyState'> = document,
): () => void {
  let cancelIdle = (): void => {};
  const onIdle = (): void => {
    if (typeof win.requestIdleCallback === 'function') {
      const id = win.requestIdleCallback(run, { timeout: 5000 });
      cancelIdle = () => win.cancelIdleCallback?.(id);
    } else {
      const id = win.setTimeout(run, 1);
      cancelIdle = () => win.clearTimeout(id);
    }
  };
  if (doc.readyState === 'complete') {
    onIdle();
    return () => cancelIdle();
  }
  win.addEventListener('load', onIdle, { once: true });
  return () => {
    win.removeEventListener('load', onIdle);
    cancelIdle();
  };
}
