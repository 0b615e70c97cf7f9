/**
 * The editable report: the same report model as the PDF (`render-pdf.ts`), as a Word document
 * (.docx, Office Open XML) that consultants and representatives can edit. Same sections in the
 * same order, same words and figures (`report-text.ts`: the display rule of docs/scoring.md),
 * headings as Word's « Titre 1/2/3 » styles (the navigation pane lists them), tables as Word
 * tables, radars and bars as PNG images drawn from the same chart data (`chart-image.ts`), law
 * with its verified date and « not legal advice ». The only module that imports `docx`: load it
 * with `import()` when the user asks for the file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  DimensionReport,
  EvolutionReport,
  GridReport,
  LegalReferenceReport,
  LevelRef,
  RecommendationReport,
  ReportModel,
} from '@/domain/report/report-model';
import { type Shown, shownComparison, shownPair, shownPercent } from '@/domain/scoring/display';
import { MIN_RESPONDENTS_FOR_ALPHA } from '@/domain/aggregate/reliability';
import { chartPng, type ChartSpec, type PngImage } from './chart-image';
import { COLORS } from './layout';
import { conditionText, longDay, statusText } from './legal-text';
import {
  colonOf,
  formatters,
  partialText,
  reasonText,
  reportFileName,
  reportLocale,
  type Translate,
} from './report-text';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DocxOptions = {
  /** Draws a chart as a PNG; the browser's canvas by default (tests pass their own). */
  chartImage?: (spec: ChartSpec) => Promise<PngImage>;
};

/** A table cell: text, or text with a style; `swatch` puts a square of the level's colour before it. */
type Cell = string | { text: string; bold?: boolean; color?: string; swatch?: string };
type Column = { header: string; width: number; align?: 'right' };

const hex = (color: string): string => color.replace('#', '').toUpperCase();
const FONT = 'Calibri';
/** Half-points. */
const BODY = 20;
const SMALL = 16;

