/**
 * The PDF report, built in the browser from the report model: cover, summary,
 * one section per grid (radar drawn as vectors, score table, recommendations), action plan,
 * comments, a section for the diagnostic's purpose, and a method annex with every rule and the
 * grids' versions and hashes. The only module that imports jsPDF: load it with `import()`.
 *
 * Text is set in an embedded DejaVu Sans subset so every French character renders, including
 * the narrow no-break space U+202F that `toLocaleString('fr-FR')` puts in numbers.
 */
import { jsPDF } from 'jspdf';
import type {
  DimensionReport,
  EvolutionReport,
  GridReport,
  LegalReferenceReport,
  LevelRef,
  RecommendationReport,
  ReportModel,
  ReliabilityGrid,
  RolesComparedGrid,
  TopicsGrid,
} from '@/domain/report/report-model';
import { type Shown, shownComparison, shownPair, shownPercent } from '@/domain/scoring/display';
import { canDeflateNatively, deflatePdf } from './deflate-pdf';
import { skipRtlPluginsOnOtherText } from './rtl-plugins';
import { MIN_RESPONDENTS_FOR_ALPHA } from '@/domain/aggregate/reliability';
import { DEJAVU_SANS } from './fonts/dejavu-sans';
import { conditionText, longDay, statusText } from './legal-text';
import { renderKits } from './render-kits';
import { DEJAVU_SANS_BOLD } from './fonts/dejavu-sans-bold';
import { BODY_SIZE, COLORS, Layout, type Cell, type PageGeometry, type TextStyle } from './layout';
import {
  axisAngles,
  filledShapes,
  labelAnchor,
  polygonSegments,
  radarPoints,
  ringPolygon,
  type Point,
} from './radar-geometry';

import {
  formatters,
  type Formatters,
  partialText,
  reasonText,
  reportFileName,
  reportLocale,
  type Translate,
} from './report-text';

// Kept here for the callers and tests that read them from the renderer.
export { reasonText, reportFileName, reportLocale, slugify, type Translate } from './report-text';

// Once, for every document: jsPDF's right-to-left plugins only where a text needs them.
skipRtlPluginsOnOtherText(jsPDF.API as unknown as Parameters<typeof skipRtlPluginsOnOtherText>[0]);

const FONT = 'DejaVuSans';
const MONO = 'courier';

/** A4 portrait, in mm. */
export const PAGE: PageGeometry = {
  width: 210,
  height: 297,
  marginLeft: 20,
  marginRight: 20,
  marginTop: 24,
  marginBottom: 22,
};

const SMALL: TextStyle = { size: 8, color: COLORS.muted };
const BODY: TextStyle = { size: BODY_SIZE };
const PARTIAL_FILL = '#fff4e0';
const PARTIAL_BORDER = '#b45309';

function sameLevels(a: GridReport, b: GridReport): boolean {
  return JSON.stringify([a.levels, a.levelBounds]) === JSON.stringify([b.levels, b.levelBounds]);
}

