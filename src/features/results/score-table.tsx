import { useTranslation } from 'react-i18next';
import type { DimensionReport } from '@/domain/report/report-model';
import { formatPercent } from '@/i18n/format';
import { formatScore, formatShare } from '@/i18n/format-score';
import { shownNumber } from '@/domain/scoring/display';
import { LevelBadge } from './level-badge';
import { TableScroll } from '@/components/table-scroll';

type ScoreTableProps = { caption: string; dimensions: DimensionReport[]; lang: string };

/** The twin table of a grid's radar: every number of the chart, with its reason when missing. */
export function ScoreTable({ caption, dimensions, lang }: ScoreTableProps) {
  const { t } = useTranslation('results');
  const showSpread = dimensions.some((d) => d.spread !== null);
  return (
    <TableScroll>
      <table className="data score-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.dimension')}</th>
            <th scope="col" className="num">
              {t('table.score')}
            </th>
            <th scope="col">{t('table.level')}</th>
            <th scope="col" className="num">
              {t('table.coverage')}
            </th>
            <th scope="col" className="num">
              {t('table.dkRate')}
            </th>
            {showSpread && (
              <th scope="col" className="num">
                {t('table.spread')}
              </th>
            )}
            <th scope="col" className="num">
              {t('table.n')}
            </th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d.id} data-dimension-id={d.id}>
              <th scope="row">{d.label}</th>
              <td
                className="num"
                data-score={d.score === null ? '' : shownNumber(d.score, d.bounds.score).value}
              >
                {d.score === null
                  ? t('insufficient.short')
                  : formatScore(d.score, lang, d.bounds.score)}
              </td>
              <td>
                {d.score === null ? (
                  <em>{t(`insufficient.${d.insufficient ?? 'coverage'}`)}</em>
                ) : (
                  <LevelBadge level={d.level} />
                )}
              </td>
              <td className="num">{formatPercent(d.coverage, lang)}</td>
              <td className="num">{formatShare(d.dkRate, lang, d.bounds.dkRate)}</td>
              {showSpread && (
                <td className="num">
                  {d.spread
                    ? formatScore(d.spread.sd, lang, d.bounds.spread, 'above')
                    : t('insufficient.short')}
                </td>
              )}
              <td className="num">{d.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
