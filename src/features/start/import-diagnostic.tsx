import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ImportDiagnosticProps = { existingIds: string[]; onImported: (message: string) => void };

/** Imports a diagnostic file; a bad file is explained and changes nothing on the device. */
export function ImportDiagnostic({ existingIds, onImported }: ImportDiagnosticProps) {
  const { t } = useTranslation(['start', 'files']);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');

  const onFile = async (file: File) => {
    setError('');
    // The reading and validation code loads with the first file chosen.
    const { importDiagnosticFile } = await import('./import-diagnostic-file');
    const outcome = await importDiagnosticFile(file, existingIds, t);
    if (outcome.ok) onImported(outcome.message);
    else setError(outcome.error);
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
