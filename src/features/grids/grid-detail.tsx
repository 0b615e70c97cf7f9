import { useTranslation } from 'react-i18next';
import { TableScroll } from '@/components/table-scroll';
import { describeCondition } from '@/domain/grid/describe-condition';
import { DEFAULT_LEVELS } from '@/domain/grid/levels';
import type { Grid, LocalizedText } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { formatNumber, formatPercent } from '@/i18n/format';
import { ConditionText } from './condition-text';
import { downloadGrid } from './download-grid';
import { GridFacts, languageName } from './grid-facts';
import type { LibraryGrid } from '@/shared/grids/use-grid-library';
import { jump } from '@/utils/jump';

type GridDetailProps = { entry: LibraryGrid; lang: string };

/**
 * Read-only view of a grid's whole content: dimensions and items (scale, reverse, weight),
 * scales, levels, recommendations with their conditions in words, and sources.
 */
export function GridDetail({ entry, lang }: GridDetailProps) {
  const { t } = useTranslation(['grids', 'labels']);
  const { grid } = entry.loaded;
  const text = (value: LocalizedText | undefined) =>
    value === undefined ? '' : pickText(value, lang, grid.languages.default);
  const scaleName = (id: string) => {
    const scale = grid.scales.find((s) => s.id === id);
    return scale?.label ? `${text(scale.label)} (${id})` : id;
  };
  const levels = grid.levels ?? DEFAULT_LEVELS;
  const title = text(grid.title);

  return (
    <article className="grid-detail">
      <p>
        <a href="#/grids">{t('detail.back')}</a>
      </p>
      <h1>{title}</h1>
      <p className="grid-detail__description">{text(grid.description)}</p>
      <GridFacts entry={entry} lang={lang}>
        <div>
          <dt>{t('detail.family')}</dt>
          <dd>{t(`labels:family.${grid.family}`)}</dd>
        </div>
        <div>
          <dt>{t('detail.defaultLanguage')}</dt>
          <dd>{languageName(grid.languages.default, lang)}</dd>
        </div>
        <div>
          <dt>{t('detail.minCoverage')}</dt>
          <dd>{formatPercent(grid.minCoverage, lang)}</dd>
        </div>
      </GridFacts>
      <p className="button-row">
        <button type="button" className="button" onClick={() => downloadGrid(entry.loaded)}>
          {t('actions.download')}
        </button>
      </p>

      <nav aria-label={t('detail.toc')} className="results-toc">
        <ul>
          {(['dimensions', 'scales', 'levels', 'recommendations', 'sources'] as const).map((id) => (
            <li key={id}>
              <a href={`#grid-section-${id}`} onClick={(e) => jump(e, `grid-section-${id}`)}>
                {t(`detail.${id}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="grid-section-dimensions" aria-labelledby="grid-dimensions-title">
        <h2 id="grid-dimensions-title">{t('detail.dimensions.title')}</h2>
        {grid.dimensions.map((dimension, d) => (
          <div key={dimension.id} className="card">
            <h3>{t('detail.dimensions.heading', { n: d + 1, label: text(dimension.label) })}</h3>
            <p>{text(dimension.description)}</p>
            <p className="field__hint">
              {t('detail.idLabel')} <code>{dimension.id}</code>
            </p>
            <TableScroll>
              <table className="data grid-items">
                <caption className="visually-hidden">
                  {t('detail.dimensions.caption', { label: text(dimension.label) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('detail.items.number')}
                    </th>
                    <th scope="col">{t('detail.items.text')}</th>
                    <th scope="col">{t('detail.items.scale')}</th>
                    <th scope="col">{t('detail.items.reverse')}</th>
                    <th scope="col" className="num">
                      {t('detail.items.weight')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {dimension.items.map((item, i) => (
                    <tr key={item.id} data-item-id={item.id}>
                      <td className="num">{i + 1}</td>
                      <th scope="row">
                        {text(item.text)}
                        {item.poles && (
                          <span className="grid-items__extra">
                            {t('detail.items.poles', {
                              low: text(item.poles.low),
                              high: text(item.poles.high),
                            })}
                          </span>
                        )}
                        {item.help && (
                          <span className="grid-items__extra">
                            {t('detail.items.help', { help: text(item.help) })}
                          </span>
                        )}
                        {item.specification && (
                          <span className="grid-items__extra">
                            {t('detail.items.specification', {
                              specification: text(item.specification),
                            })}
                          </span>
                        )}
                        <span className="grid-items__extra">
                          {t('detail.idLabel')} <code>{item.id}</code>
                        </span>
                      </th>
                      <td>{scaleName(item.scale)}</td>
                      <td>
                        {item.reverse ? t('detail.items.reversed') : t('detail.items.notReversed')}
                      </td>
                      <td className="num">
                        {formatNumber(item.weight, lang, Number.isInteger(item.weight) ? 0 : 2)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        ))}
      </section>

      <section id="grid-section-scales" aria-labelledby="grid-scales-title">
        <h2 id="grid-scales-title">{t('detail.scales.title')}</h2>
        {grid.scales.map((scale) => (
          <div key={scale.id} className="card">
            <h3>{scale.label ? `${text(scale.label)} (${scale.id})` : scale.id}</h3>
            <TableScroll>
              <table className="data grid-scale-table">
                <caption className="visually-hidden">
                  {t('detail.scales.caption', { scale: scale.id })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('detail.scales.value')}
                    </th>
                    <th scope="col">{t('detail.scales.label')}</th>
                  </tr>
                </thead>
                <tbody>
                  {scale.points.map((point) => (
                    <tr key={point.value}>
                      <td className="num">
                        {formatNumber(point.value, lang, Number.isInteger(point.value) ? 0 : 2)}
                      </td>
                      <td>{text(point.label)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p>
              {t(scale.allowDontKnow ? 'detail.scales.dkOffered' : 'detail.scales.dkNotOffered')}{' '}
              {t(
                scale.allowNotApplicable ? 'detail.scales.naOffered' : 'detail.scales.naNotOffered',
              )}
            </p>
          </div>
        ))}
      </section>

      <section id="grid-section-levels" aria-labelledby="grid-levels-title" className="card">
        <h2 id="grid-levels-title">{t('detail.levels.title')}</h2>
        <p>{t(grid.levels ? 'detail.levels.own' : 'detail.levels.default')}</p>
        <TableScroll>
          <table className="data">
            <caption className="visually-hidden">{t('detail.levels.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.levels.label')}</th>
                <th scope="col">{t('detail.levels.range')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((level, l) => {
                const next = levels[l + 1];
                return (
                  <tr key={level.id}>
                    <th scope="row">
                      <span
                        className="level-badge__swatch"
                        style={{ background: level.color }}
                        aria-hidden="true"
                      />{' '}
                      {text(level.label)}
                    </th>
                    <td>
                      {next
                        ? t('detail.levels.between', {
                            min: formatNumber(level.min, lang),
                            max: formatNumber(next.min, lang),
                          })
                        : t('detail.levels.from', { min: formatNumber(level.min, lang) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section id="grid-section-recommendations" aria-labelledby="grid-recommendations-title">
        <h2 id="grid-recommendations-title">{t('detail.recommendations.title')}</h2>
        {grid.recommendations.length === 0 && <p>{t('detail.recommendations.none')}</p>}
        {grid.recommendations.map((rec) => (
          <div key={rec.id} className="card grid-rec" data-recommendation-id={rec.id}>
            <h3>{text(rec.title)}</h3>
            <p className="grid-rec__meta">
              {t(`labels:priority.${rec.priority}`)} ·{' '}
              {t('detail.recommendations.audiences', {
                audiences: rec.audiences.map((a) => t(`labels:audience.${a}`)).join(', '),
              })}
            </p>
            <div className="grid-rec__condition">
              <strong>{t('detail.recommendations.when')}</strong>{' '}
              <ConditionText
                description={describeCondition(rec.condition, grid, lang)}
                lang={lang}
              />
            </div>
            <p>{text(rec.body)}</p>
            <h4>{t('detail.recommendations.actions')}</h4>
            <ul>
              {rec.actions.map((action, a) => (
                <li key={a}>{text(action)}</li>
              ))}
            </ul>
            {rec.negotiation && (
              <p>
                <strong>{t('detail.recommendations.negotiation')}</strong> {text(rec.negotiation)}
              </p>
            )}
            {rec.checklist && (
              <p>
                {t('detail.recommendations.checklist', {
                  max: formatNumber(rec.checklist.maxScore, lang),
                })}
              </p>
            )}
            {rec.sources.length > 0 && (
              <p className="field__hint">
                {t('detail.recommendations.sources', { sources: rec.sources.join(', ') })}
              </p>
            )}
            <p className="field__hint">
              {t('detail.idLabel')} <code>{rec.id}</code>
            </p>
          </div>
        ))}
      </section>

      <section id="grid-section-sources" aria-labelledby="grid-sources-title" className="card">
        <h2 id="grid-sources-title">{t('detail.sources.title')}</h2>
        {grid.sources.length === 0 ? (
          <p>{t('detail.sources.none')}</p>
        ) : (
          <ul className="sources">
            {grid.sources.map((source) => (
              <li key={source.id}>
                {text(source.label)} <code>{source.id}</code>
                {source.type && <> — {t(`detail.sources.type.${source.type}`)}</>}
                {source.url && (
                  <>
                    {' '}
                    <span className="source-url">{source.url}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** A grid's title in the interface language, else its default language. */
export function gridTitle(grid: Grid, lang: string): string {
  return pickText(grid.title, lang, grid.languages.default);
}
