import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from '@/app/router';
import type { Respondent } from '@/domain/diagnostic/diagnostic';
import { getDiagnostic } from '@/storage/diagnostics-store';
import type { QrImagesResult } from './qr-images';

type Shown = Extract<QrImagesResult, { ok: true }>;

/**
 * For a participant answering on their own device: shows their answers as QR codes, one at a
 * time, for the facilitator's device to read (no network). No pseudonym, no date. The answers
 * come from `respondent` (the newest), the diagnostic's id and grids from storage.
 */
export function QrHandoverButton({ respondent }: { respondent: Respondent }) {
  const { t } = useTranslation('answer');
  const diagnosticId = useRoute().params.diagnosticId;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const onClick = async () => {
    // Not disabled while busy: a disabled button loses the focus, which must come back to it.
    if (busy) return;
    setError('');
    setBusy(true);
    try {
      const stored = diagnosticId ? await getDiagnostic(diagnosticId) : null;
      if (!stored?.ok) {
        setError(t('qr.failed'));
        return;
      }
      // The encoder and the QR library load on the click: the answer page does not carry them.
      const { buildQrImages } = await import('./qr-images');
      const result = await buildQrImages(stored.diagnostic, respondent);
      if (result.ok) setShown(result);
      else setError(t(`qr.${result.code}`));
    } catch {
      setError(t('qr.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-mine">
      <p className="field__hint">{t('qr.hint')}</p>
      <button ref={opener} type="button" className="button" onClick={() => void onClick()}>
        {t('qr.button')}
      </button>
      <p role="status" className={error ? 'field__error' : 'status-line'}>
        {busy ? t('qr.preparing') : error}
      </p>
      {shown && (
        <QrDialog
          shown={shown}
          onClose={() => {
            setShown(null);
            opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}

/** The codes, one at a time, large, with what they hold; a modal <dialog>, Escape closes. */
function QrDialog({ shown, onClose }: { shown: Shown; onClose: () => void }) {
  const { t } = useTranslation('workshop');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [index, setIndex] = useState(0);
  const total = shown.images.length;
  const close = () => {
    // Closed first: focus cannot move outside a modal dialog while it is open.
    const dialog = ref.current;
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    onClose();
  };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog qr-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>{t('handover.title')}</h2>
      <p>{t('handover.contents')}</p>
      <p>
        <strong>{t('handover.showOnly')}</strong>
      </p>
      <p>
        {t('handover.answered', { count: shown.answered })}{' '}
        {shown.commentsLeftOut ? t('handover.commentsLeftOut') : ''}
      </p>
      <figure className="qr-dialog__code">
        <img
          src={shown.images[index]}
          alt={t('handover.alt', { n: index + 1, total })}
          data-testid="qr-code-image"
        />
        <figcaption aria-live="polite">
          {t('handover.position', { n: index + 1, total })}
        </figcaption>
      </figure>
      <div className="button-row">
        {total > 1 && (
          <>
            <button
              type="button"
              className="button"
              disabled={index === 0}
              onClick={() => setIndex((i) => Math.max(0, i - 1))}
            >
              {t('handover.previous')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={index === total - 1}
              onClick={() => setIndex((i) => Math.min(total - 1, i + 1))}
            >
              {t('handover.next')}
            </button>
          </>
        )}
        <button type="button" className="button" onClick={close}>
          {t('handover.close')}
        </button>
      </div>
    </dialog>
  );
}
