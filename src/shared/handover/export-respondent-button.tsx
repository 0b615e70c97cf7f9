import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from '@/app/router';
import type { Respondent } from '@/domain/diagnostic/diagnostic';
import { getDiagnostic } from '@/storage/diagnostics-store';

/** The part of a participant's file name that tells it apart: « participant- » and 8 characters. */
export function respondentFilePart(respondentId: string): string {
  const id = respondentId.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `participant-${id.slice(0, 8) || 'x'}`;
}

/**
 * For a participant answering on their own device: downloads their answers as a response file
 * for the facilitator (no pseudonym). The answers come from `respondent` (the newest, possibly
 * not yet saved); the diagnostic's id, title and grids from storage.
 */
export function ExportRespondentButton({ respondent }: { respondent: Respondent }) {
  const { t } = useTranslation('workshop');
  const diagnosticId = useRoute().params.diagnosticId;
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const onClick = async () => {
    const stored = diagnosticId ? await getDiagnostic(diagnosticId) : null;
    if (!stored?.ok) {
      setStatus({ ok: false, text: t('mine.failed') });
      return;
    }
    // The response-file code loads on the click: the answer page does not carry it.
    const { downloadResponseFile } = await import('./export-files');
    // Each participant's file its own name (the facilitator collects them in one folder):
    // the start of the respondent's random id, never their pseudonym.
    const name = downloadResponseFile(
      { ...stored.diagnostic, respondents: [respondent] },
      undefined,
      respondentFilePart(respondent.id),
    );
    setStatus({ ok: true, text: t('mine.done', { file: name }) });
  };

  return (
    <div className="export-mine">
      <p className="field__hint">{t('mine.hint')}</p>
      <button type="button" className="button" onClick={() => void onClick()}>
        {t('mine.button')}
      </button>
      <p role="status" className={status && !status.ok ? 'field__error' : 'status-line'}>
        {status?.text ?? ''}
      </p>
    </div>
  );
}
