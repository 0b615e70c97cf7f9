import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '@/domain/report/report-model';
import { loadNamespaces } from '@/i18n/i18n';
import type { Translate } from '@/report/report-text';
import { downloadFile } from '@/utils/download';

/** A report renderer, loaded on demand: the model and the report's texts in, a file out. */
export type ReportRenderer = {
  render: (model: ReportModel, t: Translate) => Promise<{ blob: Blob; fileName: string }>;
  mimeType: string;
};

/** What happened, translated when shown: the status follows a change of language. */
type DownloadState =
  | { kind: 'idle' | 'working' }
  | { kind: 'done'; file: string }
  | { kind: 'failed'; detail: string };

const STATUS_KEYS = {
  pdf: { working: 'pdf.working', done: 'pdf.done', failed: 'pdf.failed' },
  docx: { working: 'docx.working', done: 'docx.done', failed: 'docx.failed' },
} as const;

/**
 * Builds a report of `model` on this device and downloads it: the renderer (`load`) and the
 * report's texts (`report`, and `kits` for the kit of the diagnostic's purpose) are fetched in
 * parallel when not there yet. Returns the action and the status line to show.
 */
export function useReportDownload(
  model: ReportModel,
  format: keyof typeof STATUS_KEYS,
  load: () => Promise<ReportRenderer>,
) {
  const { t } = useTranslation('results');
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const download = async () => {
    setState({ kind: 'working' });
    try {
      const [{ render, mimeType }] = await Promise.all([
        load(),
        loadNamespaces(['report', 'kits']),
      ]);
      const tr = i18next.getFixedT(model.lang, 'report') as unknown as Translate;
      const { blob, fileName } = await render(model, tr);
      downloadFile(fileName, blob, mimeType);
      setState({ kind: 'done', file: fileName });
    } catch (error) {
      setState({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };
  const keys = STATUS_KEYS[format];
  const status =
    state.kind === 'working'
      ? t(keys.working)
      : state.kind === 'done'
        ? t(keys.done, { file: state.file })
        : state.kind === 'failed'
          ? t(keys.failed, { detail: state.detail })
          : '';
  return {
    download: () => void download(),
    working: state.kind === 'working',
    failed: state.kind === 'failed',
    status,
  };
}
