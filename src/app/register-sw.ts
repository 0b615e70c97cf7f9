/**
 * Registers the service worker that keeps the app usable offline (built by vite-plugin-pwa,
 * see scripts/vite/pwa.ts). Loaded after the first render so it never delays the first screen,
 * and from a module rather than an inline script, which the Content-Security-Policy forbids.
 *
 * Updates (`registerType: 'autoUpdate'`): a new version installs in the background and takes
 * over at once. The open page then reloads so it never mixes old and new files — but only once
 * the user has left it (tab hidden) and its last answers have had time to be saved, so an
 * update never interrupts typing. Until then the old code keeps running; should it miss a file
 * the update removed, the page's error message offers to reload.
 */
const RELOAD_DELAY_MS = 1000;

export function registerServiceWorker(): void {
  // No service worker in development, in the single-file build (file://) or on old browsers.
  if (!import.meta.env.PROD || import.meta.env.MODE === 'single') return;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const container = navigator.serviceWorker;
  // The first install also changes the controller: only a replaced worker means an update.
  const hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (hadController) reloadWhenHidden();
  });
  container.register('./sw.js', { scope: './' }).catch((error: unknown) => {
    // Offline use is a bonus: the app works online without it.
    console.warn('Service worker not registered', error);
  });
}

function reloadWhenHidden(): void {
  let timer: number | undefined;
  const check = () => {
    window.clearTimeout(timer);
    if (document.visibilityState !== 'hidden') return;
    // Saves are flushed when the page is hidden: give them time to reach the disk.
    timer = window.setTimeout(() => {
      if (document.visibilityState === 'hidden') window.location.reload();
    }, RELOAD_DELAY_MS);
  };
  document.addEventListener('visibilitychange', check);
  check();
}
