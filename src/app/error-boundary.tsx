import { Component, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { exportDiagnostic } from '@/shared/diagnostic/export-diagnostic';

type ErrorBoundaryProps = { children: ReactNode; resetKey: string };
type ErrorBoundaryState = { error: Error | null; resetKey: string };

/**
 * Catches a page that fails to render (a bug, or a chunk that could not load) so the app never
 * shows a blank screen: the shell stays, a translated message says what happened, and the user
 * can export every diagnostic, reload or go home. Stored data is never touched. A new `resetKey`
 * (the route) clears the error, without remounting the page on ordinary navigation. React
 * itself logs the error to the console.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    return this.state.error ? <PageCrashed error={this.state.error} /> : this.props.children;
  }
}

/** True for a lazy page or library that failed to download (offline, or replaced by an update). */
function isChunkError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically|ChunkLoadError/i.test(
    `${error.name} ${error.message}`,
  );
}

/** The message shown in place of a page that failed. */
export function PageCrashed({ error }: { error: Error }) {
  const { t } = useTranslation('recovery');
  const [status, setStatus] = useState('');
  const onExport = async () => {
    // Storage (with zod) is not in the entry chunk; every page that shows diagnostics has
    // already loaded it, so this import is then served from the module map, without a request.
    const { listDiagnostics } = await import('@/storage/diagnostics-store');
    const list = await listDiagnostics();
    list.diagnostics.forEach((d) => exportDiagnostic(d));
    setStatus(
      list.diagnostics.length === 0
        ? t('exportNone')
        : t('exported', { count: list.diagnostics.length }),
    );
  };
  return (
    <section
      className="notice notice--error page-crashed"
      role="alert"
      aria-labelledby="crash-title"
    >
      <h1 id="crash-title">{t('title')}</h1>
      <p>{isChunkError(error) ? t('chunk') : t('body')}</p>
      <p className="field__hint">{t('detail', { detail: error.message || error.name })}</p>
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={() => void onExport()}>
          {t('export')}
        </button>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('reload')}
        </button>
        <a className="button" href="#/">
          {t('home')}
        </a>
      </p>
      <p className="field__hint">{t('exportHint')}</p>
      <p role="status">{status}</p>
    </section>
  );
}
