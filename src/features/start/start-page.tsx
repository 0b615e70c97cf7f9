import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasSavedDiagnostics } from '@/storage/saved-presence';
import { ImportDiagnostic } from './import-diagnostic';

// The list of saved diagnostics needs storage and validation (zod, the grid loader): its own
// chunk, loaded only when the device holds diagnostics. The hero, the start button and, on a
// first visit, the import button render from the entry chunk alone.
const SavedSection = lazy(() =>
  import('./saved-section').then((m) => ({ default: m.SavedSection })),
);

/**
 * Below the hero: the saved diagnostics when there are any, else "none yet"; then the import,
 * which stays in place (and keeps the focus) when an import fills an empty list.
 */
function SavedArea({ onMessage }: { onMessage: (message: string) => void }) {
  const { t } = useTranslation('start');
  const [presence, setPresence] = useState<'checking' | 'none' | 'some'>('checking');
  const [version, setVersion] = useState(0);
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    void hasSavedDiagnostics().then((has) => alive && setPresence(has ? 'some' : 'none'));
    return () => {
      alive = false;
    };
  }, []);

  if (presence === 'checking') return null;
  return (
    <>
      {presence === 'some' ? (
        <Suspense fallback={null}>
          <SavedSection version={version} onMessage={onMessage} onListed={setIds} />
        </Suspense>
      ) : (
        <section aria-labelledby="saved-title">
          <h2 id="saved-title">{t('saved.title')}</h2>
          <p>{t('saved.empty')}</p>
        </section>
      )}
      <ImportDiagnostic
        existingIds={ids}
        onImported={(text) => {
          onMessage(text);
          setPresence('some');
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}

export function StartPage() {
  const { t } = useTranslation('start');
  const [message, setMessage] = useState('');

  return (
    <div className="start">
      <section className="hero">
        <h1>{t('title')}</h1>
        <p className="hero__intro">{t('intro')}</p>
        <p>
          <a className="button button--primary" href="#/new">
            {t('newDiagnostic')}
          </a>
        </p>
        <ul className="audiences">
          {(['company', 'union', 'consultant'] as const).map((audience) => (
            <li key={audience} className="card">
              <h2 className="audiences__title">{t(`audiences.${audience}.title`)}</h2>
              <p>{t(`audiences.${audience}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <p role="status" className="status-line">
        {message}
      </p>

      {/* Its own boundary: the hero stays while the list (or a namespace) loads. */}
      <Suspense fallback={null}>
        <SavedArea onMessage={setMessage} />
      </Suspense>
    </div>
  );
}
