import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridReport } from '@/domain/report/report-model';
import { formatScore } from '@/i18n/format-score';
import { ScoreRadar } from '@/shared/charts/radar-chart';
import { LeftOutList } from './left-out-list';
import { LevelBadge } from './level-badge';
import { ScoreTable } from './score-table';

type GridSectionProps = { grid: GridReport; lang: string };

/**
 * One grid's results: its score and level, its radar (bars below three dimensions) beside its
 * table, and what the context left out. Memoised: the results page renders again as each of its
 * parts comes in (`parts-in-turn.ts`), and a grid already shown, with its chart, is not drawn
 * again unless its figures change.
 */
export const GridSection = memo(function GridSection({ grid: g, lang }: GridSectionProps) {
  const { t } = useTranslation('results');
  const bounds = g.levelBounds.map((b) => b.min);
  return (
    <section id={`grid-${g.id}`} aria-labelledby={`grid-${g.id}-title`} className="card">
      <h2 id={`grid-${g.id}-title`}>
        {g.title} —{' '}
        {g.score === null
          ? t('noScore')
          : t('scoreOutOf', { score: formatScore(g.score, lang, bounds) })}{' '}
        <LevelBadge level={g.level} />
      </h2>
      <div className="chart-and-table">
        <figure className="chart">
          <ScoreRadar
            data={g.dimensions.map((d) => ({ axis: d.label, score: d.score }))}
            mainName={g.title}
          />
          <figcaption>
            {t(g.dimensions.length >= 3 ? 'grid.chart' : 'grid.chartBars', { grid: g.title })}
          </figcaption>
        </figure>
        <ScoreTable
          caption={t('grid.tableCaption', { grid: g.title })}
          dimensions={g.dimensions}
          lang={lang}
        />
      </div>
      <LeftOutList entries={g.leftOut} />
    </section>
  );
});
