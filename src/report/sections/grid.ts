/** One grid's results: its score, its radar (bars below three dimensions), its table, its recommendations. */
import type { GridReport, RecommendationReport } from '@/domain/report/report-model';
import { shownPercent } from '@/domain/scoring/display';
import { BODY_SIZE, COLORS } from '../layout';
import type { ReportWriter } from '../writer';
import { BODY, GRID_WITH_RADAR_ROOM, type ReportContext, SECTION_ROOM, SMALL } from './context';
import { scoreBlock } from './summary';

export function writeGrid(w: ReportWriter, c: ReportContext, grid: GridReport): void {
  const { t, f } = c;
  // On the page the summary or the last grid leaves, when its title, score and radar fit.
  w.section(grid.dimensions.length >= 3 ? GRID_WITH_RADAR_ROOM : SECTION_ROOM);
  w.heading(grid.title, 1);
  w.paragraph(t('grid.identity', { id: grid.id, version: grid.version }), SMALL, { gapAfter: 1 });
  if (grid.description.trim() !== '')
    w.paragraph(grid.description, { size: 8.5, color: COLORS.muted });
  w.scoreBox(scoreBlock(c, t('grid.score'), grid.score, grid.level, c.gridBounds(grid)));

  if (grid.dimensions.length > 0) {
    // One or two dimensions make no radar (a line, a point): bars.
    const radar = grid.dimensions.length >= 3;
    const title = t(radar ? 'grid.radarTitle' : 'grid.barsTitle');
    w.chart({ title, alt: `${title} — ${grid.title}`, spec: c.chartSpec(grid.dimensions) });
    if (radar) w.paragraph(t('grid.radarNote'), SMALL, { gapAfter: 2 });
  }

  w.heading(t('grid.scoresTitle'), 2);
  w.table(
    [
      { header: t('table.dimension'), width: 56 },
      { header: t('table.score'), width: 21, align: 'right' },
      { header: t('table.level'), width: 34 },
      { header: t('table.coverage'), width: 23, align: 'right' },
      { header: t('table.dk'), width: 20, align: 'right' },
      { header: t('table.n'), width: 16, align: 'right' },
    ],
    grid.dimensions.map((d) => [
      d.label,
      { text: c.scoreText(d.score, d.bounds.score), bold: true },
      c.levelCell(d),
      f.pct(d.coverage),
      f.shownPct(shownPercent(d.dkRate, d.bounds.dkRate)),
      f.int(d.n),
    ]),
  );

  w.heading(t('grid.recommendationsTitle'), 2);
  if (grid.recommendations.length === 0) w.paragraph(t('grid.noRecommendations'), BODY);
  for (const rec of grid.recommendations) writeRecommendation(w, c, rec);
}

function priorityColor(priority: string): string {
  return priority === 'high' ? '#9b1c1c' : priority === 'medium' ? '#8a4b08' : COLORS.muted;
}

/** A recommendation: why it fired, what to do, what to negotiate or ask the vendor, the law. */
export function writeRecommendation(
  w: ReportWriter,
  c: ReportContext,
  rec: RecommendationReport,
): void {
  const { t, f, colon } = c;
  w.heading(rec.title, 3, 4 * w.lineHeight(BODY_SIZE));
  w.paragraph(
    t(`labels.priority.${rec.priority}`),
    { size: 8, bold: true, color: priorityColor(rec.priority) },
    { gapAfter: 0.8 },
  );
  w.labelled(colon(t('rec.why')), c.reasonsText(rec), { size: 8.5 }, { gapAfter: 1.2 });
  w.paragraph(rec.body, BODY, { gapAfter: 1.2 });
  if (rec.actions.length > 0) {
    w.ensureSpace(2 * w.lineHeight(BODY_SIZE));
    w.paragraph(t('rec.actions'), { size: BODY_SIZE, bold: true }, { gapAfter: 0.5 });
    w.bullets(rec.actions, BODY);
  }
  if (rec.negotiation) {
    w.labelled(colon(t('rec.negotiation')), rec.negotiation, BODY, { gapAfter: 1.2 });
  }
  if (rec.checklist && rec.checklist.length > 0) {
    w.ensureSpace(2 * w.lineHeight(BODY_SIZE));
    w.paragraph(t('rec.checklist'), { size: BODY_SIZE, bold: true }, { gapAfter: 0.5 });
    w.bullets(
      rec.checklist.map((line) =>
        t('rec.checklistLine', {
          item: line.item,
          requirement: line.requirement,
          score: f.score(line.score, rec.checklistBelow === undefined ? [] : [rec.checklistBelow]),
        }),
      ),
      { size: 8.5 },
      { bullet: '–' },
    );
  }
  const legal = rec.legalRefs.flatMap((id) => c.legal.byId.get(id) ?? []);
  if (legal.length > 0) {
    w.labelled(
      colon(t('legal.onRecommendation')),
      legal.map(c.legal.citation).join(t('common.listSeparator')),
      { size: 8 },
      { gapAfter: 0.3 },
    );
    const statuses = [...new Set(legal.map(c.legal.status))];
    w.paragraph(statuses.join(' '), { size: 7.5, color: COLORS.muted }, { gapAfter: 1 });
  }
  if (rec.sources.length > 0) {
    w.labelled(
      colon(t('rec.sources')),
      rec.sources
        .map((s) => (s.url ? `${s.label} (${s.url})` : s.label))
        .join(t('common.listSeparator')),
      { size: 7.5, color: COLORS.muted },
      { gapAfter: 1 },
    );
  }
  w.space(2.5);
}
