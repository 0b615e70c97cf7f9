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
export const RELOAD_DELAY_MS = 1000;

export function registerServiceWorker(): void {
  // No service worker in development, in the single-file build (file://) or on old browsers.
  if (!import.meta.env.PROD || import.meta.env.MODE === 'single') return;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const container = navigator.serviceWorker;
  watchForUpdates(container, document, () => window.location.reload());
  container.register('./sw.js', { scope: './' }).catch((error: unknown) => {
    // Offline use is a bonus: the app works online without it.
    console.warn('Service worker not registered', error);
  });
}

/**
 * Reloads the page (`reload`) once a new service worker has taken over and the user has left the
 * page: tab hidden for RELOAD_DELAY_MS, time for the last answers to reach the disk. The first
 * install also changes the controller; only a replaced worker counts as an update.
 */
export function watchForUpdates(
  container: Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>,
  doc: Pick<Document, 'visibilityState' | 'addEventListener'>,
  reload: () => void,
): void {
  const hadController = container.controller !== null;
  let armed = false;
  container.addEventListener('controllerchange', () => {
    if (!hadController || armed) return;
    armed = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      if (doc.visibilityState !== 'hidden') return;
      // Saves are flushed when the page is hidden: give them time to reach the disk.
      timer = setTimeout(() => {
        if (doc.visibilityState === 'hidden') reload();
      }, RELOAD_DELAY_MS);
    };
    doc.addEventListener('visibilitychange', check);
    check();
  });
}
