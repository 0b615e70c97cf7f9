import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '@/domain/report/report-model';
import { loadNamespaces } from '@/i18n/i18n';
import { downloadFile } from '@/utils/download';
import type * as DocxRenderer from '@/report/render-docx';

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
  const [state, setState] = useState<
    // What happened, translated when shown: the status follows a change of language.
    | { kind: 'idle' | 'working' }
    | { kind: 'done'; file: string }
    | { kind: 'failed'; detail: string }
  >({ kind: 'idle' });
  const onClick = async () => {
    setState({ kind: 'working' });
    try {
      const [{ renderReportDocx, DOCX_TYPE }] = await Promise.all([
        loadDocxRenderer(),
        // `kits` for the kit of the diagnostic's purpose (src/report/sections/kits.ts).
        loadNamespaces(['report', 'kits']),
      ]);
      const tr = i18next.getFixedT(model.lang, 'report') as unknown as (
        key: string,
        params?: Record<string, unknown>,
      ) => string;
      const { blob, fileName } = await renderReportDocx(model, tr);
      downloadFile(fileName, blob, DOCX_TYPE);
      setState({ kind: 'done', file: fileName });
    } catch (error) {
      setState({
        kind: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  };
  return (
    <div className="docx-download">
      <p>{t('docx.intro')}</p>
      <button
        type="button"
        className="button"
        onClick={() => void onClick()}
        disabled={state.kind === 'working'}
      >
        {t('docx.button')}
      </button>
      <p role="status" className={state.kind === 'failed' ? 'field__error' : undefined}>
        {state.kind === 'working'
          ? t('docx.working')
          : state.kind === 'done'
            ? t('docx.done', { file: state.file })
            : state.kind === 'failed'
              ? t('docx.failed', { detail: state.detail })
              : ''}
      </p>
    </div>
  );
}
