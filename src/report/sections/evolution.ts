/** T0 → T1: per grid, both scores and the change per dimension, and the questions left out. */
import type { EvolutionReport } from '@/domain/report/report-model';
import { type Shown, shownComparison } from '@/domain/scoring/display';
import { COLORS } from '../layout';
import type { Cell, ReportWriter } from '../writer';
import { BODY, type ReportContext, SECTION_ROOM, SMALL } from './context';

export function writeEvolution(
  w: ReportWriter,
  c: ReportContext,
  evolution: EvolutionReport,
): void {
  const { t, f } = c;
  w.section(SECTION_ROOM);
  w.heading(t('evolution.title'), 1);
  w.paragraph(
    t('evolution.intro', {
      title: evolution.baseline.title,
      date: f.date(evolution.baseline.updatedAt),
      n0: f.int(evolution.baseline.respondents),
      n1: f.int(evolution.respondents),
    }),
    BODY,
  );
  w.paragraph(t('evolution.hint'), SMALL, { gapAfter: 2 });
  if (evolution.grids.length === 0) w.paragraph(t('evolution.none'), BODY);
  const score = (value: Shown | null): Cell =>
    value === null ? { text: t('common.noScore'), color: COLORS.muted } : f.shown(value);
  // The delta is the difference of the two scores shown beside it (docs/scoring.md).
  const delta = (value: Shown | null, bold = false): Cell => {
    if (value === null) return { text: t('common.noScore'), color: COLORS.muted };
    if (value.value === 0) return { text: t('evolution.deltaNone'), bold };
    const size = f.shown({ value: Math.abs(value.value), digits: value.digits });
    return value.value > 0
      ? { text: t('evolution.deltaUp', { value: size }), bold, color: '#166534' }
      : { text: t('evolution.deltaDown', { value: size }), bold, color: '#9b1c1c' };
  };
  const row = (r: {
    t0: number | null;
    t1: number | null;
    bounds: { t0: number[]; t1: number[] };
  }) => shownComparison(r.t0, r.t1, r.bounds.t0, r.bounds.t1);
  for (const grid of evolution.grids) {
    w.heading(grid.title, 2, 4 * w.lineHeight(8.5) + 12);
    w.paragraph(
      grid.versions.t0 === grid.versions.t1
        ? t('evolution.sameVersion', { v: grid.versions.t1 })
        : t('evolution.versions', { v0: grid.versions.t0, v1: grid.versions.t1 }),
      SMALL,
      { gapAfter: 1 },
    );
    w.table(
      [
        { header: t('evolution.dimension'), width: 78 },
        { header: t('evolution.t0'), width: 20, align: 'right' },
        { header: t('evolution.t1'), width: 20, align: 'right' },
        { header: t('evolution.delta'), width: 24, align: 'right' },
        { header: t('evolution.items'), width: 28, align: 'right' },
      ],
      [
        ...grid.dimensions.map((d) => {
          const shown = row(d);
          return [d.label, score(shown.t0), score(shown.t1), delta(shown.delta), f.int(d.items)];
        }),
        (() => {
          const shown = row(grid.grid);
          return [
            { text: t('evolution.gridRow'), bold: true },
            score(shown.t0),
            score(shown.t1),
            delta(shown.delta, true),
            f.int(grid.commonItems),
          ];
        })(),
      ],
    );
    const { added, removed, changed } = grid.leftOut;
    w.heading(t('evolution.leftOutTitle'), 3);
    if (added.length + removed.length + changed.length === 0)
      w.paragraph(t('evolution.leftOutNone'), { size: 8.5 });
    else
      w.bullets(
        [
          ...added.map((item) => `${t('evolution.added')} — ${item}`),
          ...removed.map((item) => `${t('evolution.removed')} — ${item}`),
          ...changed.map(
            (ch) =>
              `${t('evolution.changed', { changes: ch.changes.map((k) => t(`evolution.change.${k}`)).join(', ') })} — ${ch.item}`,
          ),
        ],
        { size: 8.5 },
        { bullet: '–' },
      );
    const only = [
      ...grid.dimensionsOnly.t0.map((label) => `${label} (T0)`),
      ...grid.dimensionsOnly.t1.map((label) => `${label} (T1)`),
    ];
    if (only.length > 0)
      w.paragraph(t('evolution.dimensionsOnly', { dimensions: only.join(', ') }), { size: 8.5 });
  }
  if (evolution.notCompared.length > 0)
    w.paragraph(
      t('evolution.notCompared', { grids: evolution.notCompared.map(c.gridTitle).join(', ') }),
      { size: 8.5, color: COLORS.muted },
    );
}
