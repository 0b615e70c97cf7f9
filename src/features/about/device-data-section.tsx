import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jsonFileErrorMessage } from '@/i18n/file-errors';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FileButton, FileRefused } from '@/components/file-button';
import {
  buildBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  planRestore,
  resolveRestore,
  serializeBackup,
  type MergeMode,
} from '@/domain/files/backup';
import {
  backupGrids,
  deleteAllData,
  readDeviceData,
  writeRestore,
  type DeviceData,
} from '@/storage/device-data';
import { downloadFile, readFileText } from '@/utils/download';
import { newId, nowIso } from '@/utils/id';
import { RestorePreview, type PendingRestore } from './restore-preview';

/** Downloads a backup of everything on the device; returns the file name. */
function downloadBackup(data: DeviceData, fileName: (date: string) => string): string {
  const now = nowIso();
  const file = fileName(now.slice(0, 10));
  const backup = buildBackup({
    diagnostics: data.diagnostics,
    grids: backupGrids(data.grids),
    createdAt: now,
    appVersion: __APP_VERSION__,
  });
  downloadFile(file, serializeBackup(backup), 'application/json');
  return file;
}

/** Backup of everything in one file, restore with a merge the user chooses, delete everything. */
export function DeviceDataSection() {
  const { t } = useTranslation(['about', 'files', 'start']);
  const { t: tFiles } = useTranslation('files');
  const [data, setData] = useState<DeviceData | null>(null);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [confirm, setConfirm] = useState<'delete' | 'replace' | null>(null);
  const [mode, setMode] = useState<MergeMode>('keepBoth');

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let alive = true;
    void readDeviceData().then((result) => alive && setData(result));
    return () => {
      alive = false;
    };
  }, [version]);

  const counts = (diagnostics: number, grids: number) => ({
    diagnostics: t('data.diagnostics', { count: diagnostics }),
    grids: t('data.grids', { count: grids }),
  });

  const onBackup = async () => {
    const current = await readDeviceData();
    const file = downloadBackup(current, (date) => t('data.backupFileName', { date }));
    setMessage(t('data.backupDone', { file }));
  };

  const onFile = async (file: File) => {
    setError('');
    setMessage('');
    setPending(null);
    const name = file.name;
    const read = await readFileText(file, MAX_BACKUP_BYTES);
    if (!read.ok) {
      setError(t(`files:${read.reason}`, { name, max: MAX_BACKUP_BYTES / 1024 / 1024 }));
      return;
    }
    const parsed = parseBackup(read.text);
    if (!parsed.ok) {
      const { error } = parsed;
      const single = error.code === 'wrongKind' && error.found === 'diagnostic';
      const message = jsonFileErrorMessage(tFiles, name, error);
      setError(single ? `${message} ${t('restore.diagnosticHint')}` : message);
      return;
    }
    const device = await readDeviceData();
    const plan = planRestore(
      {
        diagnostics: device.diagnostics,
        grids: device.grids.map((g) => ({ key: g.key, hash: g.hash })),
      },
      parsed.backup,
    );
    setMode('keepBoth');
    setPending({ fileName: name, backup: parsed.backup, plan });
  };

  const applyRestore = async () => {
    if (!pending) return;
    setConfirm(null);
    const writes = resolveRestore(pending.plan, mode, {
      newId,
      copyTitle: (title) => t('restore.copyTitle', { title }),
    });
    if (writes.replacedDiagnostics.length + writes.replacedGrids.length > 0) {
      // Never lose the device's side: its data is saved to a file before being replaced.
      downloadBackup(await readDeviceData(), (date) => t('data.safetyFileName', { date }));
    }
    const result = await writeRestore(writes);
    if (!result.ok) {
      setError(t('restore.failed', { detail: t(`start:storage.reason.${result.reason}`) }));
      return;
    }
    setPending(null);
    setMessage(
      t('restore.done', {
        written: writes.diagnostics.length + writes.grids.length,
        copies: writes.copies.length,
        replaced: writes.replacedDiagnostics.length + writes.replacedGrids.length,
      }),
    );
    refresh();
  };

  const onRestore = () => {
    if (!pending) return;
    const clashes = pending.plan.clashingDiagnostics.length + pending.plan.clashingGrids.length;
    if (mode === 'replace' && clashes > 0) setConfirm('replace');
    else void applyRestore();
  };

  const onDeleteAll = async () => {
    setConfirm(null);
    setPending(null);
    setError('');
    const result = await deleteAllData();
    if (result.ok) setMessage(t('data.deleted'));
    else setError(t('data.deleteFailed', { detail: t(`start:storage.reason.${result.reason}`) }));
    refresh();
  };

  const total = counts(data?.diagnostics.length ?? 0, data?.grids.length ?? 0);
  const clashing = pending
    ? counts(pending.plan.clashingDiagnostics.length, pending.plan.clashingGrids.length)
    : total;

  return (
    <section id="about-data" aria-labelledby="about-data-title" className="card device-data">
      <h2 id="about-data-title">{t('data.title')}</h2>
      {data && (
        <>
          <p>{t('data.counts', total)}</p>
          {data.unreadable > 0 && (
            <p className="notice notice--warn">
              {t('data.unreadable', { count: data.unreadable })}
            </p>
          )}
          {data.failure && <p className="notice notice--warn">{t('data.refused')}</p>}
        </>
      )}

      <div className="device-data__actions">
        <div>
          <button type="button" className="button button--primary" onClick={() => void onBackup()}>
            {t('data.backup')}
          </button>
          <p className="field__hint">{t('data.backupHint')}</p>
        </div>
        <div>
          <FileButton
            accept=".json,application/json"
            testId="restore-input"
            onFile={(file) => void onFile(file)}
          >
            {t('data.restore')}
          </FileButton>
          <p className="field__hint">{t('data.restoreHint')}</p>
        </div>
        <div>
          <button
            type="button"
            className="button button--danger"
            onClick={() => setConfirm('delete')}
          >
            {t('data.deleteAll')}
          </button>
          <p className="field__hint">{t('data.deleteAllHint')}</p>
        </div>
      </div>

      <FileRefused message={error} />

      {pending && (
        <RestorePreview
          pending={pending}
          mode={mode}
          onMode={setMode}
          onRestore={onRestore}
          onCancel={() => setPending(null)}
        />
      )}

      <p role="status" className="status-line">
        {message}
      </p>

      <ConfirmDialog
        open={confirm === 'delete'}
        title={t('data.confirmDeleteTitle')}
        body={t('data.confirmDeleteBody', total)}
        confirmLabel={t('data.confirmDelete')}
        danger
        onConfirm={() => void onDeleteAll()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === 'replace'}
        title={t('restore.confirmReplaceTitle')}
        body={t('restore.confirmReplaceBody', clashing)}
        confirmLabel={t('restore.confirmReplace')}
        danger
        onConfirm={() => void applyRestore()}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
