import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import type { Route, RouteName } from './router';

const NAV: { name: RouteName; path: string; key: string }[] = [
  { name: 'start', path: '#/', key: 'nav.start' },
  { name: 'answer', path: '#/answer', key: 'nav.answer' },
  { name: 'results', path: '#/results', key: 'nav.results' },
  { name: 'workshop', path: '#/workshop', key: 'nav.workshop' },
  { name: 'compare', path: '#/compare', key: 'nav.compare' },
  { name: 'grids', path: '#/grids', key: 'nav.grids' },
  { name: 'about', path: '#/about', key: 'nav.about' },
];

/** Pages of charts and tables: on a projector they use the screen's width. */
const WIDE_PAGES: RouteName[] = ['results', 'workshop', 'compare'];

type LayoutProps = { route: Route; mainRef: RefObject<HTMLElement | null>; children: ReactNode };

export function Layout({ route, mainRef, children }: LayoutProps) {
  const { t } = useTranslation();
  const current = route.name === 'new' ? 'start' : route.name;
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="app-title" href="#/">
            <svg aria-hidden="true" viewBox="0 0 64 64" width="28" height="28">
              <polygon
                points="32,6 58,26 48,58 16,58 6,26"
                fill="none"
                stroke="currentColor"
                strokeWidth="5"
              />
              <polygon points="32,22 44,31 39,46 25,46 20,31" fill="currentColor" />
            </svg>
            <span>{t('appName')}</span>
          </a>
          <LanguageSwitch />
        </div>
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {NAV.map((item) => (
              <li key={item.name}>
                <a href={item.path} aria-current={current === item.name ? 'page' : undefined}>
                  {t(item.key as 'nav.start')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={WIDE_PAGES.includes(route.name) ? 'app-main app-main--wide' : 'app-main'}
      >
        {children}
      </main>
      <footer className="app-footer">
        <p>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
            <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5z" fill="currentColor" />
          </svg>{' '}
          {t('footer.privacy')}
        </p>
        <p className="app-footer__meta">{t('footer.version', { version: __APP_VERSION__ })}</p>
      </footer>
    </div>
  );
}
