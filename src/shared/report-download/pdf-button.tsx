import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '@/domain/report/report-model';
import { DocxButton } from './docx-button';
import { loadPdfRenderer, preloadPdfRenderer, whenPageIdle } from './pdf-preload';
import { useReportDownload } from './use-report-download';

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
  useEffect(() => whenPageIdle(preloadPdfRenderer), []);
  // The renderer is jspdf and the font (`pdf-preload.ts`).
  const { download, working, failed, status } = useReportDownload(model, 'pdf', async () => ({
    render: (await loadPdfRenderer()).renderReportPdf,
    mimeType: 'application/pdf',
  }));
  return (
    <section className="card pdf-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts?.title ?? t('pdf.title')}</h2>
      <p>{texts?.intro ?? t('pdf.intro')}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={download}
        onPointerEnter={preloadPdfRenderer}
        onFocus={preloadPdfRenderer}
        disabled={working}
      >
        {texts?.button ?? t('pdf.button')}
      </button>
      <p role="status" className={failed ? 'field__error' : undefined}>
        {status}
      </p>
      <DocxButton model={model} />
    </section>
  );
}
