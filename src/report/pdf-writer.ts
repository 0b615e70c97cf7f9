/**
 * The PDF's writer: the report's sections (`sections/`) laid out on A4 pages by `Layout`, with
 * the blocks drawn the PDF's way — the cover band, the framed score, the partial notice, radars
 * and bars as vector drawings, answer counts as bars. Only `render-pdf.ts` creates it (jsPDF is
 * imported there, and here for its type only).
 */
import type { jsPDF } from 'jspdf';
import type { ChartAxisText, ChartSpec } from './chart-image';
import {
  COLORS,
  type Layout,
  type PageGeometry,
  RADAR_HEIGHT,
  RADAR_LABEL_SPACE,
  RADAR_RADIUS,
  type TextStyle,
} from './layout';
import {
  axisAngles,
  filledShapes,
  labelAnchor,
  polygonSegments,
  radarPoints,
  ringPolygon,
  type Point,
} from './radar-geometry';
import type {
  BulletOptions,
  Cell,
  ChartBlock,
  Column,
  CoverBlock,
  DistributionBlock,
  ParagraphOptions,
  ReportWriter,
  ScoreBlock,
  TableOptions,
} from './writer';

/** A4 portrait, in mm. */
export const PAGE: PageGeometry = {
  width: 210,
  height: 297,
  marginLeft: 20,
  marginRight: 20,
  marginTop: 24,
  marginBottom: 22,
};

const PARTIAL_FILL = '#fff4e0';
const PARTIAL_BORDER = '#b45309';

export class PdfWriter implements ReportWriter {
  constructor(
    readonly doc: jsPDF,
    readonly layout: Layout,
  ) {}

  get width(): number {
    return this.layout.width;
  }
  newPage(): void {
    this.layout.newPage();
  }
  section(room: number): void {
    this.layout.section(room);
  }
  heading(text: string, level: 1 | 2 | 3, keepWith?: number): void {
    this.layout.heading(text, level, keepWith);
  }
  paragraph(
    text: string,
    style?: TextStyle,
    options?: ParagraphOptions & { align?: 'left' | 'center' | 'right' },
  ): void {
    this.layout.paragraph(text, style, options);
  }
  labelled(label: string, text: string, style?: TextStyle, options?: ParagraphOptions): void {
    this.layout.labelled(label, text, style, options);
  }
  bullets(items: string[], style?: TextStyle, options?: BulletOptions): void {
    this.layout.bullets(items, style, options);
  }
  table(columns: Column[], rows: Cell[][], options?: TableOptions): void {
    this.layout.table(columns, rows, options);
  }
  space(mm: number): void {
    this.layout.space(mm);
  }
  ensureSpace(mm: number): void {
    this.layout.ensureSpace(mm);
  }
  lineHeight(size: number): number {
    return this.layout.lineHeight(size);
  }
  measure(text: string, style: TextStyle): number {
    return this.layout.measure(text, style);
  }

  cover(block: CoverBlock): void {
    drawCover(this.doc, this.layout, block);
  }
  scoreBox(block: ScoreBlock): void {
    drawScoreBox(this.layout, block);
  }
  notice(title: string, body: string): void {
    drawNotice(this.layout, title, body);
  }
  chart({ title, spec }: ChartBlock): void {
    if (spec.kind === 'radar') {
      this.layout.heading(title, 2, RADAR_HEIGHT);
      drawRadar(this.doc, this.layout, spec);
    } else {
      this.layout.heading(title, 2, 20);
      drawBars(this.doc, this.layout, spec);
    }
  }
  distribution(block: DistributionBlock): void {
    drawDistributionBlock(this.layout, block);
  }
}

