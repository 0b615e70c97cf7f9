import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { loadPageCode, loadPageTexts, openPageData } from '@/app/pages';
import { parseRoute } from '@/app/router';
import { initI18n } from '@/i18n/i18n';
import './styles.css';

// How the user last acted (keys or pointer): a page title focused on navigation shows its focus
// frame to keyboard users only (styles.css, `.app-main h1`).
const html = document.documentElement;
window.addEventListener('keydown', () => (html.dataset.input = 'keyboard'), { capture: true });
window.addEventListener('pointerdown', () => (html.dataset.input = 'pointer'), { capture: true });

const root = document.getElementById('root');
if (root) {
  // The page in the address: its code and texts (already downloading, see route-preload.ts) are
  // loaded while i18next starts, and the first render waits for them: the page then renders
  // with the shell, in one paint, never behind a loading screen. (A few milliseconds: the
  // files come with the shell's. Were they missing, the page shows its failure.)
  const route = parseRoute(window.location.hash);
  const pageCode = loadPageCode(route.name);
  // Its diagnostic, if it opens one, is read meanwhile (the page takes it when it renders).
  openPageData(route);
  void initI18n()
    .then(() => Promise.all([pageCode, loadPageTexts(route.name)]))
    .then(() => {
      // The first render as a transition: React renders it in slices of a few milliseconds, where
      // a plain render is one task (about 120 ms on a phone-speed CPU, the largest of the load).
      startTransition(() =>
        createRoot(root).render(
          <StrictMode>
            <App />
          </StrictMode>,
        ),
      );
      // Offline support once the page has loaded and the browser is idle (its own small chunk):
      // the service worker's precache (the whole app, about 2 MB) never competes with what the
      // first screen needs.
      const register = () =>
        void import('./app/register-sw').then((m) => m.registerServiceWorker());
      const whenIdle = () => {
        if (typeof window.requestIdleCallback === 'function')
          window.requestIdleCallback(register, { timeout: 5000 });
        else setTimeout(register, 1);
      };
      if (document.readyState === 'complete') whenIdle();
      else window.addEventListener('load', whenIdle, { once: true });
    });
}
