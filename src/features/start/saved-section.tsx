import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { effectiveThreshold } from '@/domain/aggregate/anonymity';
import { duplicateDiagnostic } from '@/domain/diagnostic/operations';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  deleteDiagnostic,
  getDiagnostic,
  listDiagnosticSummaries,
  saveDiagnostic,
  type SummaryListResult,
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
  const [list, setList] = useState<SummaryListResult | null>(null);
  const [toDelete, setToDelete] = useState<Diagnostic | null>(null);
  // The private backup asked for: downloaded once the user has read whom it identifies.
  const [toExport, setToExport] = useState<Diagnostic | null>(null);

  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let alive = true;
    // Large diagnostics are listed from their stored summary, without their respondents.
    void listDiagnosticSummaries().then((result) => {
      if (!alive) return;
      setList(result);
      onListed(result.summaries.map((s) => s.diagnostic.id));
    });
    return () => {
      alive = false;
    };
  }, [version, outerVersion, onListed]);

  /**
   * The diagnostic with its respondents: a large one was listed without them. Null when it can
   * no longer be read (the list is read again: it then shows why).
   */
  const whole = async (listed: Diagnostic): Promise<Diagnostic | null> => {
    const summary = list?.summaries.find((s) => s.diagnostic === listed);
    if (!summary || summary.whole) return listed;
    const read = await getDiagnostic(listed.id);
    if (read.ok) return read.diagnostic;
    refresh();
    return null;
  };

  const onDuplicate = async (listed: Diagnostic) => {
    const diagnostic = await whole(listed);
    if (!diagnostic) return;
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
            // Storage failed: what is listed is what this visit holds in memory, whole.
            list.summaries.length > 0
              ? () => list.summaries.forEach((s) => exportDiagnostic(s.diagnostic))
              : undefined
          }
        />
      )}

      <section aria-labelledby="saved-title">
        <h2 id="saved-title">{t('saved.title')}</h2>
        {list === null ? null : list.summaries.length === 0 ? (
          <p>{t('saved.empty')}</p>
        ) : (
          <SavedDiagnostics
            summaries={list.summaries}
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
          const listed = toExport;
          setToExport(null);
          if (listed !== null)
            void whole(listed).then((diagnostic) => diagnostic && exportDiagnostic(diagnostic));
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
