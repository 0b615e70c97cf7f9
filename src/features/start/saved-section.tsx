import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { effectiveThreshold } from '@/domain/aggregate/anonymity';
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
import { exportDiagnostic } from '@/shared/diagnostic/export-diagnostic';
import { StorageBanner } from '@/shared/diagnostic/storage-banner';
import { SavedDiagnostics } from './saved-diagnostics';

type SavedSectionProps = {
  /** A new value reloads the list (after an import). */
  version: number;
  onMessage: (message: string) => void;
  /** The ids listed, for the import to tell a copy from a new diagnostic. */
  onListed: (ids: string[]) => void;
};

/**
 * The diagnostics saved on this device, with what can be done with each, and the records that
 * could not be read. Its own chunk: it needs storage and validation (zod, the grid loader),
 * which the start page of a device holding no diagnostic does not.
 */
export function SavedSection({ version: outerVersion, onMessage, onListed }: SavedSectionProps) {
  const { t } = useTranslation('start');
  const [list, setList] = useState<ListResult | null>(null);
  const [toDelete, setToDelete] = useState<Diagnostic | null>(null);
  // The private backup asked for: downloaded once the user has read whom it identifies.
  const [toExport, setToExport] = useState<Diagnostic | null>(null);

  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let alive = true;
    void listDiagnostics().then((result) => {
      if (!alive) return;
      setList(result);
      onListed(result.diagnostics.map((d) => d.id));
    });
    return () => {
      alive = false;
    };
  }, [version, outerVersion, onListed]);

  const onDuplicate = async (diagnostic: Diagnostic) => {
    const title = t('saved.duplicateTitle', { title: diagnostic.title });
    await saveDiagnostic(duplicateDiagnostic(diagnostic, { id: newId(), now: nowIso() }, title));
    onMessage(t('saved.duplicated', { title }));
    refresh();
  };

  const onConfirmDelete = async () => {
    if (!toDelete) return;
    const title = toDelete.title;
    setToDelete(null);
    await deleteDiagnostic(toDelete.id);
    onMessage(t('saved.deleted', { title }));
    refresh();
  };

  return (
    <>
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
            onExport={setToExport}
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

      <ConfirmDialog
        open={toExport !== null}
        title={t('saved.confirmExportTitle')}
        body={t('saved.confirmExportBody', {
          title: toExport?.title ?? '',
          threshold: effectiveThreshold(toExport?.anonymityThreshold),
        })}
        confirmLabel={t('saved.confirmExport')}
        onConfirm={() => {
          if (toExport !== null) exportDiagnostic(toExport);
          setToExport(null);
        }}
        onCancel={() => setToExport(null)}
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
    </>
  );
}
