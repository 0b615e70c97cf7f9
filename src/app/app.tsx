import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { StartPage } from '@/features/start/start-page';
import { loadNamespaces } from '@/i18n/i18n';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';
import { PAGE_FILES } from './page-files';
import { useRoute, type Route } from './router';
import { NotFoundPage } from './not-found-page';

const NewDiagnosticPage = lazy(() =>
  import('@/features/start/new-diagnostic-page').then((m) => ({ default: m.NewDiagnosticPage })),
);
const AnswerPage = lazy(() =>
  import('@/features/answer/answer-page').then((m) => ({ default: m.AnswerPage })),
);
const ResultsPage = lazy(() =>
  import('@/features/results/results-page').then((m) => ({ default: m.ResultsPage })),
);
const WorkshopPage = lazy(() =>
  import('@/features/workshop/workshop-page').then((m) => ({ default: m.WorkshopPage })),
);
const ComparePage = lazy(() =>
  import('@/features/compare/compare-page').then((m) => ({ default: m.ComparePage })),
);
const GridsPage = lazy(() =>
  import('@/features/grids/grids-page').then((m) => ({ default: m.GridsPage })),
);
const AboutPage = lazy(() =>
  import('@/features/about/about-page').then((m) => ({ default: m.AboutPage })),
);

function Page({ route }: { route: Route }) {
  // A prefetch, safe during render: i18next loads each file once and ignores repeats.
  const namespaces = PAGE_FILES[route.name]?.namespaces;
  if (namespaces) void loadNamespaces(namespaces);
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'new':
      return <NewDiagnosticPage />;
    case 'answer':
      return <AnswerPage diagnosticId={route.params.diagnosticId} step={route.params.step} />;
    case 'results':
      return <ResultsPage diagnosticId={route.params.diagnosticId} />;
    case 'workshop':
      return <WorkshopPage diagnosticId={route.params.diagnosticId} />;
    case 'compare':
      return <ComparePage t0={route.params.t0} t1={route.params.t1} />;
    case 'grids':
      return <GridsPage gridId={route.params.gridId} />;
    case 'about':
      return <AboutPage />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // On a page change, move focus to the new page's main heading so keyboard and screen-reader
  // users start reading at the top of the new content (not on the first render).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo?.(0, 0);
    const main = mainRef.current;
    if (!main) return;
    const before = document.activeElement;
    let focused: HTMLElement | null = null;
    // Runs now and on every change in main until the new page has settled: a lazy page (its code,
    // its texts, its stored data) may show its heading late, or replace it (loading → loaded),
    // and the old page's heading may still be there at first. Focus that was lost (on the body,
    // or on an element that left the page) goes to the current heading; a user who has moved
    // on keeps their place.
    const settle = () => {
      const active = document.activeElement;
      const lost =
        !active ||
        active === document.body ||
        !active.isConnected ||
        (focused === null && active === before);
      if (focused && active !== focused && !lost) return stop();
      const heading = main.querySelector<HTMLElement>('h1');
      if (heading && (heading !== focused || lost)) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
        focused = heading;
      }
    };
    const observer = new MutationObserver(settle);
    const timer = window.setTimeout(() => stop(), 10_000);
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
    }
    observer.observe(main, { childList: true, subtree: true });
    settle();
    return stop;
  }, [route.name, route.params.diagnosticId, route.params.gridId]);

  return (
    <Layout route={route} mainRef={mainRef}>
      <ErrorBoundary resetKey={route.path}>
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <Page route={route} />
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
