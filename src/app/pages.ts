import { loadNamespaces } from '@/i18n/i18n';
import { lazyComponent } from './lazy-component';
import { PAGE_FILES } from './page-files';
import type { Route, RouteName } from './router';

/**
 * The pages with a chunk of their own (the start page is in the entry). main.tsx loads the one
 * in the address before the first render; app.tsx renders them.
 */
export const PAGES = {
  new: lazyComponent(() =>
    import('@/features/start/new-diagnostic-page').then((m) => m.NewDiagnosticPage),
  ),
  answer: lazyComponent(() => import('@/features/answer/answer-page').then((m) => m.AnswerPage)),
  results: lazyComponent(() =>
    import('@/features/results/results-page').then((m) => m.ResultsPage),
  ),
  workshop: lazyComponent(() =>
    import('@/features/workshop/workshop-page').then((m) => m.WorkshopPage),
  ),
  compare: lazyComponent(() =>
    import('@/features/compare/compare-page').then((m) => m.ComparePage),
  ),
  grids: lazyComponent(() => import('@/features/grids/grids-page').then((m) => m.GridsPage)),
  about: lazyComponent(() => import('@/features/about/about-page').then((m) => m.AboutPage)),
};

/**
 * Starts loading the code of the page of `route` (a route name), if it has a chunk; resolves
 * once it is loaded, or has failed (the page's render then shows the failure).
 */
export function loadPageCode(route: RouteName): Promise<void> {
  if (!Object.hasOwn(PAGES, route)) return Promise.resolve();
  return PAGES[route as keyof typeof PAGES].load().then(
    () => undefined,
    () => undefined,
  );
}

/** Loads the translation files of the page of `route` (i18next started); never rejects. */
export function loadPageTexts(route: RouteName): Promise<void> {
  return loadNamespaces(PAGE_FILES[route]?.namespaces ?? []).catch(() => undefined);
}

/** The pages that open a stored diagnostic (`useDiagnostic`). */
const OPENS_A_DIAGNOSTIC: readonly RouteName[] = ['answer', 'results', 'workshop'];

/**
 * Starts reading what the page of `route` shows, before it renders: the diagnostic in its
 * address, read from storage and checked while the app renders its first screen.
 */
export function openPageData(route: Route): void {
  const id = route.params.diagnosticId;
  if (id === undefined || !OPENS_A_DIAGNOSTIC.includes(route.name)) return;
  import('@/shared/diagnostic/use-diagnostic').then((m) => m.preopenDiagnostic(id)).catch(() => {});
}
