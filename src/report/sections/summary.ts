/**
 * The summary: the overall score, each grid's score and the overview chart, the strongest and
 * weakest dimensions, the first recommendations, and the partial notice when results are partial.
 */
import type { DimensionReport, LevelRef } from '@/domain/report/report-model';
import { BODY_SIZE } from '../layout';
import { partialText } from '../report-text';
import type { ReportWriter, ScoreBlock } from '../writer';
import { BODY, type ReportContext, SMALL } from './context';

/** The score block of the summary and of each grid. */
export function scoreBlock(
  c: ReportContext,
  label: string,
  score: number | null,
  level: LevelRef | null,
  bounds: readonly number[],
): ScoreBlock {
  return {
    label,
    value:
      score === null
        ? c.t('common.noScore')
        : c.t('common.scoreOutOf', { score: c.f.score(score, bounds) }),
    level: score !== null && level !== null ? level : null,
    missing: c.t('insufficient.coverage'),
  };
}

export function writeSummary(w: ReportWriter, c: ReportContext): void {
  const { model, t } = c;
  w.newPage();
  w.heading(t('summary.title'), 1);
  w.scoreBox(
    scoreBlock(
      c,
      t('summary.overall'),
      model.overall.score,
      model.overall.level,
      model.overall.bounds,
    ),
  );
  if (model.overall.score === null) w.paragraph(t('summary.overallNone'), BODY);
  w.paragraph(t('summary.overallHint'), SMALL, { gapAfter: 2 });

  w.heading(t('summary.gridsTitle'), 2);
  w.table(
    [
      { header: t('table.grid'), width: 100 },
      { header: t('table.score'), width: 25, align: 'right' },
      { header: t('table.level'), width: 45 },
    ],
    model.grids.map((g) => [
      g.title,
      { text: c.scoreText(g.score, c.gridBounds(g)), bold: true },
      c.levelCell({ score: g.score, level: g.level }),
    ]),
  );

  // Every grid at a glance: a radar (bars for fewer than three grids).
  const overview = model.grids.map((g) => ({
    label: g.title,
    score: g.score,
    bounds: { score: c.gridBounds(g) },
  }));
  if (overview.length > 0) {
    const title = t(overview.length >= 3 ? 'summary.radarTitle' : 'summary.barsTitle');
    w.chart({ title, alt: title, spec: c.chartSpec(overview) });
  }

  const dimensionTable = (dims: DimensionReport[]): void => {
    if (dims.length === 0) {
      w.paragraph(t('summary.noDimension'), BODY);
      return;
    }
    w.table(
      [
        { header: t('table.dimension'), width: 64 },
        { header: t('table.grid'), width: 52 },
        { header: t('table.score'), width: 21, align: 'right' },
        { header: t('table.level'), width: 33 },
      ],
      dims.map((d) => [
        d.label,
        c.gridTitle(d.gridId),
        { text: c.scoreText(d.score, d.bounds.score), bold: true },
        c.levelCell(d),
      ]),
    );
  };
  w.heading(t('summary.strengths'), 2);
  dimensionTable(model.strengths.slice(0, 3));
  w.heading(t('summary.weaknesses'), 2);
  dimensionTable(model.weaknesses.slice(0, 3));

  w.heading(t('summary.topRecommendations'), 2);
  const top = model.recommendations.slice(0, 5);
  if (top.length === 0) w.paragraph(t('summary.noRecommendations'), BODY);
  top.forEach((rec, i) => {
    w.ensureSpace(3 * w.lineHeight(BODY_SIZE));
    w.paragraph(`${i + 1}. ${rec.title}`, { size: BODY_SIZE, bold: true }, { gapAfter: 0.3 });
    w.paragraph(`${t(`labels.priority.${rec.priority}`)} · ${c.gridTitle(rec.gridId)}`, SMALL, {
      indent: 4.5,
      gapAfter: 0.3,
    });
    w.labelled(
      c.colon(t('rec.why')),
      c.reasonsText(rec),
      { size: 8.5 },
      { indent: 4.5, gapAfter: 2 },
    );
  });

  if (model.partial) w.notice(t('partial.title'), partialText(model, t));
}
