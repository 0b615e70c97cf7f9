/**
 * The method annex: the scales, the scoring rules and levels, the anonymity rule, the grids'
 * versions and hashes, what the context left out and why, the sources, and the legal
 * references kept or left out for this context.
 */
import type { GridReport } from '@/domain/report/report-model';
import { COLORS } from '../layout';
import type { ReportWriter } from '../writer';
import { BODY, type ReportContext } from './context';

function sameLevels(a: GridReport, b: GridReport): boolean {
  return JSON.stringify([a.levels, a.levelBounds]) === JSON.stringify([b.levels, b.levelBounds]);
}

export function writeMethod(w: ReportWriter, c: ReportContext): void {
  const { model, t, f, colon } = c;
  w.newPage();
  w.heading(t('method.title'), 1);

  w.heading(t('method.scalesTitle'), 2);
  for (const grid of model.grids) {
    w.heading(grid.title, 3);
    for (const scale of grid.scales) {
      const points = scale.points.map((p) =>
        t('method.scaleLine', { value: f.one(p.value), label: p.label }),
      );
      const extras = [scale.dk ? t('method.dk') : null, scale.na ? t('method.na') : null].filter(
        (x): x is string => x !== null,
      );
      w.labelled(
        colon(scale.label ?? scale.id),
        [...points, ...extras].join(t('common.listSeparator')),
        { size: 8.5 },
        { gapAfter: 1.2 },
      );
    }
  }

  w.heading(t('method.scoringTitle'), 2);
  const coverages = [...new Set(model.grids.map((g) => f.pct(g.minCoverage)))].join(', ');
  w.bullets(
    [
      t('method.rules.item'),
      t('method.rules.reverse'),
      t('method.rules.dimension'),
      t('method.rules.dkna'),
      t('method.rules.coverage', { coverage: coverages || f.pct(0.5) }),
      t('method.rules.grid'),
      t('method.rules.overall'),
      t('method.rules.respondents'),
      t('method.rules.levels'),
    ],
    { size: 8.5 },
  );
  const bandGroups: GridReport[][] = [];
  for (const grid of model.grids) {
    const group = bandGroups.find((g) => g[0] && sameLevels(g[0], grid));
    if (group) group.push(grid);
    else bandGroups.push([grid]);
  }
  for (const group of bandGroups) {
    const grid = group[0];
    if (!grid) continue;
    if (bandGroups.length > 1)
      w.heading(t('method.levelsOf', { grid: group.map((g) => g.title).join(', ') }), 3);
    const bounds = [...grid.levelBounds].sort((a, b) => a.min - b.min);
    w.table(
      [
        { header: t('table.level'), width: 60 },
        { header: t('method.rangeHeader'), width: 60 },
      ],
      bounds.map((b, i) => {
        const level = grid.levels.find((l) => l.id === b.id);
        const next = bounds[i + 1];
        return [
          level ? { text: level.label, swatch: level.color } : b.id,
          next
            ? t('method.range', { min: f.int(b.min), max: f.int(next.min) })
            : t('method.rangeLast', { min: f.int(b.min) }),
        ];
      }),
    );
  }

  w.heading(t('method.anonymityTitle'), 2);
  w.paragraph(t('method.anonymity', { threshold: f.int(model.participation.anonymityThreshold) }), {
    size: 8.5,
  });

  w.heading(t('method.gridsTitle'), 2);
  for (const grid of model.grids) {
    w.ensureSpace(5 * w.lineHeight(8.5));
    w.paragraph(grid.title, { size: 9, bold: true }, { gapAfter: 0.3 });
    w.paragraph(
      t('method.gridIdentity', { id: grid.id, version: grid.version }),
      { size: 8, color: COLORS.muted },
      { gapAfter: 0.3 },
    );
    w.paragraph(t('method.hash'), { size: 8, color: COLORS.muted }, { gapAfter: 0.3 });
    w.paragraph(grid.hash, { size: 7.5, mono: true }, { gapAfter: 2.5 });
  }

  w.heading(t('method.leftOutTitle'), 2);
  w.paragraph(t('method.leftOutIntro'), { size: 8.5 });
  const leftOut = model.grids.filter((grid) => grid.leftOut.length > 0);
  if (leftOut.length === 0) w.paragraph(t('method.leftOutNone'), { size: 8.5 });
  for (const grid of leftOut) {
    w.heading(grid.title, 3);
    w.bullets(
      grid.leftOut.map((entry) =>
        t('method.leftOutEntry', {
          kind: t(`method.leftOutKind.${entry.kind}`),
          label: entry.dimension ? `${entry.label} (${entry.dimension})` : entry.label,
          reasons: entry.reasons.map((reason) => t(`method.leftOutReason.${reason}`)).join(', '),
        }),
      ),
      { size: 8 },
    );
  }

  w.heading(t('method.sourcesTitle'), 2);
  const seen = new Set<string>();
  const sources: string[] = [];
  for (const grid of model.grids) {
    for (const s of [...grid.sources, ...grid.recommendations.flatMap((r) => r.sources)]) {
      const key = `${s.label}|${s.url ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sources.push(s.url ? `${s.label} — ${s.url}` : s.label);
    }
  }
  if (sources.length === 0) w.paragraph(t('common.none'), BODY);
  else w.bullets(sources, { size: 8 });

  if (model.legal) {
    w.heading(t('legal.methodTitle'), 2);
    w.paragraph(t('legal.methodIntro'), { size: 8.5 }, { gapAfter: 1.2 });
    if (model.legal.references.length === 0) w.paragraph(t('legal.none'), { size: 8.5 });
    else {
      w.bullets(
        model.legal.references.map((ref) =>
          t('legal.methodKept', { citation: ref.citation, status: c.legal.status(ref) }),
        ),
        { size: 8 },
      );
    }
    if (model.legal.excluded.length > 0) {
      w.heading(t('legal.excludedTitle'), 3);
      w.bullets(
        model.legal.excluded.map((ref) =>
          t('legal.excluded', {
            citation: ref.citation,
            reason: ref.failed.map((field) => t(`legal.failed.${field}`)).join(', '),
          }),
        ),
        { size: 8 },
        { bullet: '–' },
      );
    }
  }
}