/** Renders the report model as an A4 PDF; `t` is bound to the `report` namespace and model.lang. */
export async function renderReportPdf(
  model: ReportModel,
  t: Translate,
): Promise<{ blob: Blob; fileName: string }> {
  // Streams are deflated natively at the end when the browser can; else by jsPDF (fflate).
  const native = canDeflateNatively();
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: !native });
  doc.addFileToVFS('DejaVuSans.ttf', DEJAVU_SANS);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', DEJAVU_SANS_BOLD);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  doc.setFont(FONT, 'normal');

  const f = formatters(model.lang);
  const title = model.diagnostic.title;
  doc.setProperties({
    title,
    subject: t('meta.subject'),
    author: model.diagnostic.organisation ?? '',
    keywords: t('meta.keywords'),
    creator: t('appName'),
  });
  doc.setLanguage(reportLocale(model.lang) as Parameters<jsPDF['setLanguage']>[0]);
  const created = new Date(model.generatedAt);
  if (!Number.isNaN(created.getTime())) doc.setCreationDate(created);

  const layout = new Layout(doc, PAGE, { sans: FONT, mono: MONO });
  const gridTitles = new Map(model.grids.map((g) => [g.id, g.title]));
  const gridTitle = (id: string): string => gridTitles.get(id) ?? id;
  // Scores by the display rule (docs/scoring.md): whole, with decimals only near a bound.
  const scoreText = (score: number | null, bounds: readonly number[]): string =>
    score === null ? t('common.noScore') : f.score(score, bounds);
  const gridBounds = (g: GridReport): number[] => g.levelBounds.map((b) => b.min);
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

  const legalById = new Map((model.legal?.references ?? []).map((ref) => [ref.id, ref]));
  const legalDay = (ymd: string): string => longDay(ymd, reportLocale(model.lang));
  const legalStatus = (ref: LegalReferenceReport): string => statusText(ref, t, legalDay);
  const legalCondition = (ref: LegalReferenceReport): string =>
    conditionText(ref.dependsOn, t, (field, value) => t(`labels.${field}.${value}`));
  const legalCitation = (ref: LegalReferenceReport): string =>
    Object.keys(ref.dependsOn).length > 0
      ? `${ref.citation} (${colon(t('legal.dependsOn'))} ${legalCondition(ref)})`
      : ref.citation;

  renderCover(doc, layout, model, t, f);

  // Summary ----------------------------------------------------------------------------------
  layout.newPage();
  layout.heading(t('summary.title'), 1);
  drawScoreBox(
    layout,
    t('summary.overall'),
    model.overall.score,
    model.overall.level,
    t,
    f,
    model.overall.bounds,
  );
  if (model.overall.score === null) layout.paragraph(t('summary.overallNone'), BODY);
  layout.paragraph(t('summary.overallHint'), SMALL, { gapAfter: 2 });

  layout.heading(t('summary.gridsTitle'), 2);
  layout.table(
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

  // Every grid at a glance: a radar (bars for fewer than three grids).
  const overview = model.grids.map((g) => ({
    label: g.title,
    score: g.score,
    bounds: { score: gridBounds(g) },
  }));
  if (overview.length >= 3) {
    layout.heading(t('summary.radarTitle'), 2, RADAR_HEIGHT);
    drawRadar(doc, layout, overview, t, f);
  } else if (overview.length > 0) {
    layout.heading(t('summary.barsTitle'), 2, 20);
    drawBars(doc, layout, overview, t, f);
  }

  const dimensionTable = (dims: DimensionReport[]): void => {
    if (dims.length === 0) {
      layout.paragraph(t('summary.noDimension'), BODY);
      return;
    }
    layout.table(
      [
        { header: t('table.dimension'), width: 64 },
        { header: t('table.grid'), width: 52 },
        { header: t('table.score'), width: 21, align: 'right' },
        { header: t('table.level'), width: 33 },
      ],
      dims.map((d) => [
        d.label,
        gridTitle(d.gridId),
        { text: scoreText(d.score, d.bounds.score), bold: true },
        levelCell(d),
      ]),
    );
  };
  layout.heading(t('summary.strengths'), 2);
  dimensionTable(model.strengths.slice(0, 3));
  layout.heading(t('summary.weaknesses'), 2);
  dimensionTable(model.weaknesses.slice(0, 3));

  layout.heading(t('summary.topRecommendations'), 2);
  const top = model.recommendations.slice(0, 5);
  if (top.length === 0) layout.paragraph(t('summary.noRecommendations'), BODY);
  top.forEach((rec, i) => {
    layout.ensureSpace(3 * layout.lineHeight(BODY_SIZE));
    layout.paragraph(`${i + 1}. ${rec.title}`, { size: BODY_SIZE, bold: true }, { gapAfter: 0.3 });
    layout.paragraph(`${t(`labels.priority.${rec.priority}`)} · ${gridTitle(rec.gridId)}`, SMALL, {
      indent: 4.5,
      gapAfter: 0.3,
    });
    layout.labelled(
      colon(t('rec.why')),
      reasonsText(rec),
      { size: 8.5 },
      { indent: 4.5, gapAfter: 2 },
    );
  });

  function reasonsText(rec: RecommendationReport): string {
    return rec.reasons.length === 0
      ? t('rec.noReason')
      : rec.reasons.map((r) => reasonText(r, t, model.lang)).join(t('common.listSeparator'));
  }

  // Partial notice ---------------------------------------------------------------------------
  if (model.partial) drawNotice(layout, t('partial.title'), partialText(model, t));

  // One section per grid ---------------------------------------------------------------------
  for (const grid of model.grids) {
    // On the page the summary or the last grid leaves, when its title, score and radar fit.
    layout.section(SECTION_ROOM);
    layout.heading(grid.title, 1);
    layout.paragraph(t('grid.identity', { id: grid.id, version: grid.version }), SMALL, {
      gapAfter: 1,
    });
    if (grid.description.trim() !== '')
      layout.paragraph(grid.description, { size: 8.5, color: COLORS.muted });
    drawScoreBox(layout, t('grid.score'), grid.score, grid.level, t, f, gridBounds(grid));

    if (grid.dimensions.length >= 3) {
      layout.heading(t('grid.radarTitle'), 2, RADAR_HEIGHT);
      drawRadar(doc, layout, grid.dimensions, t, f);
      layout.paragraph(t('grid.radarNote'), SMALL, { gapAfter: 2 });
    } else if (grid.dimensions.length > 0) {
      // One or two dimensions make no radar (a line, a point): bars.
      layout.heading(t('grid.barsTitle'), 2, 20);
      drawBars(doc, layout, grid.dimensions, t, f);
    }

    layout.heading(t('grid.scoresTitle'), 2);
    layout.table(
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
        { text: scoreText(d.score, d.bounds.score), bold: true },
        levelCell(d),
        f.pct(d.coverage),
        f.shownPct(shownPercent(d.dkRate, d.bounds.dkRate)),
        f.int(d.n),
      ]),
    );

    layout.heading(t('grid.recommendationsTitle'), 2);
    if (grid.recommendations.length === 0) {
      layout.paragraph(t('grid.noRecommendations'), BODY);
    }
    for (const rec of grid.recommendations) {
      drawRecommendation(rec);
    }
  }

  function colon(label: string): string {
    // French: a no-break space, so that the colon never starts a line on its own.
    return model.lang === 'fr' ? `${label}\u00a0:` : `${label}:`;
  }

  function drawRecommendation(rec: RecommendationReport): void {
    layout.heading(rec.title, 3, 4 * layout.lineHeight(BODY_SIZE));
    layout.paragraph(
      t(`labels.priority.${rec.priority}`),
      { size: 8, bold: true, color: priorityColor(rec.priority) },
      { gapAfter: 0.8 },
    );
    layout.labelled(colon(t('rec.why')), reasonsText(rec), { size: 8.5 }, { gapAfter: 1.2 });
    layout.paragraph(rec.body, BODY, { gapAfter: 1.2 });
    if (rec.actions.length > 0) {
      layout.ensureSpace(2 * layout.lineHeight(BODY_SIZE));
      layout.paragraph(t('rec.actions'), { size: BODY_SIZE, bold: true }, { gapAfter: 0.5 });
      layout.bullets(rec.actions, BODY);
    }
    if (rec.negotiation) {
      layout.labelled(colon(t('rec.negotiation')), rec.negotiation, BODY, { gapAfter: 1.2 });
    }
    if (rec.checklist && rec.checklist.length > 0) {
      layout.ensureSpace(2 * layout.lineHeight(BODY_SIZE));
      layout.paragraph(t('rec.checklist'), { size: BODY_SIZE, bold: true }, { gapAfter: 0.5 });
      layout.bullets(
        rec.checklist.map((c) =>
          t('rec.checklistLine', {
            item: c.item,
            requirement: c.requirement,
            score: f.score(c.score, rec.checklistBelow === undefined ? [] : [rec.checklistBelow]),
          }),
        ),
        { size: 8.5 },
        { bullet: '–' },
      );
    }
    const legal = rec.legalRefs.flatMap((id) => legalById.get(id) ?? []);
    if (legal.length > 0) {
      layout.labelled(
        colon(t('legal.onRecommendation')),
        legal.map(legalCitation).join(t('common.listSeparator')),
        { size: 8 },
        { gapAfter: 0.3 },
      );
      const statuses = [...new Set(legal.map(legalStatus))];
      layout.paragraph(statuses.join(' '), { size: 7.5, color: COLORS.muted }, { gapAfter: 1 });
    }
    if (rec.sources.length > 0) {
      layout.labelled(
        colon(t('rec.sources')),
        rec.sources
          .map((s) => (s.url ? `${s.label} (${s.url})` : s.label))
          .join(t('common.listSeparator')),
        { size: 7.5, color: COLORS.muted },
        { gapAfter: 1 },
      );
    }
    layout.space(2.5);
  }

  // Legal references that apply to this context --------------------------------------------
  if (model.legal) {
    layout.newPage();
    layout.heading(t('legal.title'), 1);
    layout.paragraph(t('legal.intro'), SMALL, { gapAfter: 2 });
    if (model.legal.references.length === 0) layout.paragraph(t('legal.none'), BODY);
    for (const ref of model.legal.references) {
      layout.heading(ref.citation, 3, 5 * layout.lineHeight(BODY_SIZE));
      layout.paragraph(ref.summary, BODY, { gapAfter: 0.8 });
      layout.labelled(colon(t('legal.grants')), ref.grants, { size: 8.5 }, { gapAfter: 0.8 });
      if (Object.keys(ref.dependsOn).length > 0) {
        layout.labelled(
          colon(t('legal.dependsOn')),
          legalCondition(ref),
          { size: 8.5, bold: true },
          { gapAfter: 0.8 },
        );
      }
      layout.labelled(
        colon(t('legal.citedBy')),
        ref.citedBy.map((c) => t('legal.quoted', { title: c.title })).join(', '),
        { size: 8 },
        { gapAfter: 0.6 },
      );
      layout.labelled(
        colon(t('legal.source')),
        ref.source,
        { size: 7.5, color: COLORS.muted },
        { gapAfter: 0.6 },
      );
      layout.paragraph(legalStatus(ref), { size: 8, bold: true }, { gapAfter: 2.5 });
    }
  }

  // Evolution since a baseline (T0) -----------------------------------------------------------
  if (model.evolution) {
    layout.section(SECTION_ROOM);
    renderEvolution(layout, model.evolution, t, f, gridTitle);
  }

  // Workshop: participation, roles compared, topics for discussion ------------------------------
  if (model.workshop || model.diagnostic.purpose === 'workshop') {
    layout.section(SECTION_ROOM);
    renderParticipation(layout, model, t, f);
    if (model.workshop && model.workshop.roles.length > 0)
      renderRolesCompared(layout, model, model.workshop.roles, t, f);
    if (model.workshop && model.workshop.topics.length > 0)
      renderTopics(layout, model.workshop.topics, t, f);
    if (model.workshop && model.workshop.reliability.length > 0)
      renderReliability(layout, model.workshop.reliability, t, f);
  }

  // Action plan ------------------------------------------------------------------------------
  layout.section(SECTION_ROOM);
  layout.heading(t('actionPlan.title'), 1);
  if (model.actionPlan.length === 0) {
    layout.paragraph(t('actionPlan.empty'), BODY);
  } else {
    layout.table(
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
  }

  // Comments ---------------------------------------------------------------------------------
  layout.heading(t('comments.title'), 1);
  const groups = model.comments.filter((g) => g.comments.some((c) => c.trim() !== ''));
  if (groups.length === 0) {
    layout.paragraph(t('comments.empty'), BODY);
  } else {
    layout.paragraph(t('comments.intro'), SMALL, { gapAfter: 2 });
    for (const group of groups) {
      layout.heading(
        t('comments.group', { dimension: group.dimension, grid: gridTitle(group.gridId) }),
        3,
      );
      layout.bullets(
        group.comments.filter((c) => c.trim() !== '').map((c) => c.trim()),
        { size: 8.5 },
        { bullet: '–' },
      );
    }
  }

  // Purpose-specific section -----------------------------------------------------------------
  renderPurposeSection(layout, model, t, f, colon, (rec) =>
    rec.legalRefs.flatMap((id) => {
      const ref = legalById.get(id);
      return ref ? [`${legalCitation(ref)} — ${legalStatus(ref)}`] : [];
    }),
  );

  // The kit of the purpose (representatives' or deployment kit) ------------------------------
  renderKits(layout, model, t, {
    colon,
    legalStatus,
    legalCondition,
    score: (score, bounds) => f.score(score, bounds),
    day: legalDay,
  });

  // Method annex -----------------------------------------------------------------------------
  layout.newPage();
  renderMethod(layout, model, t, f, colon, legalStatus);

  layout.finish();

  // Running header and footer on every page but the cover ------------------------------------
  const total = doc.getNumberOfPages();
  const generated = t('footer.generated', { date: f.date(model.generatedAt) });
  const headerStyle: TextStyle = { size: 7.5, color: COLORS.muted };
  const kind = t('documentKind');
  const headerTitle = layout.fit(
    title,
    layout.width - layout.measure(kind, headerStyle) - 8,
    headerStyle,
  );
  // The page number is widest on the last page: one cut of the footer line fits every page.
  const widest = layout.measure(
    t('footer.page', { page: f.int(total), total: f.int(total) }),
    headerStyle,
  );
  const footerLeft = layout.fit(
    `${generated} · ${t('footer.local')}`,
    layout.width - widest - 6,
    headerStyle,
  );
  for (let page = 2; page <= total; page += 1) {
    doc.setPage(page);
    layout.use(headerStyle);
    doc.text(headerTitle, layout.left, 13);
    doc.text(kind, layout.right, 13, { align: 'right' });
    doc.setDrawColor(COLORS.rule);
    doc.setLineWidth(0.3);
    doc.line(layout.left, 15.5, layout.right, 15.5);
    doc.line(layout.left, PAGE.height - 15, layout.right, PAGE.height - 15);
    doc.text(footerLeft, layout.left, PAGE.height - 10.5);
    doc.text(
      t('footer.page', { page: f.int(page), total: f.int(total) }),
      layout.right,
      PAGE.height - 10.5,
      {
        align: 'right',
      },
    );
  }

  const packed = native ? await deflatePdf(doc.output()) : null;
  const blob = packed
    ? new Blob([packed as BlobPart], { type: 'application/pdf' })
    : doc.output('blob');
  return {
    blob,
    fileName: reportFileName(title, model.generatedAt, t('fileNameFallback')),
  };
}

