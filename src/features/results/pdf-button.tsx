import i18next from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '@/domain/report/report-model';
import { loadNamespaces } from '@/i18n/i18n';
import { downloadFile } from '@/utils/download';

type PdfButtonProps = {
  model: ReportModel;
  /** Title, introduction and button label when the results page's own do not fit (compare page). */
  texts?: { title: string; intro: string; button: string };
};

/** Builds the PDF on this device; jspdf and the font load only when the button is pressed. */
export function PdfButton({ model, texts }: PdfButtonProps) {
  const { t } = useTranslation('results');
  const headingId = useId();
  const [state, setState] = useState<
    { kind: 'idle' | 'working' } | { kind: 'done' | 'failed'; text: string }
  >({
    kind: 'idle',
  });
  const onClick = async () => {
    setState({ kind: 'working' });
    try {
      // The renderer (jspdf and the font) and the report texts load in parallel, on the click.
      const [{ renderReportPdf }] = await Promise.all([
        import('@/report/render-pdf'),
        loadNamespaces(['report']),
      ]);
      const tr = i18next.getFixedT(model.lang, 'report') as unknown as (
        key: string,
        params?: Record<string, unknown>,
      ) => string;
      const { blob, fileName } = await renderReportPdf(model, tr);
      downloadFile(fileName, blob, 'application/pdf');
      setState({ kind: 'done', text: t('pdf.done', { file: fileName }) });
    } catch (error) {
      setState({
        kind: 'failed',
        text: t('pdf.failed', { detail: error instanceof Error ? error.message : String(error) }),
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
        disabled={state.kind === 'working'}
      >
        {texts?.button ?? t('pdf.button')}
      </button>
      <p role="status" className={state.kind === 'failed' ? 'field__error' : undefined}>
        {state.kind === 'working' ? t('pdf.working') : 'text' in state ? state.text : ''}
      </p>
    </section>
  );
}