/** Renders the report model as a .docx; `t` is bound to the `report` namespace and model.lang. */
export async function renderReportDocx(
  model: ReportModel,
  t: Translate,
  options: DocxOptions = {},
): Promise<{ blob: Blob; fileName: string }> {
  const chartImage = options.chartImage ?? chartPng;
  const f = formatters(model.lang);
  const colon = colonOf(model.lang);
  const out: (Paragraph | Table)[] = [];
  const gridTitles = new Map(model.grids.map((g) => [g.id, g.title]));
  const gridTitle = (id: string): string => gridTitles.get(id) ?? id;
  const scoreText = (score: number | null, bounds: readonly number[]): string =>
    score === null ? t('common.noScore') : f.score(score, bounds);
  const gridBounds = (g: GridReport): number[] => g.levelBounds.map((b) => b.min);

  // Building blocks ------------------------------------------------------------------------------
  const run = (text: string, style: { bold?: boolean; color?: string; size?: number } = {}) =>
    new TextRun({
      text,
      bold: style.bold,
      color: style.color ? hex(style.color) : undefined,
      size: style.size,
    });
  const heading = (text: string, level: 1 | 2 | 3, pageBreakBefore = false): void => {
    out.push(
      new Paragraph({
        heading:
          level === 1
            ? HeadingLevel.HEADING_1
            : level === 2
              ? HeadingLevel.HEADING_2
              : HeadingLevel.HEADING_3,
        pageBreakBefore,
        keepNext: true,
        children: [new TextRun(text)],
      }),
    );
  };
  const para = (
    text: string,
    style: { bold?: boolean; color?: string; size?: number; indent?: boolean } = {},
  ): void => {
    out.push(
      new Paragraph({
        children: [run(text, style)],
        indent: style.indent ? { left: 280 } : undefined,
        spacing: { after: 80 },
      }),
    );
  };
  const small = (text: string): void => para(text, { size: SMALL, color: COLORS.muted });
  const labelled = (
    label: string,
    text: string,
    style: { size?: number; color?: string; bold?: boolean } = {},
  ): void => {
    out.push(
      new Paragraph({
        children: [
          run(`${label} `, { bold: true, size: style.size, color: style.color }),
          run(text, style),
        ],
        spacing: { after: 80 },
      }),
    );
  };
  const bullets = (lines: readonly string[], size?: number): void => {
    for (const line of lines)
      out.push(new Paragraph({ bullet: { level: 0 }, children: [run(line, { size })] }));
  };
  const cellOf = (cell: Cell, align: Column['align'], header: boolean): TableCell => {
    const c = typeof cell === 'string' ? { text: cell } : cell;
    const style = { bold: header || c.bold, color: header ? '#ffffff' : c.color, size: SMALL + 2 };
    return new TableCell({
      // One paragraph per line of the text (the cover's list of grids).
      children: c.text.split('\n').map(
        (line, i) =>
          new Paragraph({
            alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [
              ...(i === 0 && c.swatch ? [run('■ ', { color: c.swatch })] : []),
              run(line, style),
            ],
          }),
      ),
      shading: header
        ? { type: ShadingType.CLEAR, color: 'auto', fill: hex(COLORS.accent) }
        : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  };
  const table = (columns: Column[], rows: Cell[][], withHeader = true): void => {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const border = { style: BorderStyle.SINGLE, size: 4, color: hex(COLORS.rule) };
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: columns.map((c) => Math.round((9638 * c.width) / total)),
        borders: {
          top: border,
          bottom: border,
          left: border,
          right: border,
          insideHorizontal: border,
          insideVertical: border,
        },
        rows: [
          ...(withHeader
            ? [
                new TableRow({
                  tableHeader: true,
                  children: columns.map((c) => cellOf(c.header, c.align, true)),
                }),
              ]
            : []),
          ...rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: row.map((cell, i) => cellOf(cell, columns[i]?.align, false)),
              }),
          ),
        ],
      }),
    );
    out.push(new Paragraph({ spacing: { after: 60 }, children: [] }));
  };
  const chart = async (spec: ChartSpec, alt: string): Promise<void> => {
    const image = await chartImage(spec);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: image.data,
            transformation: { width: image.width, height: image.height },
            altText: { name: alt, title: alt, description: alt },
          }),
        ],
      }),
    );
  };
  const chartOf = (
    axes: { label: string; score: number | null; bounds?: { score: readonly number[] } }[],
  ): ChartSpec => ({
    kind: axes.length >= 3 ? 'radar' : 'bars',
    axes: axes.map((a) => ({
      label: a.label,
      score: a.score,
      value:
        a.score === null
          ? t('insufficient.radar')
          : t('common.scoreOutOf', { score: f.score(a.score, a.bounds?.score) }),
    })),
    ticks: (axes.length >= 3 ? [25, 50, 75, 100] : [0, 50, 100]).map((v) => f.int(v)),
  });
  const levelCell = (dim: {
    score: number | null;
    level: LevelRef | null;
    insufficient?: DimensionReport['insufficient'];
  }): Cell => {
    if (dim.score === null || dim.level === null) {
      const reason = dim.insufficient === 'zeroWeight' ? 'zeroWeight' : 'coverage';
      return {
        text: dim.score === null ? t(`insufficient.${reason}`) : t('common.noLevel'),
        color: COLORS.muted,
      };
    }
    return { text: dim.level.label, swatch: dim.level.color };
  };
  /** The score block of the PDF as one line: « Score global : 62/100 — ■ En progrès ». */
  const scoreLine = (
    label: string,
    score: number | null,
    level: LevelRef | null,
    bounds: readonly number[],
  ): void => {
    const value =
      score === null
        ? t('common.noScore')
        : t('common.scoreOutOf', { score: f.score(score, bounds) });
    out.push(
      new Paragraph({
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(COLORS.accentLight) },
        spacing: { before: 80, after: 120 },
        children: [
          run(`${colon(label)} `, { bold: true, color: COLORS.accent }),
          run(value, { bold: true, size: 32 }),
          run('   '),
          ...(score !== null && level !== null
            ? [run('■ ', { color: level.color, size: 28 }), run(level.label, { bold: true })]
            : [run(t('insufficient.coverage'), { color: COLORS.muted })]),
        ],
      }),
    );
  };

  // Legal references -----------------------------------------------------------------------------
  const legalById = new Map((model.legal?.references ?? []).map((ref) => [ref.id, ref]));
  const legalDay = (ymd: string): string => longDay(ymd, reportLocale(model.lang));
  const legalStatus = (ref: LegalReferenceReport): string => statusText(ref, t, legalDay);
  const legalCondition = (ref: LegalReferenceReport): string =>
    conditionText(ref.dependsOn, t, (field, value) => t(`labels.${field}.${value}`));
  const legalCitation = (ref: LegalReferenceReport): string =>
    Object.keys(ref.dependsOn).length > 0
      ? `${ref.citation} (${colon(t('legal.dependsOn'))} ${legalCondition(ref)})`
      : ref.citation;
  const reasonsText = (rec: RecommendationReport): string =>
    rec.reasons.length === 0
      ? t('rec.noReason')
      : rec.reasons.map((r) => reasonText(r, t, model.lang)).join(t('common.listSeparator'));

  // Cover ----------------------------------------------------------------------------------------
  const d = model.diagnostic;
  out.push(
    new Paragraph({ children: [run(t('appName'), { bold: true, color: COLORS.accent })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(d.title)] }),
    new Paragraph({
      spacing: { after: 200 },
      children: [run(t('documentKind'), { bold: true, size: 28, color: COLORS.accent })],
    }),
  );
  if (d.organisation) para(d.organisation, { size: 26 });
  const c = d.context;
  const notGiven = t('labels.notGiven');
  const cover: [string, string][] = [
    [t('cover.project'), d.project.name],
    [
      t('cover.kind'),
      c.projectKinds.length === 0
        ? notGiven
        : c.projectKinds.map((kind) => t(`labels.projectKind.${kind}`)).join(', '),
    ],
    [t('cover.phase'), c.phase === 'unknown' ? notGiven : t(`labels.projectPhase.${c.phase}`)],
    [t('cover.purpose'), t(`labels.purpose.${d.purpose}`)],
  ];
  if (c.sector !== 'unknown') cover.push([t('cover.sector'), t(`labels.sector.${c.sector}`)]);
  else if (d.sector) cover.push([t('cover.sector'), d.sector]);
  cover.push([t('cover.size'), c.size === 'unknown' ? notGiven : t(`labels.size.${c.size}`)]);
  cover.push([t('cover.cse'), t(`labels.answer.${c.cse}`)]);
  cover.push([t('cover.unionDelegates'), t(`labels.answer.${c.unionDelegates}`)]);
  cover.push([t('cover.date'), f.date(model.generatedAt)]);
  cover.push([t('cover.respondents'), f.int(model.participation.respondents)]);
  cover.push([
    t('cover.grids'),
    model.grids
      .map((g) => t('cover.gridVersion', { title: g.title, version: g.version }))
      .join('\n'),
  ]);
  table(
    [
      { header: '', width: 52 },
      { header: '', width: 118 },
    ],
    cover.map(([label, value]) => [{ text: label, bold: true, color: COLORS.muted }, value]),
    false,
  );
  small(t('footer.local'));

  // Summary --------------------------------------------------------------------------------------
  heading(t('summary.title'), 1, true);
  scoreLine(t('summary.overall'), model.overall.score, model.overall.level, model.overall.bounds);
  if (model.overall.score === null) para(t('summary.overallNone'));
  small(t('summary.overallHint'));
  heading(t('summary.gridsTitle'), 2);
  table(
    [
      { header: t('table.grid'), width: 100 },
      { header: t('table.score'), width: 25, align: 'right' },
      { header: t('table.level'), width: 45 },
    ],
    model.grids.map((g) => [
      g.title,
      { text: scoreText(g.score, gridBounds(g)), bold: true },
      levelCell({ score: g.score, level: g.level }),
    ]),
  );
  const overview = model.grids.map((g) => ({
    label: g.title,
    score: g.score,
    bounds: { score: gridBounds(g) },
  }));
  if (overview.length > 0) {
    const title = t(overview.length >= 3 ? 'summary.radarTitle' : 'summary.barsTitle');
    heading(title, 2);
    await chart(chartOf(overview), title);
  }
  const dimensionTable = (dims: DimensionReport[]): void => {
    if (dims.length === 0) {
      para(t('summary.noDimension'));
      return;
    }
    table(
      [
        { header: t('table.dimension'), width: 64 },
        { header: t('table.grid'), width: 52 },
        { header: t('table.score'), width: 21, align: 'right' },
        { header: t('table.level'), width: 33 },
      ],
      dims.map((dim) => [
        dim.label,
        gridTitle(dim.gridId),
        { text: scoreText(dim.score, dim.bounds.score), bold: true },
        levelCell(dim),
      ]),
    );
  };
  heading(t('summary.strengths'), 2);
  dimensionTable(model.strengths.slice(0, 3));
  heading(t('summary.weaknesses'), 2);
  dimensionTable(model.weaknesses.slice(0, 3));
  heading(t('summary.topRecommendations'), 2);
  const top = model.recommendations.slice(0, 5);
  if (top.length === 0) para(t('summary.noRecommendations'));
  top.forEach((rec, i) => {
    para(`${i + 1}. ${rec.title}`, { bold: true });
    para(`${t(`labels.priority.${rec.priority}`)} · ${gridTitle(rec.gridId)}`, {
      size: SMALL,
      color: COLORS.muted,
      indent: true,
    });
    labelled(colon(t('rec.why')), reasonsText(rec), { size: SMALL + 1 });
  });
  if (model.partial) {
    out.push(
      new Paragraph({
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4E0' },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B45309', space: 6 } },
        spacing: { before: 160, after: 160 },
        children: [
          run(t('partial.title'), { bold: true, color: '#b45309' }),
          new TextRun({ break: 1 }),
          run(partialText(model, t), { size: SMALL + 1 }),
        ],
      }),
    );
  }

  // One section per grid -------------------------------------------------------------------------
  for (const grid of model.grids) {
    heading(grid.title, 1, true);
    small(t('grid.identity', { id: grid.id, version: grid.version }));
    if (grid.description.trim() !== '')
      para(grid.description, { size: SMALL + 1, color: COLORS.muted });
    scoreLine(t('grid.score'), grid.score, grid.level, gridBounds(grid));
    if (grid.dimensions.length > 0) {
      const title = t(grid.dimensions.length >= 3 ? 'grid.radarTitle' : 'grid.barsTitle');
      heading(title, 2);
      await chart(
        chartOf(grid.dimensions.map((dim) => ({ ...dim, bounds: dim.bounds }))),
        `${title} — ${grid.title}`,
      );
      if (grid.dimensions.length >= 3) small(t('grid.radarNote'));
    }
    heading(t('grid.scoresTitle'), 2);
    table(
      [
        { header: t('table.dimension'), width: 56 },
        { header: t('table.score'), width: 21, align: 'right' },
        { header: t('table.level'), width: 34 },
        { header: t('table.coverage'), width: 23, align: 'right' },
        { header: t('table.dk'), width: 20, align: 'right' },
        { header: t('table.n'), width: 16, align: 'right' },
      ],
      grid.dimensions.map((dim) => [
        dim.label,
        { text: scoreText(dim.score, dim.bounds.score), bold: true },
        levelCell(dim),
        f.pct(dim.coverage),
        f.shownPct(shownPercent(dim.dkRate, dim.bounds.dkRate)),
        f.int(dim.n),
      ]),
    );
    heading(t('grid.recommendationsTitle'), 2);
    if (grid.recommendations.length === 0) para(t('grid.noRecommendations'));
    for (const rec of grid.recommendations) recommendation(rec);
  }

  function recommendation(rec: RecommendationReport): void {
    heading(rec.title, 3);
    para(t(`labels.priority.${rec.priority}`), {
      bold: true,
      size: SMALL,
      color:
        rec.priority === 'high' ? '#9b1c1c' : rec.priority === 'medium' ? '#8a4b08' : COLORS.muted,
    });
    labelled(colon(t('rec.why')), reasonsText(rec), { size: SMALL + 1 });
    para(rec.body);
    if (rec.actions.length > 0) {
      para(t('rec.actions'), { bold: true });
      bullets(rec.actions);
    }
    if (rec.negotiation) labelled(colon(t('rec.negotiation')), rec.negotiation);
    if (rec.checklist && rec.checklist.length > 0) {
      para(t('rec.checklist'), { bold: true });
      bullets(
        rec.checklist.map((line) =>
          t('rec.checklistLine', {
            item: line.item,
            requirement: line.requirement,
            score: f.score(
              line.score,
              rec.checklistBelow === undefined ? [] : [rec.checklistBelow],
            ),
          }),
        ),
        SMALL + 1,
      );
    }
    const legal = rec.legalRefs.flatMap((id) => legalById.get(id) ?? []);
    if (legal.length > 0) {
      labelled(
        colon(t('legal.onRecommendation')),
        legal.map(legalCitation).join(t('common.listSeparator')),
        {
          size: SMALL,
        },
      );
      para([...new Set(legal.map(legalStatus))].join(' '), {
        size: SMALL - 1,
        color: COLORS.muted,
      });
    }
    if (rec.sources.length > 0) {
      labelled(
        colon(t('rec.sources')),
        rec.sources
          .map((s) => (s.url ? `${s.label} (${s.url})` : s.label))
          .join(t('common.listSeparator')),
        { size: SMALL - 1, color: COLORS.muted },
      );
    }
  }

  // Legal references that apply to this context --------------------------------------------------
  if (model.legal) {
    heading(t('legal.title'), 1, true);
    small(t('legal.intro'));
    if (model.legal.references.length === 0) para(t('legal.none'));
    for (const ref of model.legal.references) {
      heading(ref.citation, 3);
      para(ref.summary);
      labelled(colon(t('legal.grants')), ref.grants, { size: SMALL + 1 });
      if (Object.keys(ref.dependsOn).length > 0)
        labelled(colon(t('legal.dependsOn')), legalCondition(ref), { size: SMALL + 1, bold: true });
      labelled(
        colon(t('legal.citedBy')),
        ref.citedBy.map((cb) => t('legal.quoted', { title: cb.title })).join(', '),
        {
          size: SMALL,
        },
      );
      labelled(colon(t('legal.source')), ref.source, { size: SMALL - 1, color: COLORS.muted });
      para(legalStatus(ref), { size: SMALL, bold: true });
    }
  }

  // Evolution, workshop --------------------------------------------------------------------------
  if (model.evolution) evolution(model.evolution);
  if (model.workshop || model.diagnostic.purpose === 'workshop') workshop();

  // Action plan and comments ---------------------------------------------------------------------
  heading(t('actionPlan.title'), 1, true);
  if (model.actionPlan.length === 0) para(t('actionPlan.empty'));
  else
    table(
      [
        { header: t('actionPlan.action'), width: 58 },
        { header: t('actionPlan.owner'), width: 30 },
        { header: t('actionPlan.deadline'), width: 22 },
        { header: t('actionPlan.status'), width: 18 },
        { header: t('actionPlan.indicator'), width: 42 },
      ],
      model.actionPlan.map((a) => [
        { text: a.title, bold: true },
        a.owner,
        a.deadline ? f.day(a.deadline) : t('common.noScore'),
        t(`labels.actionStatus.${a.status}`),
        a.indicator,
      ]),
    );
  heading(t('comments.title'), 1);
  const groups = model.comments.filter((g) => g.comments.some((text) => text.trim() !== ''));
  if (groups.length === 0) para(t('comments.empty'));
  else {
    small(t('comments.intro'));
    for (const group of groups) {
      heading(
        t('comments.group', { dimension: group.dimension, grid: gridTitle(group.gridId) }),
        3,
      );
      bullets(
        group.comments.filter((text) => text.trim() !== '').map((text) => text.trim()),
        SMALL + 1,
      );
    }
  }

  purposeSection();
  method();

  // The document ---------------------------------------------------------------------------------
  const headerLine = new Paragraph({
    children: [run(`${d.title} · ${t('documentKind')}`, { size: 15, color: COLORS.muted })],
  });
  // « Page {{page}} sur {{total}} » with Word's fields in the places of the figures.
  const pageText = t('footer.page', { page: '\uE000', total: '\uE001' });
  const pageRuns = pageText
    .split(/(\uE000|\uE001)/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '\uE000'
        ? new TextRun({ children: [PageNumber.CURRENT], size: 15 })
        : part === '\uE001'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 15 })
          : run(part, { size: 15, color: COLORS.muted }),
    );
  const footerLine = new Paragraph({
    children: [
      run(
        `${t('footer.generated', { date: f.date(model.generatedAt) })} · ${t('footer.local')}   `,
        { size: 15, color: COLORS.muted },
      ),
      ...pageRuns,
    ],
  });
  const locale = reportLocale(model.lang);
  const doc = new Document({
    title: d.title,
    subject: t('meta.subject'),
    creator: t('appName'),
    keywords: t('meta.keywords'),
    description: t('documentKind'),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY, color: hex(COLORS.text), language: { value: locale } },
        },
        heading1: { run: { color: hex(COLORS.accent), size: 32, bold: true } },
        heading2: { run: { color: hex(COLORS.accent), size: 26, bold: true } },
        heading3: { run: { color: hex(COLORS.text), size: 22, bold: true } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1360, bottom: 1247, left: 1134, right: 1134 },
          },
        },
        headers: { default: new Header({ children: [headerLine] }) },
        footers: { default: new Footer({ children: [footerLine] }) },
        children: out,
      },
    ],
  });
  const blob = await Packer.toBlob(doc);
  return {
    blob: blob.type === DOCX_TYPE ? blob : new Blob([blob], { type: DOCX_TYPE }),
    fileName: reportFileName(d.title, model.generatedAt, t('fileNameFallback'), 'docx'),
  };

  // Sections written the PDF's way, in functions below so the order above reads as the report's.

  function purposeSection(): void {
    const purpose = model.diagnostic.purpose;
    if (purpose === 'negotiation') {
      heading(t('purposeSection.negotiation.title'), 1);
      const seen = new Set<string>();
      const recs = model.recommendations.filter((r) => {
        if (!r.negotiation || seen.has(`${r.gridId}/${r.id}`)) return false;
        seen.add(`${r.gridId}/${r.id}`);
        return true;
      });
      if (recs.length === 0) {
        para(t('purposeSection.negotiation.empty'));
        return;
      }
      small(t('purposeSection.negotiation.intro'));
      recs.forEach((rec, i) => {
        heading(`${i + 1}. ${rec.title}`, 3);
        para(rec.negotiation ?? '');
        const legal = [
          ...rec.legalRefs.flatMap((id) => {
            const ref = legalById.get(id);
            return ref ? [`${legalCitation(ref)} — ${legalStatus(ref)}`] : [];
          }),
          ...rec.sources
            .filter((s) => s.type === 'law' || s.type === 'agreement')
            .map((s) => (s.url ? `${s.label} (${s.url})` : s.label)),
        ];
        labelled(
          colon(t('purposeSection.negotiation.legal')),
          legal.length === 0
            ? t('purposeSection.negotiation.noLegal')
            : legal.join(t('common.listSeparator')),
          { size: SMALL, color: COLORS.muted },
        );
      });
    } else if (purpose === 'upstream') {
      heading(t('purposeSection.upstream.title'), 1);
      const high = model.recommendations
        .filter((r) => r.priority === 'high' && r.actions.length > 0)
        .slice(0, 5);
      if (high.length === 0) para(t('purposeSection.upstream.empty'));
      else {
        para(t('purposeSection.upstream.intro'));
        high.forEach((rec, i) => {
          para(`${i + 1}. ${rec.title}`, { bold: true });
          para(rec.actions[0] ?? '', { indent: true });
        });
      }
      para(t('purposeSection.upstream.pointer'), { color: COLORS.muted });
    }
  }

  function workshop(): void {
    const p = model.participation;
    heading(t('purposeSection.workshop.title'), 1, true);
    para(t('purposeSection.workshop.respondents', { count: f.int(p.respondents) }), {
      bold: true,
    });
    heading(t('purposeSection.workshop.rolesTitle'), 3);
    if (p.roles.length === 0) para(t('purposeSection.workshop.noRoles'));
    else
      table(
        [
          { header: t('purposeSection.workshop.role'), width: 110 },
          { header: t('purposeSection.workshop.count'), width: 60, align: 'right' },
        ],
        p.roles.map((r) => [t(`labels.role.${r.role}`), f.int(r.n)]),
      );
    para(t('purposeSection.workshop.masked', { count: f.int(p.masked) }));
    para(t('purposeSection.workshop.rule', { threshold: f.int(p.anonymityThreshold) }), {
      size: SMALL + 1,
      color: COLORS.muted,
    });
    const w = model.workshop;
    if (!w) return;
    if (w.roles.length > 0) {
      heading(t('roles.title'), 1);
      small(t('roles.intro', { threshold: f.int(p.anonymityThreshold) }));
      for (const grid of w.roles) {
        heading(grid.title, 2);
        const total = grid.roles.reduce((sum, r) => sum + r.n, 0) + grid.masked;
        const count = (n: number): string => t('roles.count', { n: f.int(n) });
        const headers = [
          `${t('roles.all')} ${count(total)}`,
          ...grid.roles.map((r) => `${t(`labels.role.${r.role}`)} ${count(r.n)}`),
        ];
        table(
          [
            { header: t('roles.dimension'), width: 60 },
            ...headers.map((header) => ({ header, width: 20, align: 'right' as const })),
          ],
          grid.dimensions.map((dim) => [
            dim.label,
            dim.all === null
              ? { text: t('common.noScore'), color: COLORS.muted, bold: true }
              : { text: f.score(dim.all, dim.bounds), bold: true },
            ...dim.byRole.map((score): Cell =>
              score === null
                ? { text: t('common.noScore'), color: COLORS.muted }
                : f.score(score, dim.bounds),
            ),
          ]),
        );
        para(
          grid.masked > 0
            ? t('roles.masked', { count: f.int(grid.masked) })
            : t('roles.noneMasked'),
          { size: SMALL, color: COLORS.muted },
        );
      }
    }
    if (w.topics.length > 0) {
      heading(t('topics.title'), 1);
      small(t('topics.intro'));
      const role = (r: string): string => t(`labels.role.${r}`);
      for (const grid of w.topics) {
        heading(grid.title, 2);
        if (grid.dimensions.length > 0) {
          heading(t('topics.dimensions'), 3);
          bullets(
            grid.dimensions.map((dim) =>
              t('topics.dimension', {
                dimension: dim.label,
                sd: f.score(dim.sd, dim.bounds.spread, 'above'),
                mean: f.score(dim.mean, dim.bounds.score),
                n: f.int(dim.n),
              }),
            ),
            SMALL + 1,
          );
        }
        heading(t('topics.roleGaps'), 3);
        if (grid.roleGaps.length === 0) para(t('topics.noRoleGaps'), { size: SMALL + 1 });
        else
          bullets(
            grid.roleGaps.map((g) => {
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
            SMALL + 1,
          );
        if (grid.items.length > 0) {
          heading(t('topics.items'), 3);
          grid.items.forEach((item, i) => {
            para(`${i + 1}. ${item.text}`, { bold: true, size: SMALL + 1 });
            para(
              t('topics.item', {
                dimension: item.dimension,
                sd: f.score(item.sd),
                mean: f.score(item.mean),
                n: f.int(item.n),
              }),
              { size: SMALL - 1, color: COLORS.muted, indent: true },
            );
            table(
              [
                { header: t('docx.answer'), width: 120 },
                { header: t('docx.count'), width: 40, align: 'right' },
              ],
              item.distribution.map((row) => [
                row.kind === 'value'
                  ? t('topics.point', { label: row.label, value: f.one(row.value) })
                  : t(`topics.${row.kind}`),
                f.int(row.count),
              ]),
            );
          });
        }
      }
    }
    if (w.reliability.length > 0) {
      heading(t('reliability.title'), 1);
      small(t('reliability.intro'));
      for (const grid of w.reliability) {
        heading(grid.title, 2);
        bullets(
          grid.dimensions.map((dim) => {
            const line =
              dim.alpha !== null
                ? t('reliability.dimension', {
                    dimension: dim.label,
                    alpha: f.two(dim.alpha),
                    n: f.int(dim.completeCases),
                  })
                : dim.items < 2
                  ? t('reliability.oneItem', { dimension: dim.label })
                  : dim.completeCases < MIN_RESPONDENTS_FOR_ALPHA
                    ? t('reliability.tooFew', {
                        dimension: dim.label,
                        min: f.int(MIN_RESPONDENTS_FOR_ALPHA),
                      })
                    : t('reliability.noVariance', { dimension: dim.label });
            const lowering = dim.lowering.map((item) =>
              t('reliability.lowering', { text: item.text, alpha: f.two(item.alphaIfDeleted) }),
            );
            return [line, ...lowering].join(' — ');
          }),
          SMALL + 1,
        );
      }
    }
  }

  function evolution(evo: EvolutionReport): void {
    heading(t('evolution.title'), 1, true);
    para(
      t('evolution.intro', {
        title: evo.baseline.title,
        date: f.date(evo.baseline.updatedAt),
        n0: f.int(evo.baseline.respondents),
        n1: f.int(evo.respondents),
      }),
    );
    small(t('evolution.hint'));
    if (evo.grids.length === 0) para(t('evolution.none'));
    const score = (value: Shown | null): Cell =>
      value === null ? { text: t('common.noScore'), color: COLORS.muted } : f.shown(value);
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
    for (const grid of evo.grids) {
      heading(grid.title, 2);
      small(
        grid.versions.t0 === grid.versions.t1
          ? t('evolution.sameVersion', { v: grid.versions.t1 })
          : t('evolution.versions', { v0: grid.versions.t0, v1: grid.versions.t1 }),
      );
      const gridRow = row(grid.grid);
      table(
        [
          { header: t('evolution.dimension'), width: 78 },
          { header: t('evolution.t0'), width: 20, align: 'right' },
          { header: t('evolution.t1'), width: 20, align: 'right' },
          { header: t('evolution.delta'), width: 24, align: 'right' },
          { header: t('evolution.items'), width: 28, align: 'right' },
        ],
        [
          ...grid.dimensions.map((dim) => {
            const shown = row(dim);
            return [
              dim.label,
              score(shown.t0),
              score(shown.t1),
              delta(shown.delta),
              f.int(dim.items),
            ];
          }),
          [
            { text: t('evolution.gridRow'), bold: true },
            score(gridRow.t0),
            score(gridRow.t1),
            delta(gridRow.delta, true),
            f.int(grid.commonItems),
          ],
        ],
      );
      const { added, removed, changed } = grid.leftOut;
      heading(t('evolution.leftOutTitle'), 3);
      if (added.length + removed.length + changed.length === 0)
        para(t('evolution.leftOutNone'), { size: SMALL + 1 });
      else
        bullets(
          [
            ...added.map((item) => `${t('evolution.added')} — ${item}`),
            ...removed.map((item) => `${t('evolution.removed')} — ${item}`),
            ...changed.map(
              (ch) =>
                `${t('evolution.changed', { changes: ch.changes.map((k) => t(`evolution.change.${k}`)).join(', ') })} — ${ch.item}`,
            ),
          ],
          SMALL + 1,
        );
      const only = [
        ...grid.dimensionsOnly.t0.map((label) => `${label} (T0)`),
        ...grid.dimensionsOnly.t1.map((label) => `${label} (T1)`),
      ];
      if (only.length > 0)
        para(t('evolution.dimensionsOnly', { dimensions: only.join(', ') }), { size: SMALL + 1 });
    }
    if (evo.notCompared.length > 0)
      para(t('evolution.notCompared', { grids: evo.notCompared.map(gridTitle).join(', ') }), {
        size: SMALL + 1,
        color: COLORS.muted,
      });
  }

  function method(): void {
    heading(t('method.title'), 1, true);
    heading(t('method.scalesTitle'), 2);
    for (const grid of model.grids) {
      heading(grid.title, 3);
      for (const scale of grid.scales) {
        const points = scale.points.map((p) =>
          t('method.scaleLine', { value: f.one(p.value), label: p.label }),
        );
        const extras = [scale.dk ? t('method.dk') : null, scale.na ? t('method.na') : null].filter(
          (x): x is string => x !== null,
        );
        labelled(
          colon(scale.label ?? scale.id),
          [...points, ...extras].join(t('common.listSeparator')),
          {
            size: SMALL + 1,
          },
        );
      }
    }
    heading(t('method.scoringTitle'), 2);
    const coverages = [...new Set(model.grids.map((g) => f.pct(g.minCoverage)))].join(', ');
    bullets(
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
      SMALL + 1,
    );
    const bandGroups: GridReport[][] = [];
    const sameLevels = (a: GridReport, b: GridReport): boolean =>
      JSON.stringify([a.levels, a.levelBounds]) === JSON.stringify([b.levels, b.levelBounds]);
    for (const grid of model.grids) {
      const group = bandGroups.find((g) => g[0] && sameLevels(g[0], grid));
      if (group) group.push(grid);
      else bandGroups.push([grid]);
    }
    for (const group of bandGroups) {
      const grid = group[0];
      if (!grid) continue;
      if (bandGroups.length > 1)
        heading(t('method.levelsOf', { grid: group.map((g) => g.title).join(', ') }), 3);
      const bounds = [...grid.levelBounds].sort((a, b) => a.min - b.min);
      table(
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
    heading(t('method.anonymityTitle'), 2);
    para(t('method.anonymity', { threshold: f.int(model.participation.anonymityThreshold) }), {
      size: SMALL + 1,
    });
    heading(t('method.gridsTitle'), 2);
    for (const grid of model.grids) {
      para(grid.title, { bold: true, size: 18 });
      small(t('method.gridIdentity', { id: grid.id, version: grid.version }));
      small(t('method.hash'));
      out.push(
        new Paragraph({
          children: [new TextRun({ text: grid.hash, font: 'Courier New', size: 15 })],
        }),
      );
    }
    heading(t('method.leftOutTitle'), 2);
    para(t('method.leftOutIntro'), { size: SMALL + 1 });
    const leftOut = model.grids.filter((grid) => grid.leftOut.length > 0);
    if (leftOut.length === 0) para(t('method.leftOutNone'), { size: SMALL + 1 });
    for (const grid of leftOut) {
      heading(grid.title, 3);
      bullets(
        grid.leftOut.map((entry) =>
          t('method.leftOutEntry', {
            kind: t(`method.leftOutKind.${entry.kind}`),
            label: entry.dimension ? `${entry.label} (${entry.dimension})` : entry.label,
            reasons: entry.reasons.map((reason) => t(`method.leftOutReason.${reason}`)).join(', '),
          }),
        ),
        SMALL,
      );
    }
    heading(t('method.sourcesTitle'), 2);
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
    if (sources.length === 0) para(t('common.none'));
    else bullets(sources, SMALL);
    if (model.legal) {
      heading(t('legal.methodTitle'), 2);
      para(t('legal.methodIntro'), { size: SMALL + 1 });
      if (model.legal.references.length === 0) para(t('legal.none'), { size: SMALL + 1 });
      else
        bullets(
          model.legal.references.map((ref) =>
            t('legal.methodKept', { citation: ref.citation, status: legalStatus(ref) }),
          ),
          SMALL,
        );
      if (model.legal.excluded.length > 0) {
        heading(t('legal.excludedTitle'), 3);
        bullets(
          model.legal.excluded.map((ref) =>
            t('legal.excluded', {
              citation: ref.citation,
              reason: ref.failed.map((field) => t(`legal.failed.${field}`)).join(', '),
            }),
          ),
          SMALL,
        );
      }
    }
  }
}
