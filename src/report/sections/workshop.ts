/**
 * A workshop's sections: who answered (visible roles only), the roles compared per dimension,
 * the topics where views diverge most, and Cronbach's α per dimension (docs/scoring.md).
 */
import type { Role } from '@/domain/answers/answers';
import { MIN_RESPONDENTS_FOR_ALPHA } from '@/domain/aggregate/reliability';
import type { ReliabilityGrid, RolesComparedGrid, TopicsGrid } from '@/domain/report/report-model';
import { shownPair } from '@/domain/scoring/display';
import { BODY_SIZE, COLORS } from '../layout';
import type { Cell, ReportWriter, TextStyle } from '../writer';
import { BODY, type ReportContext, SECTION_ROOM, SMALL } from './context';

export function writeWorkshop(w: ReportWriter, c: ReportContext): void {
  const { model } = c;
  if (!model.workshop && model.diagnostic.purpose !== 'workshop') return;
  w.section(SECTION_ROOM);
  writeParticipation(w, c);
  if (model.workshop && model.workshop.roles.length > 0)
    writeRolesCompared(w, c, model.workshop.roles);
  if (model.workshop && model.workshop.topics.length > 0) writeTopics(w, c, model.workshop.topics);
  if (model.workshop && model.workshop.reliability.length > 0)
    writeReliability(w, c, model.workshop.reliability);
}

/** Who answered: respondents, visible roles with their counts, the masked total, the rule. */
function writeParticipation(w: ReportWriter, { model, t, f }: ReportContext): void {
  const p = model.participation;
  w.heading(t('purposeSection.workshop.title'), 1);
  w.paragraph(t('purposeSection.workshop.respondents', { count: f.int(p.respondents) }), {
    size: 10.5,
    bold: true,
  });
  w.heading(t('purposeSection.workshop.rolesTitle'), 3);
  if (p.roles.length === 0) w.paragraph(t('purposeSection.workshop.noRoles'), BODY);
  else
    w.table(
      [
        { header: t('purposeSection.workshop.role'), width: 110 },
        { header: t('purposeSection.workshop.count'), width: 60, align: 'right' },
      ],
      p.roles.map((r) => [t(`labels.role.${r.role}`), f.int(r.n)]),
    );
  w.paragraph(t('purposeSection.workshop.masked', { count: f.int(p.masked) }), BODY);
  w.paragraph(t('purposeSection.workshop.rule', { threshold: f.int(p.anonymityThreshold) }), {
    size: 8.5,
    color: COLORS.muted,
  });
}

/** Per grid, the mean of everyone and of each visible role per dimension; masked roles only counted. */
function writeRolesCompared(w: ReportWriter, c: ReportContext, grids: RolesComparedGrid[]): void {
  const { model, t, f } = c;
  const threshold = f.int(model.participation.anonymityThreshold);
  w.heading(t('roles.title'), 1);
  w.paragraph(t('roles.intro', { threshold }), SMALL, { gapAfter: 2 });
  const cell = (score: number | null, bounds: readonly number[]): Cell =>
    score === null ? { text: t('common.noScore'), color: COLORS.muted } : f.score(score, bounds);
  const headerStyle: TextStyle = { size: 8, bold: true };
  // A header never breaks inside a word: each numeric column is as wide as its longest word.
  const columnWidth = (header: string): number =>
    Math.max(16, ...header.split(' ').map((word) => w.measure(word, headerStyle) + 3.6));
  for (const grid of grids) {
    // The whole table moves to the next page rather than leave its last rows alone there.
    const rowHeight = w.lineHeight(8) + 2.6;
    const tableHeight = (grid.dimensions.length + 3) * rowHeight + 8;
    w.heading(grid.title, 2, Math.min(tableHeight, 150));
    const total = grid.roles.reduce((sum, r) => sum + r.n, 0) + grid.masked;
    // "(n = 12)" stays on one line: no-break spaces.
    const count = (n: number): string => t('roles.count', { n: f.int(n) }).replace(/ /g, '\u00a0');
    const headers = [
      `${t('roles.all')} ${count(total)}`,
      ...grid.roles.map((r) => `${t(`labels.role.${r.role}`)} ${count(r.n)}`),
    ];
    const widths = headers.map(columnWidth);
    const numeric = widths.reduce((a, b) => a + b, 0);
    w.table(
      [
        { header: t('roles.dimension'), width: Math.max(40, w.width - numeric) },
        ...headers.map((header, i) => ({
          header,
          width: widths[i] ?? 16,
          align: 'right' as const,
        })),
      ],
      grid.dimensions.map((d) => [
        d.label,
        {
          ...(d.all === null ? { color: COLORS.muted } : {}),
          text: d.all === null ? t('common.noScore') : f.score(d.all, d.bounds),
          bold: true,
        },
        ...d.byRole.map((score, r) =>
          d.notAsked?.[r] === true
            ? { text: t('roles.notAsked'), color: COLORS.muted }
            : cell(score, d.bounds),
        ),
      ]),
      { size: 8 },
    );
    if (grid.dimensions.some((d) => d.notAsked?.some(Boolean))) {
      w.paragraph(t('roles.notAskedNote'), { size: 8, color: COLORS.muted }, { gapAfter: 1 });
    }
    w.paragraph(
      grid.masked > 0 ? t('roles.masked', { count: f.int(grid.masked) }) : t('roles.noneMasked'),
      { size: 8, color: COLORS.muted },
      { gapAfter: 2 },
    );
  }
}

