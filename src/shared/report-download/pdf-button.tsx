import i18next from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '@/domain/report/report-model';
import { loadNamespaces } from '@/i18n/i18n';
import { downloadFile } from '@/utils/download';
import { DocxButton } from './docx-button';
import { loadPdfRenderer, preloadPdfRenderer, whenPageIdle } from './pdf-preload';

type PdfButtonProps = {
  model: ReportModel;
  /** Title, introduction and button label when the results page's own do not fit (compare page). */
  texts?: { title: string; intro: string; button: string };
};

/**
 * Builds the PDF on this device. jsPDF and the font are fetched once the page is idle, or when
 * the pointer or the focus reaches the button (pdf-preload.ts), else when it is pressed.
 */
export function PdfButton({ model, texts }: PdfButtonProps) {
  const { t } = useTranslation('results');
  const headingId = useId();
  const [state, setState] = useState<
    // What happened, translated when shown: the status follows a change of language.
    | { kind: 'idle' | 'working' }
    | { kind: 'done'; file: string }
    | { kind: 'failed'; detail: string }
  >({
    kind: 'idle',
  });
  useEffect(() => whenPageIdle(preloadPdfRenderer), []);
  const onClick = async () => {
    setState({ kind: 'working' });
    try {
      // The renderer (jspdf and the font) and the report texts, in parallel if not loaded yet.
      const [{ renderReportPdf }] = await Promise.all([
        loadPdfRenderer(),
        // `kits` for the kit of the diagnostic's purpose (src/report/sections/kits.ts).
        loadNamespaces(['report', 'kits']),
      ]);
      const tr = i18next.getFixedT(model.lang, 'report') as unknown as (
        key: string,
        params?: Record<string, unknown>,
      ) => string;
      const { blob, fileName } = await renderReportPdf(model, tr);
      downloadFile(fileName, blob, 'application/pdf');
      setState({ kind: 'done', file: fileName });
    } catch (error) {
      setState({
        kind: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  };
  return (
    <section className="card pdf-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts?.title ?? t('pdf.title')}</h2>
      <p>{texts?.intro ?? t('pdf.intro')}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void onClick()}
        onPointerEnter={preloadPdfRenderer}
        onFocus={preloadPdfRenderer}
        disabled={state.kind === 'working'}
      >
        {texts?.button ?? t('pdf.button')}
      </button>
      <p role="status" className={state.kind === 'failed' ? 'field__error' : undefined}>
        {state.kind === 'working'
          ? t('pdf.working')
          : state.kind === 'done'
            ? t('pdf.done', { file: state.file })
            : state.kind === 'failed'
              ? t('pdf.failed', { detail: state.detail })
              : ''}
      </p>
      <DocxButton model={model} />
    </section>
  );
}
