import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { duplicateDiagnostic } from '@/domain/diagnostic/operations';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  deleteDiagnostic,
  listDiagnostics,
  saveDiagnostic,
  type ListResult,
} from '@/storage/diagnostics-store';
import { newId, nowIso } from '@/utils/id';
import { downloadFile } from '@/utils/download';
import { exportDiagnostic } from '@/features/diagnostic/export-diagnostic';
import { StorageBanner } from '@/features/diagnostic/storage-banner';
import { SavedDiagnostics } from './saved-diagnostics';
import { ImportDiagnostic } from './import-diagnostic';

export function StartPage() {
  const { t } = useTranslation('start');
  const [list, setList] = useState<ListResult | null>(null);
  const [toDelete, setToDelete] = useState<Diagnostic | null>(null);
  const [message, setMessage] = useState('');

  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let alive = true;
    void listDiagnostics().then((result) => alive && setList(result));
    return () => {
      alive = false;
    };
  }, [version]);

  const onDuplicate = async (diagnostic: Diagnostic) => {
    const title = t('saved.duplicateTitle', { title: diagnostic.title });
    await saveDiagnostic(duplicateDiagnostic(diagnostic, { id: newId(), now: nowIso() }, title));
    setMessage(t('saved.duplicated', { title }));
    refresh();
  };

  const onConfirmDelete = async () => {
    if (!toDelete) return;
    const title = toDelete.title;
    setToDelete(null);
    await deleteDiagnostic(toDelete.id);
    setMessage(t('saved.deleted', { title }));
    refresh();
  };

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

      {list && !list.ok && (
        <StorageBanner
          failure={list.failure}
          onExport={
            list.diagnostics.length > 0
              ? () => list.diagnostics.forEach((d) => exportDiagnostic(d))
              : undefined
          }
        />
      )}

      <section aria-labelledby="saved-title">
        <h2 id="saved-title">{t('saved.title')}</h2>
        {list === null ? null : list.diagnostics.length === 0 ? (
          <p>{t('saved.empty')}</p>
        ) : (
          <SavedDiagnostics
            diagnostics={list.diagnostics}
            onDuplicate={(d) => void onDuplicate(d)}
            onExport={exportDiagnostic}
            onDelete={setToDelete}
          />
        )}
        {list && list.rejected.length > 0 && (
          <div className="notice notice--warn">
            <h3>{t('saved.rejectedTitle')}</h3>
            <p>{t('saved.rejectedBody')}</p>
            <ul>
              {list.rejected.map((r) => (
                <li key={r.key}>
                  {t('saved.rejectedItem', { key: r.key, detail: r.detail })}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      downloadFile(
                        `record-${r.key}.json`,
                        JSON.stringify(r.raw, null, 2),
                        'application/json',
                      )
                    }
                  >
                    {t('saved.rejectedDownload', { key: r.key })}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() => void deleteDiagnostic(r.key).then(refresh)}
                  >
                    {t('saved.rejectedDelete', { key: r.key })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <ImportDiagnostic
        existingIds={list?.diagnostics.map((d) => d.id) ?? []}
        onImported={(text) => {
          setMessage(text);
          refresh();
        }}
      />

      <ConfirmDialog
        open={toDelete !== null}
        title={t('saved.confirmDeleteTitle')}
        body={t('saved.confirmDeleteBody', { title: toDelete?.title ?? '' })}
        confirmLabel={t('saved.delete')}
        danger
        onConfirm={() => void onConfirmDelete()}
        onCancel={() => setToDelete(null)}
      />
    </div>
  );
}
