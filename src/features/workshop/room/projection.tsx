import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridAggregate } from '@/domain/aggregate/aggregate-grid';
import { routingContextOf } from '@/domain/context/context-of';
import { routeGrid } from '@/domain/context/route-grid';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { Grid } from '@/domain/grid/schema';
import { pickText } from '@/domain/grid/text';
import { projectionSlides, topicDistribution, type Slide } from '@/domain/room/projection';
import { boundsOf, dimensionBounds } from '@/domain/scoring/display';
import { formatScore } from '@/i18n/format-score';
import { currentLanguage } from '@/i18n/i18n';
import { navigate } from '@/app/router';
import { useGridAggregates } from '@/features/workshop/results/use-grid-aggregates';
import { DistributionChart, DistributionTable } from './distribution-chart';
import { ProjectionRadar, SeriesSample, type RoomSeries } from './projection-radar';
import './room.css';

type ProjectionProps = { diagnostic: Diagnostic; grids: Grid[] };

/** The keys that move through the slides. */
export const KEY_MOVES: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
};

/**
 * Projection mode for the room (docs/architecture.md): the page gives the whole window to one
 * slide at a time (the site's header and footer are hidden; full screen on request where the
 * browser allows it). Slides: per grid, the radar of everyone and the visible roles, then its
 * divergence topics one by one with the distribution of answers. Keyboard: arrows, Page Up/Down,
 * Home/End move; T shows the table twin; F full screen; Escape leaves.
 */
export function Projection({ diagnostic, grids: resolvedGrids }: ProjectionProps) {
  const { t } = useTranslation(['room', 'labels', 'results']);
  const lang = currentLanguage();
  const contextKey = JSON.stringify(routingContextOf(diagnostic));
  const grids = useMemo(() => {
    const context = JSON.parse(contextKey) as ReturnType<typeof routingContextOf>;
    return resolvedGrids.map((g) => routeGrid(g, context).grid);
  }, [resolvedGrids, contextKey]);
  const { aggregates } = useGridAggregates(
    grids,
    diagnostic.respondents,
    diagnostic.anonymityThreshold,
  );
  const slides = useMemo(
    () => (aggregates ? projectionSlides(grids, aggregates) : []),
    [grids, aggregates],
  );
  const [index, setIndex] = useState(0);
  const [table, setTable] = useState(false);
  const [status, setStatus] = useState('');
  const [fullscreen, setFullscreen] = useState(false);
  const last = Math.max(0, slides.length - 1);
  const current = Math.min(index, last);
  const slide = slides[current];
  const workshopHref = `/workshop/${encodeURIComponent(diagnostic.id)}`;

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    navigate(workshopHref);
  }, [workshopHref]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => {});
      return;
    }
    if (!document.fullscreenEnabled || !document.documentElement.requestFullscreen) {
      setStatus(t('projection.noFullscreen'));
      return;
    }
    document.documentElement.requestFullscreen().catch(() => {
      setStatus(t('projection.noFullscreen'));
    });
  }, [t, setStatus]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const move = KEY_MOVES[event.key];
      if (move) {
        event.preventDefault();
        setStatus('');
        setIndex((i) => {
          const at = Math.min(i, last);
          if (move === 'next') return Math.min(last, at + 1);
          if (move === 'previous') return Math.max(0, at - 1);
          return move === 'first' ? 0 : last;
        });
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        leave();
      } else if (event.key === 't' || event.key === 'T') {
        event.preventDefault();
        setTable((v) => !v);
      } else if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        toggleFullscreen();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last, leave, toggleFullscreen]);

  const grid = slide ? grids.find((g) => g.id === slide.gridId) : undefined;
  const aggregate = slide ? aggregates?.get(slide.gridId) : undefined;

  return (
    <div className="projection" data-testid="projection">
      <header className="projection__head">
        <h1 className="projection__title" data-testid="slide-title">
          {!aggregates
            ? t('projection.title')
            : slide && grid
              ? slideTitle(slide, grid, lang, t)
              : t('projection.title')}
        </h1>
        {slide && (
          <p className="projection__position" aria-hidden="true">
            {current + 1} / {slides.length}
          </p>
        )}
      </header>
      <div className="projection__body">
        {!aggregates ? (
          <p className="projection__empty">{t('projection.computing')}</p>
        ) : !slide || !grid || !aggregate ? (
          <p className="projection__empty">{t('projection.empty')}</p>
        ) : slide.kind === 'radar' ? (
          <RadarSlide grid={grid} aggregate={aggregate} lang={lang} table={table} />
        ) : (
          <TopicSlide slide={slide} grid={grid} aggregate={aggregate} lang={lang} table={table} />
        )}
      </div>
      <nav className="projection__controls" aria-label={t('projection.controls')}>
        <button
          type="button"
          className="button"
          onClick={() => {
            setStatus('');
            setIndex(Math.max(0, current - 1));
          }}
          disabled={current === 0}
        >
          <span aria-hidden="true">← </span>
          {t('projection.previous')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setStatus('');
            setIndex(Math.min(last, current + 1));
          }}
          disabled={current >= last}
        >
          {t('projection.next')}
          <span aria-hidden="true"> →</span>
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={table}
          onClick={() => setTable((v) => !v)}
          disabled={!slide}
        >
          {t('projection.table')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={fullscreen}
          onClick={toggleFullscreen}
        >
          {t('projection.fullscreen')}
        </button>
        <button type="button" className="button" onClick={leave}>
          {t('projection.leave')}
        </button>
        <p className="projection__keys" id="projection-keys">
          {t('projection.keys')}
        </p>
      </nav>
      <p role="status" className="visually-hidden" data-testid="projection-status">
        {/* Where the room is, for screen readers, at each move; or why full screen failed. */}
        {status ||
          (slides.length > 0
            ? t('projection.position', { index: current + 1, count: slides.length })
            : '')}
      </p>
    </div>
  );
}