function priorityColor(priority: string): string {
  return priority === 'high' ? '#9b1c1c' : priority === 'medium' ? '#8a4b08' : COLORS.muted;
}

/** A framed block: label, score /100 in large type, and the level as a swatch and a word. */
function drawScoreBox(
  layout: Layout,
  label: string,
  score: number | null,
  level: LevelRef | null,
  t: Translate,
  f: Formatters,
  bounds: readonly number[],
): void {
  const height = 15;
  layout.ensureSpace(height + 2);
  const { doc } = layout;
  const y = layout.y;
  doc.setFillColor(COLORS.accentLight);
  doc.rect(layout.left, y, layout.width, height, 'F');
  const labelStyle: TextStyle = { size: 9, bold: true, color: COLORS.accent };
  const labelText = layout.fit(label, 55, labelStyle);
  layout.use(labelStyle);
  doc.text(labelText, layout.left + 4, y + 9.2);
  const scoreStyle: TextStyle = { size: 18, bold: true, color: COLORS.text };
  const value =
    score === null
      ? t('common.noScore')
      : t('common.scoreOutOf', { score: f.score(score, bounds) });
  layout.use(scoreStyle);
  const scoreX = layout.left + 62;
  doc.text(value, scoreX, y + 10.2);
  const scoreWidth = layout.measure(value, scoreStyle);
  const levelX = scoreX + scoreWidth + 8;
  if (score !== null && level !== null) {
    layout.swatch(levelX, y + 5.2, level.color, 4.5);
    const levelStyle: TextStyle = { size: 11, bold: true, color: COLORS.text };
    const text = layout.fit(level.label, layout.right - levelX - 10, levelStyle);
    layout.use(levelStyle);
    doc.text(text, levelX + 7, y + 9.2);
  } else {
    const style: TextStyle = { size: 9, color: COLORS.muted };
    const text = layout.fit(t('insufficient.coverage'), layout.right - levelX - 4, style);
    layout.use(style);
    doc.text(text, levelX, y + 9.2);
  }
  layout.y = y + height + 3;
}

