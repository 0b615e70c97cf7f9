import { useTranslation } from 'react-i18next';
import type { PartialReasons } from '@/domain/report/report-model';

/** How many questions or dimensions are named before « and N more ». */
const SHOWN = 10;

/**
 * « Diagnostic partiel », with why: the questions someone left without an answer and the
 * dimensions without a score (only shown when one of them exists: the model says so).
 */
export function PartialNotice({ reasons }: { reasons: PartialReasons }) {
  const { t } = useTranslation('results');
  const { unanswered, unscored } = reasons;
  return (
    <div className="notice notice--warn" data-testid="partial-notice">
      <p>{t('partialNotice.intro')}</p>
      {unanswered.length > 0 && (
        <>
          <p>{t('partialNotice.unanswered', { count: unanswered.length })}</p>
          <ul>
            {unanswered.slice(0, SHOWN).map((u) => (
              <li key={`${u.gridId}/${u.itemId}`} data-item-id={u.itemId}>
                {t('partialNotice.item', { grid: u.grid, item: u.item, count: u.missing })}
              </li>
            ))}
            {unanswered.length > SHOWN && (
              <li>{t('partialNotice.more', { count: unanswered.length - SHOWN })}</li>
            )}
          </ul>
        </>
      )}
      {unscored.length > 0 && (
        <>
          <p>{t('partialNotice.unscored', { count: unscored.length })}</p>
          <ul>
            {unscored.slice(0, SHOWN).map((u) => (
              <li key={`${u.gridId}/${u.dimensionId}`} data-dimension-id={u.dimensionId}>
                {t('partialNotice.dimension', {
                  grid: u.grid,
                  dimension: u.dimension,
                  reason: t(`insufficient.${u.reason}`),
                })}
              </li>
            ))}
            {unscored.length > SHOWN && (
              <li>{t('partialNotice.more', { count: unscored.length - SHOWN })}</li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
