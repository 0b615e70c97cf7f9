/** What the diagnostic's context left out of a grid, and why (results page). */
import { useTranslation } from 'react-i18next';
import type { LeftOutReport } from '@/domain/report/report-model';

export function LeftOutList({ entries }: { entries: LeftOutReport[] }) {
  const { t } = useTranslation(['results', 'labels']);
  if (entries.length === 0) return null;
  return (
    <details className="left-out">
      <summary>{t('leftOut.title', { count: entries.length })}</summary>
      <p className="field__hint">{t('leftOut.intro')}</p>
      <ul>
        {entries.map((entry) => (
          <li key={`${entry.kind}-${entry.id}`} data-left-out={entry.id}>
            {t('leftOut.entry', { kind: t(`leftOut.kind.${entry.kind}`), label: entry.label })}
            {entry.dimension
              ? ` ${t('leftOut.inDimension', { dimension: entry.dimension })}`
              : ''}{' '}
            —{' '}
            {t('leftOut.because', {
              reasons: entry.reasons
                .map((reason) => t(`labels:context.reason.${reason}`))
                .join(', '),
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
