import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDiagnosticFile, MAX_IMPORT_BYTES } from '@/domain/files/parse-diagnostic-file';
import { resolveGrids } from '@/features/diagnostic/resolve-grids';
import { saveDiagnostic } from '@/storage/diagnostics-store';
import { readFileText } from '@/utils/download';
import { newId } from '@/utils/id';

type ImportDiagnosticProps = { existingIds: string[]; onImported: (message: string) => void };

/** Imports a diagnostic file; a bad file is explained and changes nothing on the device. */
export function ImportDiagnostic({ existingIds, onImported }: ImportDiagnosticProps) {
  const { t } = useTranslation(['start', 'files']);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');

  const onFile = async (file: File) => {
    setError('');
    const name = file.name;
    const read = await readFileText(file, MAX_IMPORT_BYTES);
    if (!read.ok) {
      setError(t(`files:${read.reason}`, { name, max: MAX_IMPORT_BYTES / 1024 / 1024 }));
      return;
    }
    const parsed = parseDiagnosticFile(read.text);
    if (!parsed.ok) {
      setError(
        parsed.code === 'invalidJson'
          ? t('files:invalidJson', { name })
          : t('files:notDiagnostic', { name, detail: parsed.detail }),
      );
      return;
    }
    const { broken } = resolveGrids(parsed.diagnostic);
    if (broken.length > 0) {
      setError(t('files:brokenGrid', { name, grid: broken.join(', ') }));
      return;
    }
    const clash = existingIds.includes(parsed.diagnostic.id);
    const diagnostic = clash ? { ...parsed.diagnostic, id: newId() } : parsed.diagnostic;
    await saveDiagnostic(diagnostic);
    onImported(t(clash ? 'import.doneAsCopy' : 'import.done', { title: diagnostic.title }));
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="card">
      <h2 id={`${inputId}-title`}>{t('import.title')}</h2>
      <p>{t('import.body')}</p>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {t('import.button')}
      </button>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-diagnostic-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void onFile(file);
          e.target.value = '';
        }}
      />
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          <p>{t('files:nothingChanged')}</p>
        </div>
      )}
    </section>
  );
}