/** Where views diverge most, per grid: dimensions, role gaps, items with their distribution. */
function writeTopics(w: ReportWriter, { t, f }: ReportContext, grids: TopicsGrid[]): void {
  w.heading(t('topics.title'), 1);
  w.paragraph(t('topics.intro'), SMALL, { gapAfter: 2 });
  const role = (r: Role): string => t(`labels.role.${r}`);
  for (const grid of grids) {
    w.heading(grid.title, 2, 3 * w.lineHeight(BODY_SIZE) + 6);
    if (grid.dimensions.length > 0) {
      w.heading(t('topics.dimensions'), 3);
      w.bullets(
        grid.dimensions.map((d) =>
          t('topics.dimension', {
            dimension: d.label,
            sd: f.score(d.sd, d.bounds.spread, 'above'),
            mean: f.score(d.mean, d.bounds.score),
            n: f.int(d.n),
          }),
        ),
        { size: 8.5 },
      );
    }
    w.heading(t('topics.roleGaps'), 3);
    if (grid.roleGaps.length === 0) w.paragraph(t('topics.noRoleGaps'), { size: 8.5 });
    else
      w.bullets(
        grid.roleGaps.map((g) => {
          // The gap is the difference of the two means shown (docs/scoring.md).
          const shown = shownPair(
            { value: g.meanA, bounds: g.bounds.score },
            { value: g.meanB, bounds: g.bounds.score },
            g.bounds.roleGap,
          );
          return t('topics.roleGap', {
            dimension: g.label,
            roleA: role(g.roleA),
            meanA: f.shown(shown.a),
            roleB: role(g.roleB),
            meanB: f.shown(shown.b),
            gap: f.shown(shown.difference),
          });
        }),
        { size: 8.5 },
      );
    if (grid.items.length > 0) {
      w.heading(t('topics.items'), 3, 3 * w.lineHeight(BODY_SIZE) + 20);
      grid.items.forEach((item, i) => {
        w.distribution({
          question: `${i + 1}. ${item.text}`,
          meta: t('topics.item', {
            dimension: item.dimension,
            sd: f.score(item.sd),
            mean: f.score(item.mean),
            n: f.int(item.n),
          }),
          rows: item.distribution.map((row) => ({
            label:
              row.kind === 'value'
                ? t('topics.point', { label: row.label, value: f.one(row.value) })
                : t(`topics.${row.kind}`),
            count: row.count,
            countText: f.int(row.count),
          })),
          headers: [t('docx.answer'), t('docx.count')],
        });
      });
    }
  }
}

/** Cronbach's α per dimension, per grid, with the items that lower it (docs/scoring.md). */
function writeReliability(
  w: ReportWriter,
  { t, f }: ReportContext,
  grids: ReliabilityGrid[],
): void {
  w.heading(t('reliability.title'), 1);
  w.paragraph(t('reliability.intro'), SMALL, { gapAfter: 2 });
  for (const grid of grids) {
    w.heading(grid.title, 2, 3 * w.lineHeight(BODY_SIZE) + 6);
    w.bullets(
      grid.dimensions.map((d) => {
        const line =
          d.alpha !== null
            ? t('reliability.dimension', {
                dimension: d.label,
                alpha: f.two(d.alpha),
                n: f.int(d.completeCases),
              })
            : d.items < 2
              ? t('reliability.oneItem', { dimension: d.label })
              : d.completeCases < MIN_RESPONDENTS_FOR_ALPHA
                ? t('reliability.tooFew', {
                    dimension: d.label,
                    min: f.int(MIN_RESPONDENTS_FOR_ALPHA),
                  })
                : t('reliability.noVariance', { dimension: d.label });
        const lowering = d.lowering.map((item) =>
          t('reliability.lowering', { text: item.text, alpha: f.two(item.alphaIfDeleted) }),
        );
        return [line, ...lowering].join(' — ');
      }),
      { size: 8.5 },
    );
  }
}
