import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingStatus } from '@/components/loading-status';
import type { DiagnosticSession } from './use-diagnostic';

type Ready = Extract<DiagnosticSession, { status: 'ready' }>;

type DiagnosticGateProps = {
  session: DiagnosticSession;
  emptyTitle: string;
  children: (ready: Ready) => ReactNode;
};

/** Renders a page once its diagnostic is loaded, and a clear message for every other state. */
export function DiagnosticGate({ session, emptyTitle, children }: DiagnosticGateProps) {
  const { t } = useTranslation(['answer', 'common', 'start']);
  switch (session.status) {
    case 'loading':
      return <LoadingStatus what="diagnostic" />;
    case 'missing':
      return (
        <section>
          <h1>{emptyTitle}</h1>
          <p>{t('noDiagnostic.body')}</p>
          <p className="button-row">
            <a className="button button--primary" href="#/new">
              {t('noDiagnostic.start')}
            </a>
            <a className="button" href="#/">
              {t('noDiagnostic.home')}
            </a>
          </p>
        </section>
      );
    case 'notFound':
    case 'invalid':
    case 'error':
      return (
        <section>
          <h1>{emptyTitle}</h1>
          <p className="notice notice--error" role="alert">
            {session.status === 'notFound'
              ? t('notFound')
              : session.status === 'invalid'
                ? t('invalid', { detail: session.detail })
                : `${t(`start:storage.reason.${session.failure.reason}`)} ${t('start:storage.failedBody')}`}
          </p>
          <p>
            <a className="button" href="#/">
              {t('noDiagnostic.home')}
            </a>
          </p>
        </section>
      );
    case 'ready':
      return <>{children(session)}</>;
  }
}