/** A framed notice (used for partial results), its height measured from its wrapped text. */
function drawNotice(layout: Layout, title: string, body: string): void {
  const pad = 3.5;
  const titleStyle: TextStyle = { size: 10, bold: true, color: PARTIAL_BORDER };
  const bodyStyle: TextStyle = { size: 8.5 };
  const inner = layout.width - 2 * pad - 2;
  const titleLines = layout.wrap(title, inner, titleStyle);
  const bodyLines = layout.wrap(body, inner, bodyStyle);
  const height =
    2 * pad +
    titleLines.length * layout.lineHeight(titleStyle.size) +
    1 +
    bodyLines.length * layout.lineHeight(bodyStyle.size);
  layout.space(3);
  layout.ensureSpace(height + 2);
  const { doc } = layout;
  const y = layout.y;
  doc.setFillColor(PARTIAL_FILL);
  doc.rect(layout.left, y, layout.width, height, 'F');
  doc.setFillColor(PARTIAL_BORDER);
  doc.rect(layout.left, y, 1.2, height, 'F');
  let cursor = y + pad;
  const x = layout.left + pad + 1.2;
  layout.use(titleStyle);
  for (const line of titleLines) {
    doc.text(line, x, cursor + layout.baseline(titleStyle.size));
    cursor += layout.lineHeight(titleStyle.size);
  }
  cursor += 1;
  layout.use(bodyStyle);
  for (const line of bodyLines) {
    doc.text(line, x, cursor + layout.baseline(bodyStyle.size));
    cursor += layout.lineHeight(bodyStyle.size);
  }
  layout.y = y + height + 4;
}

