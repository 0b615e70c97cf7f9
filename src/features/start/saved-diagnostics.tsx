import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { overallProgress, respondentProgress } from '@/domain/diagnostic/operations';
import { resolveGrids } from '@/shared/diagnostic/resolve-grids';
import { pickText } from '@/domain/grid/text';
import { currentLanguage } from '@/i18n/i18n';
import { formatDateTime, formatPercent } from '@/i18n/format';
import type { DiagnosticSummary } from '@/storage/diagnostics-store';

type SavedDiagnosticsProps = {
  /** As listed: a large diagnostic as its stored head and summary (`listDiagnosticSummaries`). */
  summaries: DiagnosticSummary[];
  onDuplicate: (d: Diagnostic) => void;
  onExport: (d: Diagnostic) => void;
  onDelete: (d: Diagnostic) => void;
};

function summarise(summary: DiagnosticSummary, lang: string) {
  const { diagnostic } = summary;
  const grids = resolveGrids(diagnostic).grids.map((g) => g.grid);
  const titles = grids.map((g) => pickText(g.title, lang, g.languages.default));
  // A large diagnostic's count and progress were stored with it: its respondents are not read.
  if (!summary.whole) return { progress: summary.progress, titles, count: summary.respondents };
  const shares = diagnostic.respondents.map((r) => overallProgress(respondentProgress(r, grids)));
  const progress = shares.length === 0 ? 0 : shares.reduce((a, b) => a + b, 0) / shares.length;
  return { progress, titles, count: shares.length };
}

/** The diagnostics saved on this device, with what each one is and what can be done with it. */
export function SavedDiagnostics({
  summaries: listed,
  onDuplicate,
  onExport,
  onDelete,
}: SavedDiagnosticsProps) {
  const { t } = useTranslation(['start', 'labels']);
  const lang = currentLanguage();
  const summaries = useMemo(
    () => new Map(listed.map((s) => [s.diagnostic.id, summarise(s, lang)])),
    [listed, lang],
  );
  return (
    <ul className="saved-list">
      {listed.map(({ diagnostic: d }) => {
        const summary = summaries.get(d.id) ?? { progress: 0, titles: [], count: 0 };
        const title = d.title;
        return (
          <li key={d.id} className="card saved-item">
            <h3 className="saved-item__title">{title}</h3>
            <dl className="saved-item__facts">
              <div>
                <dt>{t('saved.purpose')}</dt>
                <dd>{t(`labels:purpose.${d.purpose}`)}</dd>
              </div>
              <div>
                <dt>{t('saved.grids')}</dt>
                <dd>{summary.titles.join(' · ')}</dd>
              </div>
              <div>
                <dt>{t('saved.respondents')}</dt>
                <dd>{t('saved.respondentsCount', { count: summary.count })}</dd>
              </div>
              <div>
                <dt>{t('saved.progress')}</dt>
                <dd>{formatPercent(summary.progress, lang)}</dd>
              </div>
              <div>
                <dt>{t('saved.updated')}</dt>
                <dd>
                  <time dateTime={d.updatedAt}>{formatDateTime(d.updatedAt, lang)}</time>
                </dd>
              </div>
            </dl>
            <div className="button-row">
              <a
                className="button button--primary button--small"
                href={`#/answer/${encodeURIComponent(d.id)}`}
                aria-label={t('saved.resumeLabel', { title })}
              >
                {t('saved.resume')}
              </a>
              <a
                className="button button--small"
                href={`#/results/${encodeURIComponent(d.id)}`}
                aria-label={t('saved.resultsLabel', { title })}
              >
                {t('saved.results')}
              </a>
              <button
                type="button"
                className="button button--small"
                onClick={() => onDuplicate(d)}
                aria-label={t('saved.duplicateLabel', { title })}
              >
                {t('saved.duplicate')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => onExport(d)}
                aria-label={t('saved.exportLabel', { title })}
              >
                {t('saved.export')}
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => onDelete(d)}
                aria-label={t('saved.deleteLabel', { title })}
              >
                {t('saved.delete')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
