import { useTranslation } from 'react-i18next';
import type { ReportModel } from '@/domain/report/report-model';
import type * as DocxRenderer from '@/report/render-docx';
import { useReportDownload } from './use-report-download';

/** The renderer module (`docx` and the chart drawing): fetched only when the button is pressed. */
function loadDocxRenderer(): Promise<typeof DocxRenderer> {
  return import('@/report/render-docx');
}

/**
 * The same report as an editable Word document (.docx), built on this device from the same
 * report model as the PDF. Nothing of it is fetched before the user asks for it.
 */
export function DocxButton({ model }: { model: ReportModel }) {
  const { t } = useTranslation('results');
  const { download, working, failed, status } = useReportDownload(model, 'docx', async () => {
    const { renderReportDocx, DOCX_TYPE } = await loadDocxRenderer();
    return { render: (m, tr) => renderReportDocx(m, tr), mimeType: DOCX_TYPE };
  });
  return (
    <div className="docx-download">
      <p>{t('docx.intro')}</p>
      <button type="button" className="button" onClick={download} disabled={working}>
        {t('docx.button')}
      </button>
      <p role="status" className={failed ? 'field__error' : undefined}>
        {status}
      </p>
    </div>
  );
}
