import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import type { Role } from '@/domain/answers/answers';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { formatPercent } from '@/i18n/format';
import { formatScore } from '@/i18n/format-score';
import { boundsOf, dimensionBounds, type Split } from '@/domain/scoring/display';
import { TableScroll } from '@/components/table-scroll';
import { ScoreRadar } from '@/shared/charts/radar-chart';
import { ReliabilityTable } from './reliability-table';

/** Overall series colour (the radar's own) and one colour per role; names always go with them. */
export const ALL_COLOR = '#1d4ed8';
export const ROLE_COLORS: Record<Role, string> = {
  management: '#7c3aed',
  manager: '#b45309',
  employee: '#15803d',
  representative: '#b3261e',
  other: '#475569',
};

type GridAggregateViewProps = { grid: Grid; aggregate: GridAggregate; lang: string };

/**
 * One grid in the workshop: the radar of the mean per dimension with the visible roles overlaid,
 * and its twin tables (spread of everyone; mean per visible role). Masked roles are not in
 * `aggregate.roles`, so nothing here can show them.
 */
export const GridAggregateView = memo(function GridAggregateView({
  grid,
  aggregate,
  lang,
}: GridAggregateViewProps) {
  const { t } = useTranslation(['workshop', 'labels', 'results']);
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, lang, grid.languages.default);
  const title = text(grid.title);
  const labels = new Map(grid.dimensions.map((d) => [d.id, text(d.label)]));
  // Display rule (docs/scoring.md): whole points, decimals only near a bound the figure is
  // compared with (band bounds and condition thresholds for means, spread thresholds for sd).
  const bounds = dimensionBounds(grid);
  const num = (
    value: number | null | undefined,
    against: readonly number[] = [],
    split: Split = 'atLeast',
  ) =>
    value === null || value === undefined
      ? t('results:insufficient.short')
      : formatScore(value, lang, against, split);
  const series = aggregate.roles.map((r) => ({
    key: r.role,
    name: t(`labels:role.${r.role}`),
    color: ROLE_COLORS[r.role],
    values: r.dimensions.map((d) => d.score),
  }));
  const hasData = aggregate.dimensions.some((d) => d.stats !== null);
  // A role not asked a dimension (by its role conditions) has no score there, and none missing.
  const notAsked = (role: (typeof aggregate.roles)[number], index: number) =>
    role.dimensions[index]?.asked === 0;
  const someNotAsked = aggregate.roles.some((r) => r.dimensions.some((_, i) => notAsked(r, i)));

  return (
    <section
      id={`workshop-grid-${grid.id}`}
      // With the section's title: the grid's title alone also names its topics (landmark-unique).
      aria-labelledby={`aggregate-title workshop-grid-${grid.id}-title`}
      className="card"
      data-grid-id={grid.id}
    >
      <h3 id={`workshop-grid-${grid.id}-title`}>{title}</h3>
      {!hasData ? (
        <p>{t('aggregate.noData')}</p>
      ) : (
        <>
          <div className="chart-and-table">
            <figure className="chart">
              <ScoreRadar
                data={aggregate.dimensions.map((d) => ({
                  axis: labels.get(d.dimensionId) ?? d.dimensionId,
                  score: d.score,
                }))}
                series={series}
                mainName={t('aggregate.all')}
              />
              <figcaption>{t('aggregate.chart', { grid: title })}</figcaption>
              <ul className="legend" aria-label={t('aggregate.legend', { grid: title })}>
                <li>
                  <span
                    className="legend__swatch"
                    style={{ background: ALL_COLOR }}
                    aria-hidden="true"
                  />
                  {t('aggregate.all')}
                </li>
                {series.map((s) => (
                  <li key={s.key}>
                    <span
                      className="legend__swatch"
                      style={{ background: s.color }}
                      aria-hidden="true"
                    />
                    {s.name}
                  </li>
                ))}
              </ul>
            </figure>
            {aggregate.roles.length === 0 ? (
              <p className="notice roles-note">{t('aggregate.noRoles')}</p>
            ) : (
              <div className="roles-compared">
                <TableScroll>
                  <table className="data data--compact" data-testid="roles-table">
                    <caption>{t('aggregate.rolesCaption', { grid: title })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('aggregate.dimension')}</th>
                        <th scope="col" className="num">
                          {t('aggregate.all')}
                        </th>
                        {aggregate.roles.map((r) => (
                          <th key={r.role} scope="col" className="num">
                            {t(`labels:role.${r.role}`)} (n = {r.respondents})
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {aggregate.dimensions.map((d, i) => (
                        <tr key={d.dimensionId}>
                          <th scope="row">{labels.get(d.dimensionId)}</th>
                          <td className="num">
                            {num(d.score, boundsOf(bounds, grid, d.dimensionId).score)}
                          </td>
                          {aggregate.roles.map((r) =>
                            notAsked(r, i) ? (
                              <td key={r.role} className="num" data-not-asked="">
                                <em>{t('aggregate.notAsked')}</em>
                              </td>
                            ) : (
                              <td key={r.role} className="num">
                                {num(
                                  r.dimensions[i]?.score,
                                  boundsOf(bounds, grid, d.dimensionId).score,
                                )}
                              </td>
                            ),
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                {someNotAsked && <p className="table-note">{t('aggregate.notAskedNote')}</p>}
              </div>
            )}
          </div>
          <TableScroll>
            <table className="data data--compact" data-testid="spread-table">
              <caption>{t('aggregate.spreadCaption', { grid: title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('aggregate.dimension')}</th>
                  <th scope="col" className="num">
                    {t('aggregate.mean')}
                  </th>
                  <th scope="col" className="num">
                    {t('aggregate.median')}
                  </th>
                  <th scope="col" className="num">
                    {t('aggregate.quartiles')}
                  </th>
                  <th scope="col" className="num">
                    {t('aggregate.range')}
                  </th>
                  <th scope="col" className="num">
                    {t('aggregate.sd')}
                  </th>
                  <th scope="col" className="num">
                    {t('aggregate.n')}
                  </th>
                  <th scope="col" className="num">
                    {t('aggregate.coverage')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {aggregate.dimensions.map((d) => (
                  <tr key={d.dimensionId} data-dimension-id={d.dimensionId}>
                    <th scope="row">{labels.get(d.dimensionId)}</th>
                    <td className="num">
                      {num(d.stats?.mean, boundsOf(bounds, grid, d.dimensionId).score)}
                    </td>
                    <td className="num">{num(d.stats?.median)}</td>
                    <td className="num nowrap">
                      {d.stats
                        ? t('aggregate.interval', { low: num(d.stats.q1), high: num(d.stats.q3) })
                        : num(null)}
                    </td>
                    <td className="num nowrap">
                      {d.stats
                        ? t('aggregate.interval', {
                            low: num(d.stats.min),
                            high: num(d.stats.max),
                          })
                        : num(null)}
                    </td>
                    <td className="num">
                      {num(d.stats?.sd, boundsOf(bounds, grid, d.dimensionId).spread, 'above')}
                    </td>
                    <td className="num">{d.stats?.n ?? 0}</td>
                    <td className="num">
                      {d.coverage === null ? num(null) : formatPercent(d.coverage, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <ReliabilityTable grid={grid} aggregate={aggregate} lang={lang} />
        </>
      )}
    </section>
  );
});