function renderCover(
  doc: jsPDF,
  layout: Layout,
  model: ReportModel,
  t: Translate,
  f: Formatters,
): void {
  const d = model.diagnostic;
  doc.setFillColor(COLORS.accent);
  doc.rect(0, 0, PAGE.width, 62, 'F');
  const white: TextStyle = { size: 10, bold: true, color: '#ffffff' };
  const appLines = layout.wrap(t('appName'), layout.width, white);
  layout.use(white);
  doc.text(appLines.slice(0, 2), layout.left, 22);
  const kindStyle: TextStyle = { size: 22, bold: true, color: '#ffffff' };
  layout.use(kindStyle);
  doc.text(layout.fit(t('documentKind'), layout.width, kindStyle), layout.left, 48);

  layout.y = 76;
  // The cover stays on one page: very long titles are cut (the full title is in the metadata).
  const titleStyle: TextStyle = { size: 20, bold: true, color: COLORS.accent };
  layout.use(titleStyle);
  for (const line of layout.wrapAtMost(d.title, layout.width, titleStyle, 6)) {
    layout.use(titleStyle);
    doc.text(line, layout.left, layout.y + layout.baseline(titleStyle.size));
    layout.y += layout.lineHeight(titleStyle.size);
  }
  layout.space(3);
  if (d.organisation) {
    const orgStyle: TextStyle = { size: 13, color: COLORS.text };
    for (const line of layout.wrapAtMost(d.organisation, layout.width, orgStyle, 3)) {
      layout.use(orgStyle);
      doc.text(line, layout.left, layout.y + layout.baseline(orgStyle.size));
      layout.y += layout.lineHeight(orgStyle.size);
    }
    layout.space(6);
  } else layout.space(4);

  const c = d.context;
  const notGiven = t('labels.notGiven');
  const rows: [string, string][] = [
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
  if (c.sector !== 'unknown') rows.push([t('cover.sector'), t(`labels.sector.${c.sector}`)]);
  else if (d.sector) rows.push([t('cover.sector'), d.sector]);
  rows.push([t('cover.size'), c.size === 'unknown' ? notGiven : t(`labels.size.${c.size}`)]);
  rows.push([t('cover.cse'), t(`labels.answer.${c.cse}`)]);
  rows.push([t('cover.unionDelegates'), t(`labels.answer.${c.unionDelegates}`)]);
  rows.push([t('cover.date'), f.date(model.generatedAt)]);
  rows.push([t('cover.respondents'), f.int(model.participation.respondents)]);
  rows.push([
    t('cover.grids'),
    model.grids
      .map((g) => t('cover.gridVersion', { title: g.title, version: g.version }))
      .join('\n'),
  ]);
  layout.table(
    [
      { header: '', width: 52 },
      { header: '', width: 118 },
    ],
    rows.map(([label, value]) => [{ text: label, bold: true, color: COLORS.muted }, value]),
    { header: false, zebra: false, size: 9.5 },
  );

  const note: TextStyle = { size: 8, color: COLORS.muted };
  const lines = layout.wrap(t('footer.local'), layout.width, note);
  const noteY = PAGE.height - 16;
  if (layout.y < noteY - 6 && doc.getNumberOfPages() === 1) {
    layout.use(note);
    doc.text(lines, layout.left, noteY);
  }
}

/** Height the radar block needs (chart, labels above and below). */
const RADAR_RADIUS = 40;
const RADAR_LABEL_SPACE = 17;
const RADAR_HEIGHT = 2 * RADAR_RADIUS + 2 * RADAR_LABEL_SPACE;

function polygon(doc: jsPDF, points: Point[], style: 'S' | 'F' | 'FD'): void {
  const [first, ...rest] = points;
  if (!first || rest.length === 0) return;
  let prev = first;
  const deltas: [number, number][] = rest.map((p) => {
    const delta: [number, number] = [p.x - prev.x, p.y - prev.y];
    prev = p;
    return delta;
  });
  doc.lines(deltas, first.x, first.y, [1, 1], style, true);
}

/** An axis of a chart: a grid's dimension, or a grid in the overview. */
/** One axis of a chart: a grid or a dimension; bounds say where rounding must keep decimals. */
type ChartAxis = { label: string; score: number | null; bounds?: { score: readonly number[] } };

/** Room a section needs at the foot of a page to start there: its title, a few lines, a score box (its chart may go on the next page, with its heading). */
const SECTION_ROOM = 90;

/**
 * A radar (three axes or more) drawn with vector lines and polygons; null scores are gaps,
 * their axes dashed and labelled « réponses insuffisantes ».
 */
function drawRadar(
  doc: jsPDF,
  layout: Layout,
  dims: readonly ChartAxis[],
  t: Translate,
  f: Formatters,
): void {
  const n = dims.length;
  layout.ensureSpace(RADAR_HEIGHT);
  const center: Point = {
    x: layout.left + layout.width / 2,
    y: layout.y + RADAR_LABEL_SPACE + RADAR_RADIUS,
  };
  const angles = axisAngles(n);

  // Rings and axes.
  doc.setLineWidth(0.2);
  for (const ring of [25, 50, 75, 100]) {
    doc.setDrawColor(ring === 100 ? '#9aa5b1' : '#d3d9df');
    if (n >= 3) polygon(doc, ringPolygon(center, RADAR_RADIUS, n, ring), 'S');
    else doc.circle(center.x, center.y, (RADAR_RADIUS * ring) / 100, 'S');
  }
  dims.forEach((d, i) => {
    const angle = angles[i] ?? 0;
    const end = {
      x: center.x + RADAR_RADIUS * Math.cos(angle),
      y: center.y + RADAR_RADIUS * Math.sin(angle),
    };
    doc.setDrawColor(d.score === null ? '#b45309' : '#c3ccd5');
    if (d.score === null) doc.setLineDashPattern([1, 1], 0);
    doc.line(center.x, center.y, end.x, end.y);
    doc.setLineDashPattern([], 0);
  });

  // Score area and outline.
  const points = radarPoints(
    center,
    RADAR_RADIUS,
    dims.map((d) => d.score),
  );
  doc.setFillColor(COLORS.accentLight);
  for (const shape of filledShapes(center, points)) polygon(doc, shape, 'F');
  // Redraw the rings lightly over the fill so the scale stays readable.
  doc.setDrawColor('#b8c7d6');
  doc.setLineWidth(0.15);
  if (n >= 3)
    for (const ring of [25, 50, 75]) polygon(doc, ringPolygon(center, RADAR_RADIUS, n, ring), 'S');
  doc.setDrawColor(COLORS.accent);
  doc.setLineWidth(0.6);
  for (const s of polygonSegments(points)) doc.line(s.from.x, s.from.y, s.to.x, s.to.y);
  doc.setFillColor(COLORS.accent);
  for (const p of points) if (p) doc.circle(p.x, p.y, 0.9, 'F');

  // Ring values along the first axis.
  const ringStyle: TextStyle = { size: 6, color: COLORS.muted };
  layout.use(ringStyle);
  for (const ring of [25, 50, 75, 100]) {
    const y = center.y - (RADAR_RADIUS * ring) / 100;
    doc.text(f.int(ring), center.x + 1, y - 0.6);
  }

  // Axis labels: wrapped dimension label, then its score or "insufficient answers".
  const labelStyle: TextStyle = { size: 7.5, bold: true, color: COLORS.text };
  const valueStyle: TextStyle = { size: 7, color: COLORS.muted };
  const gapStyle: TextStyle = { size: 7, color: PARTIAL_BORDER };
  const lh = layout.lineHeight(7.5);
  dims.forEach((d, i) => {
    const angle = angles[i] ?? 0;
    const anchor = labelAnchor(center, RADAR_RADIUS, angle, 3);
    const room =
      anchor.align === 'left'
        ? layout.right - anchor.x
        : anchor.align === 'right'
          ? anchor.x - layout.left
          : 70;
    const maxWidth = Math.max(20, Math.min(room, anchor.align === 'center' ? 70 : 46));
    const labelLines = layout.wrapAtMost(d.label, maxWidth, labelStyle, 3);
    const valueText =
      d.score === null
        ? t('insufficient.radar')
        : t('common.scoreOutOf', { score: f.score(d.score, d.bounds?.score) });
    const valueLines = layout.wrap(valueText, maxWidth, d.score === null ? gapStyle : valueStyle);
    const lines = [
      ...labelLines.map((text) => ({ text, style: labelStyle })),
      ...valueLines.map((text) => ({ text, style: d.score === null ? gapStyle : valueStyle })),
    ];
    const height = lines.length * lh;
    let top =
      anchor.valign === 'bottom'
        ? anchor.y - height
        : anchor.valign === 'top'
          ? anchor.y
          : anchor.y - height / 2;
    const x = anchor.x;
    for (const line of lines) {
      layout.use(line.style);
      doc.text(line.text, x, top + layout.baseline(line.style.size), { align: anchor.align });
      top += lh;
    }
  });

  layout.y = center.y + RADAR_RADIUS + RADAR_LABEL_SPACE;
}

/** Bars from 0 to 100, one per axis, for charts of one or two axes (a radar needs three). */
function drawBars(
  doc: jsPDF,
  layout: Layout,
  axes: readonly ChartAxis[],
  t: Translate,
  f: Formatters,
): void {
  const labelStyle: TextStyle = { size: 8.5, bold: true };
  const valueStyle: TextStyle = { size: 8.5 };
  const gapStyle: TextStyle = { size: 8, color: PARTIAL_BORDER };
  const labelWidth = 62;
  const valueWidth = 34;
  const x0 = layout.left + labelWidth + 3;
  const barWidth = layout.right - valueWidth - x0;
  const lh = layout.lineHeight(8.5);
  layout.ensureSpace(2 * lh + 8);
  for (const axis of axes) {
    const lines = layout.wrap(axis.label, labelWidth, labelStyle);
    const height = Math.max(lines.length * lh, 6) + 2;
    layout.ensureSpace(height);
    const y = layout.y;
    layout.use(labelStyle);
    lines.forEach((line, i) => doc.text(line, layout.left, y + i * lh + layout.baseline(8.5)));
    doc.setDrawColor(COLORS.rule);
    doc.setLineWidth(0.2);
    doc.setFillColor('#f4f6f9');
    doc.rect(x0, y + 0.5, barWidth, 4, 'FD');
    if (axis.score !== null) {
      doc.setFillColor(COLORS.accent);
      doc.rect(x0, y + 0.5, (barWidth * Math.max(0, Math.min(100, axis.score))) / 100, 4, 'F');
    }
    const value =
      axis.score === null
        ? t('insufficient.radar')
        : t('common.scoreOutOf', { score: f.score(axis.score, axis.bounds?.score) });
    const style = axis.score === null ? gapStyle : valueStyle;
    const valueLines = layout.wrap(value, valueWidth - 2, style);
    layout.use(style);
    valueLines.forEach((line, i) =>
      doc.text(line, layout.right - valueWidth + 2, y + i * lh + layout.baseline(style.size)),
    );
    layout.y = y + Math.max(height, valueLines.length * lh + 2);
  }
  // The scale under the bars.
  const scaleStyle: TextStyle = { size: 6.5, color: COLORS.muted };
  layout.use(scaleStyle);
  for (const tick of [0, 50, 100])
    doc.text(f.int(tick), x0 + (barWidth * tick) / 100, layout.y + layout.baseline(6.5), {
      align: tick === 0 ? 'left' : tick === 100 ? 'right' : 'center',
    });
  layout.y += layout.lineHeight(6.5) + 3;
}

function renderPurposeSection(
  layout: Layout,
  model: ReportModel,
  t: Translate,
  f: Formatters,
  colon: (label: string) => string,
  legalLines: (rec: RecommendationReport) => string[],
): void {
  const purpose = model.diagnostic.purpose;
  if (purpose === 'negotiation') {
    layout.heading(t('purposeSection.negotiation.title'), 1);
    const seen = new Set<string>();
    const recs = model.recommendations.filter((r) => {
      if (!r.negotiation || seen.has(`${r.gridId}/${r.id}`)) return false;
      seen.add(`${r.gridId}/${r.id}`);
      return true;
    });
    if (recs.length === 0) {
      layout.paragraph(t('purposeSection.negotiation.empty'), BODY);
      return;
    }
    layout.paragraph(t('purposeSection.negotiation.intro'), SMALL, { gapAfter: 2 });
    recs.forEach((rec, i) => {
      layout.heading(`${i + 1}. ${rec.title}`, 3, 3 * layout.lineHeight(BODY_SIZE));
      layout.paragraph(rec.negotiation ?? '', BODY, { gapAfter: 1 });
      // The catalogue's references that apply to this context, and the agreements cited.
      const legal = [
        ...legalLines(rec),
        ...rec.sources
          .filter((s) => s.type === 'law' || s.type === 'agreement')
          .map((s) => (s.url ? `${s.label} (${s.url})` : s.label)),
      ];
      layout.labelled(
        colon(t('purposeSection.negotiation.legal')),
        legal.length === 0
          ? t('purposeSection.negotiation.noLegal')
          : legal.join(t('common.listSeparator')),
        { size: 8, color: COLORS.muted },
        { gapAfter: 2.5 },
      );
    });
  } else if (purpose === 'upstream') {
    layout.heading(t('purposeSection.upstream.title'), 1);
    const high = model.recommendations
      .filter((r) => r.priority === 'high' && r.actions.length > 0)
      .slice(0, 5);
    if (high.length === 0) {
      layout.paragraph(t('purposeSection.upstream.empty'), BODY);
    } else {
      layout.paragraph(t('purposeSection.upstream.intro'), BODY, { gapAfter: 1.5 });
      high.forEach((rec, i) => {
        layout.ensureSpace(3 * layout.lineHeight(BODY_SIZE));
        layout.paragraph(
          `${i + 1}. ${rec.title}`,
          { size: BODY_SIZE, bold: true },
          { gapAfter: 0.3 },
        );
        layout.paragraph(rec.actions[0] ?? '', BODY, { indent: 4.5, gapAfter: 2 });
      });
    }
    layout.paragraph(t('purposeSection.upstream.pointer'), {
      size: BODY_SIZE,
      color: COLORS.muted,
    });
  }
  // The workshop purpose has its participation section with the workshop sections.
}

/** Who answered: respondents, visible roles with their counts, the masked total, the rule. */
function renderParticipation(
  layout: Layout,
  model: ReportModel,
  t: Translate,
  f: Formatters,
): void {
  const p = model.participation;
  layout.heading(t('purposeSection.workshop.title'), 1);
  layout.paragraph(t('purposeSection.workshop.respondents', { count: f.int(p.respondents) }), {
    size: 10.5,
    bold: true,
  });
  layout.heading(t('purposeSection.workshop.rolesTitle'), 3);
  if (p.roles.length === 0) layout.paragraph(t('purposeSection.workshop.noRoles'), BODY);
  else
    layout.table(
      [
        { header: t('purposeSection.workshop.role'), width: 110 },
        { header: t('purposeSection.workshop.count'), width: 60, align: 'right' },
      ],
      p.roles.map((r) => [t(`labels.role.${r.role}`), f.int(r.n)]),
    );
  layout.paragraph(t('purposeSection.workshop.masked', { count: f.int(p.masked) }), BODY);
  layout.paragraph(t('purposeSection.workshop.rule', { threshold: f.int(p.anonymityThreshold) }), {
    size: 8.5,
    color: COLORS.muted,
  });
}

/** Per grid, the mean of everyone and of each visible role per dimension; masked roles only counted. */
function renderRolesCompared(
  layout: Layout,
  model: ReportModel,
  grids: RolesComparedGrid[],
  t: Translate,
  f: Formatters,
): void {
  const threshold = f.int(model.participation.anonymityThreshold);
  layout.heading(t('roles.title'), 1);
  layout.paragraph(t('roles.intro', { threshold }), SMALL, { gapAfter: 2 });
  const cell = (score: number | null, bounds: readonly number[]): Cell =>
    score === null ? { text: t('common.noScore'), color: COLORS.muted } : f.score(score, bounds);
  const headerStyle: TextStyle = { size: 8, bold: true };
  // A header never breaks inside a word: each numeric column is as wide as its longest word.
  const columnWidth = (header: string): number =>
    Math.max(16, ...header.split(' ').map((word) => layout.measure(word, headerStyle) + 3.6));
  for (const grid of grids) {
    // The whole table moves to the next page rather than leave its last rows alone there.
    const rowHeight = layout.lineHeight(8) + 2.6;
    const tableHeight = (grid.dimensions.length + 3) * rowHeight + 8;
    layout.heading(grid.title, 2, Math.min(tableHeight, 150));
    const total = grid.roles.reduce((sum, r) => sum + r.n, 0) + grid.masked;
    // "(n = 12)" stays on one line: no-break spaces.
    const count = (n: number): string => t('roles.count', { n: f.int(n) }).replace(/ /g, '\u00a0');
    const headers = [
      `${t('roles.all')} ${count(total)}`,
      ...grid.roles.map((r) => `${t(`labels.role.${r.role}`)} ${count(r.n)}`),
    ];
    const widths = headers.map(columnWidth);
    const numeric = widths.reduce((a, b) => a + b, 0);
    layout.table(
      [
        { header: t('roles.dimension'), width: Math.max(40, layout.width - numeric) },
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
      layout.paragraph(t('roles.notAskedNote'), { size: 8, color: COLORS.muted }, { gapAfter: 1 });
    }
    layout.paragraph(
      grid.masked > 0 ? t('roles.masked', { count: f.int(grid.masked) }) : t('roles.noneMasked'),
      { size: 8, color: COLORS.muted },
      { gapAfter: 2 },
    );
  }
}

/** Where views diverge most, per grid: dimensions, role gaps, items with their distribution. */
function renderTopics(layout: Layout, grids: TopicsGrid[], t: Translate, f: Formatters): void {
  layout.heading(t('topics.title'), 1);
  layout.paragraph(t('topics.intro'), SMALL, { gapAfter: 2 });
  const role = (r: string): string => t(`labels.role.${r}`);
  for (const grid of grids) {
    layout.heading(grid.title, 2, 3 * layout.lineHeight(BODY_SIZE) + 6);
    if (grid.dimensions.length > 0) {
      layout.heading(t('topics.dimensions'), 3);
      layout.bullets(
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
    layout.heading(t('topics.roleGaps'), 3);
    if (grid.roleGaps.length === 0) layout.paragraph(t('topics.noRoleGaps'), { size: 8.5 });
    else
      layout.bullets(
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
      layout.heading(t('topics.items'), 3, 3 * layout.lineHeight(BODY_SIZE) + 20);
      grid.items.forEach((item, i) => {
        const rows = item.distribution.map((row) => ({
          label:
            row.kind === 'value'
              ? t('topics.point', { label: row.label, value: f.one(row.value) })
              : t(`topics.${row.kind}`),
          count: row.count,
        }));
        const textStyle: TextStyle = { size: 8.5, bold: true };
        const metaStyle: TextStyle = { size: 7.5, color: COLORS.muted };
        const head = layout.wrap(`${i + 1}. ${item.text}`, layout.width, textStyle);
        const lines = distributionLines(layout, rows);
        const barsHeight = lines.reduce(
          (sum, l) => sum + l.length * layout.lineHeight(7.5) + 0.6,
          0,
        );
        // The question, its figures and its bars stay on one page.
        layout.ensureSpace(
          head.length * layout.lineHeight(8.5) + layout.lineHeight(7.5) * 2 + barsHeight + 3,
        );
        layout.paragraph(`${i + 1}. ${item.text}`, textStyle, { gapAfter: 0.2 });
        layout.paragraph(
          t('topics.item', {
            dimension: item.dimension,
            sd: f.score(item.sd),
            mean: f.score(item.mean),
            n: f.int(item.n),
          }),
          metaStyle,
          { indent: 4.5, gapAfter: 0.8 },
        );
        drawDistribution(layout, rows, lines, f);
        layout.space(2);
      });
    }
  }
}

/** Cronbach's α per dimension, per grid, with the items that lower it (docs/scoring.md). */
function renderReliability(
  layout: Layout,
  grids: ReliabilityGrid[],
  t: Translate,
  f: Formatters,
): void {
  layout.heading(t('reliability.title'), 1);
  layout.paragraph(t('reliability.intro'), SMALL, { gapAfter: 2 });
  for (const grid of grids) {
    layout.heading(grid.title, 2, 3 * layout.lineHeight(BODY_SIZE) + 6);
    layout.bullets(
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

/** Horizontal bars: one row per answer, its label, its count and a bar scaled to the largest. */
const DIST_STYLE: TextStyle = { size: 7.5 };
const DIST_LABEL_WIDTH = 66;

/** Height of a distribution block: labels wrap on at most two lines, never cut mid-word. */
function distributionLines(layout: Layout, rows: { label: string }[]): string[][] {
  return rows.map((row) => layout.wrapAtMost(row.label, DIST_LABEL_WIDTH, DIST_STYLE, 2));
}

function drawDistribution(
  layout: Layout,
  rows: { label: string; count: number }[],
  lines: string[][],
  f: Formatters,
): void {
  const { doc } = layout;
  const lh = layout.lineHeight(7.5);
  const labelX = layout.left + 4.5;
  const countRight = labelX + DIST_LABEL_WIDTH + 12;
  const barX = countRight + 3;
  const barMax = layout.right - barX;
  const max = Math.max(1, ...rows.map((r) => r.count));
  rows.forEach((row, i) => {
    const label = lines[i] ?? [''];
    const height = label.length * lh + 0.6;
    layout.ensureSpace(height);
    const y = layout.y;
    const base = y + layout.baseline(7.5) + 0.2;
    layout.use(DIST_STYLE);
    label.forEach((line, k) => doc.text(line, labelX, base + k * lh));
    doc.text(f.int(row.count), countRight, base, { align: 'right' });
    if (row.count > 0) {
      doc.setFillColor(COLORS.accent);
      doc.rect(barX, y + 0.6, Math.max(0.4, (barMax * row.count) / max), lh - 0.8, 'F');
    }
    layout.y = y + height;
  });
}

/** T0 → T1: per grid, both scores and the change per dimension, and the questions left out. */
function renderEvolution(
  layout: Layout,
  evolution: EvolutionReport,
  t: Translate,
  f: Formatters,
  gridTitle: (id: string) => string,
): void {
  layout.heading(t('evolution.title'), 1);
  layout.paragraph(
    t('evolution.intro', {
      title: evolution.baseline.title,
      date: f.date(evolution.baseline.updatedAt),
      n0: f.int(evolution.baseline.respondents),
      n1: f.int(evolution.respondents),
    }),
    BODY,
  );
  layout.paragraph(t('evolution.hint'), SMALL, { gapAfter: 2 });
  if (evolution.grids.length === 0) layout.paragraph(t('evolution.none'), BODY);
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
    layout.heading(grid.title, 2, 4 * layout.lineHeight(8.5) + 12);
    layout.paragraph(
      grid.versions.t0 === grid.versions.t1
        ? t('evolution.sameVersion', { v: grid.versions.t1 })
        : t('evolution.versions', { v0: grid.versions.t0, v1: grid.versions.t1 }),
      SMALL,
      { gapAfter: 1 },
    );
    layout.table(
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
    layout.heading(t('evolution.leftOutTitle'), 3);
    if (added.length + removed.length + changed.length === 0)
      layout.paragraph(t('evolution.leftOutNone'), { size: 8.5 });
    else
      layout.bullets(
        [
          ...added.map((item) => `${t('evolution.added')} — ${item}`),
          ...removed.map((item) => `${t('evolution.removed')} — ${item}`),
          ...changed.map(
            (c) =>
              `${t('evolution.changed', { changes: c.changes.map((k) => t(`evolution.change.${k}`)).join(', ') })} — ${c.item}`,
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
      layout.paragraph(t('evolution.dimensionsOnly', { dimensions: only.join(', ') }), {
        size: 8.5,
      });
  }
  if (evolution.notCompared.length > 0)
    layout.paragraph(
      t('evolution.notCompared', { grids: evolution.notCompared.map(gridTitle).join(', ') }),
      { size: 8.5, color: COLORS.muted },
    );
}

function renderMethod(
  layout: Layout,
  model: ReportModel,
  t: Translate,
  f: Formatters,
  colon: (label: string) => string,
  legalStatus: (ref: LegalReferenceReport) => string,
): void {
  layout.heading(t('method.title'), 1);

  layout.heading(t('method.scalesTitle'), 2);
  for (const grid of model.grids) {
    layout.heading(grid.title, 3);
    for (const scale of grid.scales) {
      const points = scale.points.map((p) =>
        t('method.scaleLine', { value: f.one(p.value), label: p.label }),
      );
      const extras = [scale.dk ? t('method.dk') : null, scale.na ? t('method.na') : null].filter(
        (x): x is string => x !== null,
      );
      layout.labelled(
        colon(scale.label ?? scale.id),
        [...points, ...extras].join(t('common.listSeparator')),
        { size: 8.5 },
        { gapAfter: 1.2 },
      );
    }
  }

  layout.heading(t('method.scoringTitle'), 2);
  const coverages = [...new Set(model.grids.map((g) => f.pct(g.minCoverage)))].join(', ');
  layout.bullets(
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
      layout.heading(t('method.levelsOf', { grid: group.map((g) => g.title).join(', ') }), 3);
    const bounds = [...grid.levelBounds].sort((a, b) => a.min - b.min);
    layout.table(
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

  layout.heading(t('method.anonymityTitle'), 2);
  layout.paragraph(
    t('method.anonymity', { threshold: f.int(model.participation.anonymityThreshold) }),
    {
      size: 8.5,
    },
  );

  layout.heading(t('method.gridsTitle'), 2);
  for (const grid of model.grids) {
    layout.ensureSpace(5 * layout.lineHeight(8.5));
    layout.paragraph(grid.title, { size: 9, bold: true }, { gapAfter: 0.3 });
    layout.paragraph(
      t('method.gridIdentity', { id: grid.id, version: grid.version }),
      { size: 8, color: COLORS.muted },
      { gapAfter: 0.3 },
    );
    layout.paragraph(t('method.hash'), { size: 8, color: COLORS.muted }, { gapAfter: 0.3 });
    layout.paragraph(grid.hash, { size: 7.5, mono: true }, { gapAfter: 2.5 });
  }

  layout.heading(t('method.leftOutTitle'), 2);
  layout.paragraph(t('method.leftOutIntro'), { size: 8.5 });
  const leftOut = model.grids.filter((grid) => grid.leftOut.length > 0);
  if (leftOut.length === 0) layout.paragraph(t('method.leftOutNone'), { size: 8.5 });
  for (const grid of leftOut) {
    layout.heading(grid.title, 3);
    layout.bullets(
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

  layout.heading(t('method.sourcesTitle'), 2);
  const seen = new Set<string>();
  const sources: string[] = [];
  for (const grid of model.grids) {
    const all = [...grid.sources, ...grid.recommendations.flatMap((r) => r.sources)];
    for (const s of all) {
      const key = `${s.label}|${s.url ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sources.push(s.url ? `${s.label} — ${s.url}` : s.label);
    }
  }
  if (sources.length === 0) layout.paragraph(t('common.none'), BODY);
  else layout.bullets(sources, { size: 8 });

  if (model.legal) {
    layout.heading(t('legal.methodTitle'), 2);
    layout.paragraph(t('legal.methodIntro'), { size: 8.5 }, { gapAfter: 1.2 });
    if (model.legal.references.length === 0) layout.paragraph(t('legal.none'), { size: 8.5 });
    else {
      layout.bullets(
        model.legal.references.map((ref) =>
          t('legal.methodKept', { citation: ref.citation, status: legalStatus(ref) }),
        ),
        { size: 8 },
      );
    }
    if (model.legal.excluded.length > 0) {
      layout.heading(t('legal.excludedTitle'), 3);
      layout.bullets(
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