type T = ReturnType<typeof useTranslation<['room', 'labels', 'results']>>['t'];

function slideTitle(slide: Slide, grid: Grid, lang: string, t: T): string {
  const title = pickText(grid.title, lang, grid.languages.default);
  if (slide.kind === 'radar') return t('projection.radarTitle', { grid: title });
  return t('projection.topicTitle', { grid: title, rank: slide.rank });
}

function RadarSlide({
  grid,
  aggregate,
  lang,
  table,
}: {
  grid: Grid;
  aggregate: GridAggregate;
  lang: string;
  table: boolean;
}) {
  const { t } = useTranslation(['room', 'labels', 'results']);
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, lang, grid.languages.default);
  const title = text(grid.title);
  const labels = aggregate.dimensions.map(
    (d) => grid.dimensions.find((x) => x.id === d.dimensionId)?.label,
  );
  const axes = labels.map((l, i) => (l ? text(l) : (aggregate.dimensions[i]?.dimensionId ?? '')));
  const series: RoomSeries[] = [
    {
      key: 'all',
      name: t('projection.all', { n: aggregate.respondents }),
      values: aggregate.dimensions.map((d) => d.score),
    },
    ...aggregate.roles.map((r) => ({
      key: r.role,
      name: t('projection.role', { role: t(`labels:role.${r.role}`), n: r.respondents }),
      values: r.dimensions.map((d) => d.score),
    })),
  ];
  const bounds = dimensionBounds(grid);
  const num = (value: number | null | undefined, dimensionId: string) =>
    value === null || value === undefined
      ? t('results:insufficient.short')
      : formatScore(value, lang, boundsOf(bounds, grid, dimensionId).score);
  const radarTable = (narrowOnly: boolean) => (
    <div className={narrowOnly ? 'projection__table projection__narrow' : 'projection__table'}>
      <table className="data room-table" data-testid={narrowOnly ? undefined : 'room-radar-table'}>
        <caption>{t('projection.radarCaption', { grid: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projection.dimension')}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {aggregate.dimensions.map((d, i) => (
            <tr key={d.dimensionId}>
              <th scope="row">{axes[i]}</th>
              {series.map((s) => (
                <td key={s.key} className="num">
                  {num(s.values[i], d.dimensionId)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return table ? (
    radarTable(false)
  ) : (
    <div className="projection__radar">
      <figure className="projection__figure">
        <ProjectionRadar
          axes={axes}
          series={series}
          missingText={t('results:insufficient.short')}
        />
        <figcaption className="visually-hidden">
          {t('projection.radarCaption', { grid: title })} {t('projection.tableHint')}
        </figcaption>
      </figure>
      <div className="projection__legend">
        <ul aria-label={t('projection.legend')}>
          {series.map((s) => (
            <li key={s.key}>
              <SeriesSample seriesKey={s.key} />
              <span>{s.name}</span>
            </li>
          ))}
        </ul>
        {aggregate.masked.respondents > 0 && (
          <p className="projection__note">
            {t('projection.masked', { count: aggregate.masked.respondents })}
          </p>
        )}
      </div>
      {/* On a phone the radar's labels are too small to read: its table follows it. */}
      {radarTable(true)}
    </div>
  );
}

function TopicSlide({
  slide,
  grid,
  aggregate,
  lang,
  table,
}: {
  slide: Extract<Slide, { kind: 'topic' }>;
  grid: Grid;
  aggregate: GridAggregate;
  lang: string;
  table: boolean;
}) {
  const { t } = useTranslation(['room', 'labels']);
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, lang, grid.languages.default);
  const dimension = grid.dimensions.find((d) => d.id === slide.dimensionId);
  const item = dimension?.items.find((i) => i.id === slide.itemId);
  const scale = item ? grid.scales.find((s) => s.id === item.scale) : undefined;
  const distribution = topicDistribution(aggregate, slide.itemId);
  const entry = aggregate.divergence.items.find((i) => i.itemId === slide.itemId);
  if (!item || !scale || !distribution || !dimension) return null;
  const groupName = (group: string, n: number) =>
    group === 'all'
      ? t('projection.all', { n })
      : t('projection.role', { role: t(`labels:role.${group}` as 'labels:role.other'), n });
  const props = {
    distribution,
    scale,
    text,
    groupName,
    itemText: text(item.text),
  };
  return (
    <div className="projection__topic">
      <p className="projection__item" data-testid="topic-item">
        {text(item.text)}
      </p>
      <p className="projection__meta">
        {text(dimension.label)}
        {entry &&
          ` — ${t('projection.spread', {
            sd: formatScore(entry.sd, lang),
            mean: formatScore(entry.mean, lang),
            n: entry.n,
          })}`}
      </p>
      {table ? (
        <DistributionTable {...props} />
      ) : (
        <>
          <DistributionChart {...props} />
          <DistributionTable {...props} narrowOnly />
        </>
      )}
      {distribution.withheld.length > 0 && (
        <p className="projection__note">
          {t('projection.withheld', {
            roles: distribution.withheld.map((r) => t(`labels:role.${r}`)).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
