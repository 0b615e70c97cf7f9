import { startTransition, useEffect, useReducer, useState, type ComponentType } from 'react';
import { loadNamespaces, namespacesLoaded } from '@/i18n/i18n';
import type { Namespace } from '@/i18n/resources-fr';

/**
 * A component whose code is its own chunk, loaded once and then kept. Unlike `React.lazy` under
 * `<Suspense>`, a component whose module is already loaded renders at once, in the same render
 * as its parent, and one that is still loading is waited for without suspending: React keeps a
 * Suspense fallback once shown for at least ~300 ms, so a page whose code arrived a few
 * milliseconds after the first render was held back, the main thread idle (bench/README.md,
 * « First screens against the floor, before and after the page-loading work »).
 */
export type LazyComponent<P> = {
  /** The component, or null while its module is not loaded yet. */
  loaded: () => ComponentType<P> | null;
  /** Starts loading the module (once; again after a failure) and resolves with the component. */
  load: () => Promise<ComponentType<P>>;
};

export function lazyComponent<P>(importer: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let component: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return {
    loaded: () => component,
    load() {
      pending ??= importer().then(
        (loaded) => (component = loaded),
        (error: unknown) => {
          // A chunk that failed (offline, a new deployment) is asked again next time.
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
}

const NO_NAMESPACES: readonly Namespace[] = [];

/**
 * The component once its module and its translation files are loaded, else null: then they are
 * loaded and the caller renders again. A failure is thrown in the render, for the nearest error
 * boundary.
 *
 * The render after a wait is a transition (rendered in slices, like the app's first render), not
 * a Suspense retry: React commits it as soon as it is rendered.
 */
export function useLazyComponent<P>(
  component: LazyComponent<P>,
  namespaces: readonly Namespace[] = NO_NAMESPACES,
  /** False: nothing is loaded yet (the component is returned if it is already there). */
  wanted = true,
): ComponentType<P> | null {
  const loaded = component.loaded();
  const ready = loaded !== null && namespacesLoaded(namespaces);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (ready || !wanted) return;
    let live = true;
    let retry: number | undefined;
    const fail = (error: unknown): void => {
      if (live) setFailure({ error });
    };
    // i18next loads namespaces for the languages it has: when the language changes while they
    // load (« English » clicked, then a link followed), they arrive for the old one. Ask again
    // until they are there for the language now in use, or the render would wait forever.
    const settle = (): void => {
      if (!live) return;
      if (namespacesLoaded(namespaces)) startTransition(rerender);
      else retry = window.setTimeout(() => loadNamespaces(namespaces).then(settle, fail), 20);
    };
    Promise.all([component.load(), loadNamespaces(namespaces)]).then(settle, fail);
    return () => {
      live = false;
      window.clearTimeout(retry);
    };
  }, [component, namespaces, ready, wanted]);
  if (failure) throw failure.error;
  return ready ? loaded : null;
}
