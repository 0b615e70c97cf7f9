import type { Namespace } from '@/i18n/resources-fr';
import type { RouteName } from './router';

/**
 * The files behind each lazy page, in one place: the page's module (its chunk), the modules it
 * loads as it opens, and the translation files it needs (every namespace its first render uses:
 * one missing suspends the page behind its loading line). app.tsx loads the translations with
 * the page's code; the build (scripts/vite/route-preload.ts) lets the browser fetch all of them,
 * for the route in the address, while it is still downloading the app's shell.
 */
export const PAGE_FILES: Partial<
  Record<
    RouteName,
    {
      module: string;
      namespaces: Namespace[];
    }
  >
> = {
  new: {
    module: 'src/features/start/new-diagnostic-page.tsx',
    namespaces: ['newDiagnostic', 'labels', 'grids'],
  },
  answer: { module: 'src/features/answer/answer-page.tsx', namespaces: ['answer', 'labels'] },
  results: {
    module: 'src/features/results/results-page.tsx',
    // `answer` for the diagnostic's gate (`grids`, for the grid-version offer, comes with it).
    namespaces: ['results', 'labels', 'plan', 'answer', 'kits'],
  },
  workshop: {
    module: 'src/features/workshop/workshop-page.tsx',
    namespaces: ['workshop', 'labels', 'answer', 'results', 'files', 'room'],
  },
  compare: { module: 'src/features/compare/compare-page.tsx', namespaces: ['compare'] },
  grids: {
    module: 'src/features/grids/grids-page.tsx',
    namespaces: ['grids', 'labels', 'gridErrors', 'files'],
  },
  about: { module: 'src/features/about/about-page.tsx', namespaces: ['about', 'files'] },
};
