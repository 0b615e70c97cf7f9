import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridAggregate, ItemAggregate } from '@/domain/aggregate/aggregate-grid';
import type { Grid, Item, Scale } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { TOPIC_LIMITS } from '@/domain/report/workshop-report';
import { formatScore, formatShown } from '@/i18n/format-score';
import { boundsOf, dimensionBounds, shownPair, type Split } from '@/domain/scoring/display';
import { TableScroll } from '@/components/table-scroll';

/** How many of each kind of divergence are shown per grid: the same numbers as the PDF. */
const { dimensions: TOP_DIMENSIONS, roleGaps: TOP_GAPS, items: TOP_ITEMS } = TOPIC_LIMITS;

type DiscussionTopicsProps = { grid: Grid; aggregate: GridAggregate; lang: string };

/**
 * "Topics for discussion": where views diverge most — dimensions and items with the largest
 * standard deviation, and the largest gaps between two visible roles — each item with the
 * distribution of its answers, to start a discussion on real work.
 */
export const DiscussionTopics = memo(function DiscussionTopics({
  grid,
  aggregate,
  lang,
}: DiscussionTopicsProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, lang, grid.languages.default);
  const title = text(grid.title);
  const dimensionLabel = new Map(grid.dimensions.map((d) => [d.id, text(d.label)]));
  const items = new Map(grid.dimensions.flatMap((d) => d.items.map((i) => [i.id, i] as const)));
  const itemAggregates = new Map(aggregate.items.map((i) => [i.itemId, i]));
  const scales = new Map(grid.scales.map((s) => [s.id, s]));
  // Display rule (docs/scoring.md), as in the PDF: whole points, decimals only near a bound.
  const bounds = dimensionBounds(grid);
  const n = (value: number, against: readonly number[] = [], split: Split = 'atLeast') =>
    formatScore(value, lang, against, split);
  const { dimensions, roleGaps } = aggregate.divergence;
  const topItems = aggregate.divergence.items.slice(0, TOP_ITEMS);

  return (
    <section
      // Named with the section's own title too: the grid's title alone also names its radar's
      // section (axe landmark-unique).
      aria-labelledby={`topics-title topics-${grid.id}-title`}
      className="card topics"
      data-testid={`topics-${grid.id}`}
    >
      <h3 id={`topics-${grid.id}-title`}>{title}</h3>
      {dimensions.length === 0 && topItems.length === 0 ? (
        <p>{t('topics.none')}</p>
      ) : (
        <>
          <div className="topics__lists">
            <div>
              <h4>{t('topics.dimensions')}</h4>
              <ol>
                {dimensions.slice(0, TOP_DIMENSIONS).map((d) => (
                  <li key={d.dimensionId}>
                    {t('topics.dimension', {
                      dimension: dimensionLabel.get(d.dimensionId) ?? d.dimensionId,
                      sd: n(d.sd, boundsOf(bounds, grid, d.dimensionId).spread, 'above'),
                      mean: n(d.mean, boundsOf(bounds, grid, d.dimensionId).score),
                      n: d.n,
                    })}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h4>{t('topics.roleGaps')}</h4>
              {roleGaps.length === 0 ? (
                <p>{t('topics.noRoleGaps')}</p>
              ) : (
                <ol>
                  {roleGaps.slice(0, TOP_GAPS).map((g) => {
                    // The gap is the difference of the two means shown (docs/scoring.md).
                    const b = boundsOf(bounds, grid, g.dimensionId);
                    const shown = shownPair(
                      { value: g.meanA, bounds: b.score },
                      { value: g.meanB, bounds: b.score },
                      b.roleGap,
                    );
                    return (
                      <li key={g.dimensionId}>
                        {t('topics.roleGap', {
                          dimension: dimensionLabel.get(g.dimensionId) ?? g.dimensionId,
                          roleA: t(`labels:role.${g.roleA}`),
                          meanA: formatShown(shown.a, lang),
                          roleB: t(`labels:role.${g.roleB}`),
                          meanB: formatShown(shown.b, lang),
                          gap: formatShown(shown.difference, lang),
                        })}
                      </li>
                    );
                  })}
                </ol>
              )}
            </div>
          </div>
          {topItems.length > 0 && (
            <>
              <h4>{t('topics.items')}</h4>
              <ol className="topics__items">
                {topItems.map((entry) => {
                  const item = items.get(entry.itemId);
                  const agg = itemAggregates.get(entry.itemId);
                  const scale = item ? scales.get(item.scale) : undefined;
                  if (!item || !agg || !scale) return null;
                  return (
                    <li key={entry.itemId} data-item-id={entry.itemId}>
                      <p className="topics__item-text">
                        <strong>{text(item.text)}</strong>{' '}
                        <span className="topics__item-meta">
                          ({dimensionLabel.get(entry.dimensionId)} —{' '}
                          {t('topics.item', { sd: n(entry.sd), mean: n(entry.mean), n: entry.n })})
                        </span>
                      </p>
                      <Distribution item={item} scale={scale} aggregate={agg} text={text} />
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
});

type DistributionProps = {
  item: Item;
  scale: Scale;
  aggregate: ItemAggregate;
  text: (value: Parameters<typeof pickText>[0]) => string;
};

function Distribution({ item, scale, aggregate, text }: DistributionProps) {
  const { t } = useTranslation(['workshop', 'labels']);
  const { distribution } = aggregate;
  const rows = [
    ...distribution.values.map((v, i) => ({
      key: `v${v.value}`,
      label: scale.points[i] ? `${text(scale.points[i].label)} (${v.value})` : String(v.value),
      count: v.count,
    })),
    ...(scale.allowDontKnow || distribution.dk > 0
      ? [{ key: 'dk', label: t('labels:answer.dk'), count: distribution.dk }]
      : []),
    ...(scale.allowNotApplicable || distribution.na > 0
      ? [{ key: 'na', label: t('labels:answer.na'), count: distribution.na }]
      : []),
    ...(distribution.missing > 0
      ? [{ key: 'missing', label: t('topics.missing'), count: distribution.missing }]
      : []),
  ];
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <TableScroll>
      <table className="data data--compact distribution">
        <caption className="visually-hidden">
          {t('topics.distribution', { item: text(item.text) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('topics.answer')}</th>
            <th scope="col" className="num">
              {t('topics.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num distribution__cell">
                {r.count > 0 && (
                  <span
                    className="distribution__bar"
                    style={{ width: `${(r.count / max) * 100}%` }}
                    aria-hidden="true"
                  />
                )}
                <span className="distribution__count">{r.count}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
