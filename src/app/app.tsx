import { Suspense, useEffect, useRef } from 'react';
import { LoadingStatus } from '@/components/loading-status';
import { StartPage } from '@/features/start/start-page';
import { ErrorBoundary } from './error-boundary';
import { useLazyComponent, type LazyComponent } from './lazy-component';
import { Layout } from './layout';
import { PAGE_FILES } from './page-files';
import { PAGES } from './pages';
import { useRoute, type Route, type RouteName } from './router';
import { NotFoundPage } from './not-found-page';

/**
 * A page with its own chunk: rendered at once when its code and texts are loaded (the route in
 * the address starts loading them before the first render, see main.tsx), else once they are;
 * meanwhile a loading line, shown only if the wait lasts.
 */
function LazyPage<P extends object>({
  name,
  page,
  props,
}: {
  name: RouteName;
  page: LazyComponent<P>;
  props: P;
}) {
  const Component = useLazyComponent(page, PAGE_FILES[name]?.namespaces);
  // Not a component made in the render: the page module's own export, loaded once.
  // eslint-disable-next-line react-hooks/static-components
  return Component ? <Component {...props} /> : <LoadingStatus what="page" />;
}

function Page({ route }: { route: Route }) {
  const { name, params } = route;
  switch (name) {
    case 'start':
      return <StartPage />;
    case 'new':
      return <LazyPage name={name} page={PAGES.new} props={{}} />;
    case 'answer':
      return (
        <LazyPage
          name={name}
          page={PAGES.answer}
          props={{ diagnosticId: params.diagnosticId, step: params.step }}
        />
      );
    case 'results':
      return (
        <LazyPage name={name} page={PAGES.results} props={{ diagnosticId: params.diagnosticId }} />
      );
    case 'workshop':
      return (
        <LazyPage
          name={name}
          page={PAGES.workshop}
          props={{ diagnosticId: params.diagnosticId, view: params.view }}
        />
      );
    case 'compare':
      return <LazyPage name={name} page={PAGES.compare} props={{ t0: params.t0, t1: params.t1 }} />;
    case 'grids':
      return <LazyPage name={name} page={PAGES.grids} props={{ gridId: params.gridId }} />;
    case 'about':
      return <LazyPage name={name} page={PAGES.about} props={{}} />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

export function App() {
  const route = useRoute();
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
  }, [route.name, route.params.diagnosticId, route.params.gridId, route.params.view]);

  return (
    <Layout route={route} mainRef={mainRef}>
      <ErrorBoundary resetKey={route.path}>
        {/* For a text file a page did not list in page-files.ts: its wait still shows. */}
        <Suspense fallback={<LoadingStatus what="page" />}>
          <Page route={route} />
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
