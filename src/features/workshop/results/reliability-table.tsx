import { useTranslation } from 'react-i18next';
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import { MIN_RESPONDENTS_FOR_ALPHA } from '@/domain/aggregate/reliability';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { formatNumber } from '@/i18n/format';
import { TableScroll } from '@/components/table-scroll';

type ReliabilityTableProps = { grid: Grid; aggregate: GridAggregate; lang: string };

/**
 * Cronbach's α of each dimension, shown once the grid has `MIN_RESPONDENTS_FOR_ALPHA`
 * respondents, with the items that lower it and the usual caution on thresholds.
 */
export function ReliabilityTable({ grid, aggregate, lang }: ReliabilityTableProps) {
  const { t } = useTranslation('workshop');
  if (aggregate.respondents < MIN_RESPONDENTS_FOR_ALPHA) return null;
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, lang, grid.languages.default);
  const title = text(grid.title);
  const dimensionLabel = new Map(grid.dimensions.map((d) => [d.id, text(d.label)]));
  const itemText = new Map(
    grid.dimensions.flatMap((d) => d.items.map((item) => [item.id, text(item.text)] as const)),
  );
  const alpha = (value: number) => formatNumber(value, lang, 2);
  return (
    <div className="reliability" data-testid="reliability">
      <TableScroll>
        <table className="data data--compact" data-testid="reliability-table">
          <caption>{t('reliability.caption', { grid: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('aggregate.dimension')}</th>
              <th scope="col" className="num">
                {t('reliability.alpha')}
              </th>
              <th scope="col" className="num">
                {t('reliability.completeCases')}
              </th>
              <th scope="col">{t('reliability.lowering')}</th>
            </tr>
          </thead>
          <tbody>
            {aggregate.reliability.map((d) => (
              <tr key={d.dimensionId} data-dimension-id={d.dimensionId}>
                <th scope="row">{dimensionLabel.get(d.dimensionId)}</th>
                <td className="num">
                  {d.alpha !== null
                    ? alpha(d.alpha)
                    : d.items < 2
                      ? t('reliability.oneItem')
                      : d.completeCases < MIN_RESPONDENTS_FOR_ALPHA
                        ? t('reliability.tooFew', { count: MIN_RESPONDENTS_FOR_ALPHA })
                        : t('reliability.noVariance')}
                </td>
                <td className="num">{d.completeCases}</td>
                <td>
                  {d.lowering.length === 0 ? (
                    t('reliability.none')
                  ) : (
                    <ul className="reliability__items">
                      {d.lowering.map((item) => (
                        <li key={item.itemId}>
                          {t('reliability.item', {
                            text: itemText.get(item.itemId) ?? item.itemId,
                            alpha: alpha(item.alphaIfDeleted!),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="reliability__caution">{t('reliability.caution')}</p>
    </div>
  );
}
