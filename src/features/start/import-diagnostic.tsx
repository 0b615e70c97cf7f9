import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileButton, FileRefused } from '@/components/file-button';

type ImportDiagnosticProps = { existingIds: string[]; onImported: (message: string) => void };

/** Imports a diagnostic file; a bad file is explained and changes nothing on the device. */
export function ImportDiagnostic({ existingIds, onImported }: ImportDiagnosticProps) {
  const { t } = useTranslation(['start', 'files']);
  const { t: tFiles } = useTranslation('files');
  const inputId = useId();
  const [error, setError] = useState('');

  const onFile = async (file: File) => {
    setError('');
    // The reading and validation code loads with the first file chosen.
    const { importDiagnosticFile } = await import('./import-diagnostic-file');
    const outcome = await importDiagnosticFile(file, existingIds, t, tFiles);
    if (outcome.ok) onImported(outcome.message);
    else setError(outcome.error);
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="card">
      <h2 id={`${inputId}-title`}>{t('import.title')}</h2>
      <p>{t('import.body')}</p>
      <FileButton
        accept=".json,application/json"
        testId="import-diagnostic-input"
        onFile={(file) => void onFile(file)}
      >
        {t('import.button')}
      </FileButton>
      <FileRefused message={error} />
    </section>
  );
}