/** A framed block: label, score /100 in large type, and the level as a swatch and a word. */
function drawScoreBox(layout: Layout, { label, value, level, missing }: ScoreBlock): void {
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
  layout.use(scoreStyle);
  const scoreX = layout.left + 62;
  doc.text(value, scoreX, y + 10.2);
  const scoreWidth = layout.measure(value, scoreStyle);
  const levelX = scoreX + scoreWidth + 8;
  if (level !== null) {
    layout.swatch(levelX, y + 5.2, level.color, 4.5);
    const levelStyle: TextStyle = { size: 11, bold: true, color: COLORS.text };
    const text = layout.fit(level.label, layout.right - levelX - 10, levelStyle);
    layout.use(levelStyle);
    doc.text(text, levelX + 7, y + 9.2);
  } else {
    const style: TextStyle = { size: 9, color: COLORS.muted };
    const text = layout.fit(missing, layout.right - levelX - 4, style);
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

function drawCover(doc: jsPDF, layout: Layout, block: CoverBlock): void {
  doc.setFillColor(COLORS.accent);
  doc.rect(0, 0, PAGE.width, 62, 'F');
  const white: TextStyle = { size: 10, bold: true, color: '#ffffff' };
  const appLines = layout.wrap(block.appName, layout.width, white);
  layout.use(white);
  doc.text(appLines.slice(0, 2), layout.left, 22);
  const kindStyle: TextStyle = { size: 22, bold: true, color: '#ffffff' };
  layout.use(kindStyle);
  doc.text(layout.fit(block.documentKind, layout.width, kindStyle), layout.left, 48);

  layout.y = 76;
  // The cover stays on one page: very long titles are cut (the full title is in the metadata).
  const titleStyle: TextStyle = { size: 20, bold: true, color: COLORS.accent };
  layout.use(titleStyle);
  for (const line of layout.wrapAtMost(block.title, layout.width, titleStyle, 6)) {
    layout.use(titleStyle);
    doc.text(line, layout.left, layout.y + layout.baseline(titleStyle.size));
    layout.y += layout.lineHeight(titleStyle.size);
  }
  layout.space(3);
  if (block.organisation) {
    const orgStyle: TextStyle = { size: 13, color: COLORS.text };
    for (const line of layout.wrapAtMost(block.organisation, layout.width, orgStyle, 3)) {
      layout.use(orgStyle);
      doc.text(line, layout.left, layout.y + layout.baseline(orgStyle.size));
      layout.y += layout.lineHeight(orgStyle.size);
    }
    layout.space(6);
  } else layout.space(4);

  layout.table(
    [
      { header: '', width: 52 },
      { header: '', width: 118 },
    ],
    block.rows.map(([label, value]) => [{ text: label, bold: true, color: COLORS.muted }, value]),
    { header: false, zebra: false, size: 9.5 },
  );

  const note: TextStyle = { size: 8, color: COLORS.muted };
  const lines = layout.wrap(block.note, layout.width, note);
  const noteY = PAGE.height - 16;
  if (layout.y < noteY - 6 && doc.getNumberOfPages() === 1) {
    layout.use(note);
    doc.text(lines, layout.left, noteY);
  }
}

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

/**
 * A radar (three axes or more) drawn with vector lines and polygons; null scores are gaps,
 * their axes dashed and labelled « réponses insuffisantes ».
 */
function drawRadar(doc: jsPDF, layout: Layout, spec: ChartSpec): void {
  const dims: readonly ChartAxisText[] = spec.axes;
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
  [25, 50, 75, 100].forEach((ring, i) => {
    const y = center.y - (RADAR_RADIUS * ring) / 100;
    doc.text(spec.ticks[i] ?? String(ring), center.x + 1, y - 0.6);
  });

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
    const valueLines = layout.wrap(d.value, maxWidth, d.score === null ? gapStyle : valueStyle);
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
function drawBars(doc: jsPDF, layout: Layout, spec: ChartSpec): void {
  const labelStyle: TextStyle = { size: 8.5, bold: true };
  const valueStyle: TextStyle = { size: 8.5 };
  const gapStyle: TextStyle = { size: 8, color: PARTIAL_BORDER };
  const labelWidth = 62;
  const valueWidth = 34;
  const x0 = layout.left + labelWidth + 3;
  const barWidth = layout.right - valueWidth - x0;
  const lh = layout.lineHeight(8.5);
  layout.ensureSpace(2 * lh + 8);
  for (const axis of spec.axes) {
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
    const style = axis.score === null ? gapStyle : valueStyle;
    const valueLines = layout.wrap(axis.value, valueWidth - 2, style);
    layout.use(style);
    valueLines.forEach((line, i) =>
      doc.text(line, layout.right - valueWidth + 2, y + i * lh + layout.baseline(style.size)),
    );
    layout.y = y + Math.max(height, valueLines.length * lh + 2);
  }
  // The scale under the bars.
  const scaleStyle: TextStyle = { size: 6.5, color: COLORS.muted };
  layout.use(scaleStyle);
  [0, 50, 100].forEach((tick, i) =>
    doc.text(
      spec.ticks[i] ?? String(tick),
      x0 + (barWidth * tick) / 100,
      layout.y + layout.baseline(6.5),
      {
        align: tick === 0 ? 'left' : tick === 100 ? 'right' : 'center',
      },
    ),
  );
  layout.y += layout.lineHeight(6.5) + 3;
}

/** Horizontal bars: one row per answer, its label, its count and a bar scaled to the largest. */
const DIST_STYLE: TextStyle = { size: 7.5 };
const DIST_LABEL_WIDTH = 66;

/** A question of the topics: its text and figures, then its answers as bars, on one page. */
function drawDistributionBlock(layout: Layout, block: DistributionBlock): void {
  const textStyle: TextStyle = { size: 8.5, bold: true };
  const metaStyle: TextStyle = { size: 7.5, color: COLORS.muted };
  const head = layout.wrap(block.question, layout.width, textStyle);
  // Labels wrap on at most two lines, never cut mid-word.
  const lines = block.rows.map((row) =>
    layout.wrapAtMost(row.label, DIST_LABEL_WIDTH, DIST_STYLE, 2),
  );
  const barsHeight = lines.reduce((sum, l) => sum + l.length * layout.lineHeight(7.5) + 0.6, 0);
  // The question, its figures and its bars stay on one page.
  layout.ensureSpace(
    head.length * layout.lineHeight(8.5) + layout.lineHeight(7.5) * 2 + barsHeight + 3,
  );
  layout.paragraph(block.question, textStyle, { gapAfter: 0.2 });
  layout.paragraph(block.meta, metaStyle, { indent: 4.5, gapAfter: 0.8 });

  const { doc } = layout;
  const lh = layout.lineHeight(7.5);
  const labelX = layout.left + 4.5;
  const countRight = labelX + DIST_LABEL_WIDTH + 12;
  const barX = countRight + 3;
  const barMax = layout.right - barX;
  const max = Math.max(1, ...block.rows.map((r) => r.count));
  block.rows.forEach((row, i) => {
    const label = lines[i] ?? [''];
    const height = label.length * lh + 0.6;
    layout.ensureSpace(height);
    const y = layout.y;
    const base = y + layout.baseline(7.5) + 0.2;
    layout.use(DIST_STYLE);
    label.forEach((line, k) => doc.text(line, labelX, base + k * lh));
    doc.text(row.countText, countRight, base, { align: 'right' });
    if (row.count > 0) {
      doc.setFillColor(COLORS.accent);
      doc.rect(barX, y + 0.6, Math.max(0.4, (barMax * row.count) / max), lh - 0.8, 'F');
    }
    layout.y = y + height;
  });
  layout.space(2);
}
