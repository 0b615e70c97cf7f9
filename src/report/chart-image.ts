/**
 * The report's charts as PNG images, for the editable Word report: the same radar as the PDF's
 * (`radar-geometry.ts`: axes clockwise from the top, rings at 25/50/75/100, a null score a gap
 * on a dashed axis labelled « réponses insuffisantes »), or bars from 0 to 100 for one or two
 * axes, drawn on a canvas from the report model's figures — never a copy of the page's DOM.
 *
 * `drawChart` only draws on a 2D context (a unit test records what it draws); `chartPng` makes
 * the canvas and encodes it, in the browser.
 */
import { COLORS } from './layout';
import {
  axisAngles,
  filledShapes,
  labelAnchor,
  polygonSegments,
  radarPoints,
  ringPolygon,
  type Point,
} from './radar-geometry';

/** One axis: a grid or a dimension, its score (null: a gap) and its value as the report writes it. */
export type ChartAxisText = { label: string; score: number | null; value: string };

export type ChartSpec = {
  kind: 'radar' | 'bars';
  axes: readonly ChartAxisText[];
  /** The ring values as the report writes them (« 25 », « 50 », « 75 », « 100 »). */
  ticks: readonly string[];
};

export type PngImage = { data: Uint8Array; width: number; height: number };

/** What `drawChart` uses of a canvas 2D context. */
export type ChartContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'arc'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'measureText'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

const GAP_COLOR = '#b45309';
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
/** CSS pixels (96 to the inch) of the image as placed in the document: 16 cm wide. */
export const RADAR_SIZE = { width: 600, height: 460 };
const RADIUS = 150;
const BAR_ROW = 40;

/** Logical size of a chart (before the pixel ratio). */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  return spec.kind === 'radar'
    ? RADAR_SIZE
    : { width: RADAR_SIZE.width, height: spec.axes.length * BAR_ROW + 36 };
}

/** Words of `text` in lines no wider than `maxWidth`, at most `maxLines` (the last one holds the rest). */
export function wrapWords(
  ctx: Pick<ChartContext, 'measureText'>,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(next).width > maxWidth && lines.length < maxLines - 1) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function path(ctx: ChartContext, points: readonly Point[], close: boolean): void {
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  if (close) ctx.closePath();
}

/** Draws the chart on `ctx`, in logical pixels (the caller scales for the pixel ratio). */
export function drawChart(ctx: ChartContext, spec: ChartSpec): void {
  const { width, height } = chartSize(spec);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (spec.kind === 'radar') drawRadar(ctx, spec);
  else drawBars(ctx, spec);
}

function drawRadar(ctx: ChartContext, spec: ChartSpec): void {
  const n = spec.axes.length;
  const center: Point = { x: RADAR_SIZE.width / 2, y: RADAR_SIZE.height / 2 };
  const angles = axisAngles(n);
  ctx.lineWidth = 1;
  for (const ring of [25, 50, 75, 100]) {
    ctx.strokeStyle = ring === 100 ? '#9aa5b1' : '#d3d9df';
    path(ctx, ringPolygon(center, RADIUS, n, ring), true);
    ctx.stroke();
  }
  spec.axes.forEach((axis, i) => {
    const angle = angles[i] ?? 0;
    ctx.strokeStyle = axis.score === null ? GAP_COLOR : '#c3ccd5';
    ctx.setLineDash(axis.score === null ? [4, 4] : []);
    path(
      ctx,
      [center, { x: center.x + RADIUS * Math.cos(angle), y: center.y + RADIUS * Math.sin(angle) }],
      false,
    );
    ctx.stroke();
  });
  ctx.setLineDash([]);

  const points = radarPoints(
    center,
    RADIUS,
    spec.axes.map((a) => a.score),
  );
  ctx.fillStyle = COLORS.accentLight;
  for (const shape of filledShapes(center, points)) {
    path(ctx, shape, true);
    ctx.fill();
  }
  ctx.strokeStyle = '#b8c7d6';
  for (const ring of [25, 50, 75]) {
    path(ctx, ringPolygon(center, RADIUS, n, ring), true);
    ctx.stroke();
  }
  ctx.strokeStyle = COLORS.accent;
  ctx.lineWidth = 2.5;
  for (const s of polygonSegments(points)) {
    path(ctx, [s.from, s.to], false);
    ctx.stroke();
  }
  ctx.fillStyle = COLORS.accent;
  for (const p of points) {
    if (!p) continue;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 3.5, 0, 2 * Math.PI);
    ctx.fill();
  }

  // Ring values along the first axis, beside it.
  ctx.font = `10px ${FONT}`;
  ctx.fillStyle = COLORS.muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  [25, 50, 75, 100].forEach((ring, i) =>
    ctx.fillText(spec.ticks[i] ?? String(ring), center.x + 4, center.y - (RADIUS * ring) / 100 - 1),
  );

  // Axis labels: the label wrapped on at most three lines, then the score or the gap.
  const lineHeight = 15;
  spec.axes.forEach((axis, i) => {
    const anchor = labelAnchor(center, RADIUS, angles[i] ?? 0, 10);
    const room =
      anchor.align === 'left'
        ? RADAR_SIZE.width - anchor.x - 4
        : anchor.align === 'right'
          ? anchor.x - 4
          : 180;
    const maxWidth = Math.max(70, Math.min(room, anchor.align === 'center' ? 180 : 140));
    ctx.font = `bold 12px ${FONT}`;
    const labelLines = wrapWords(ctx, axis.label, maxWidth, 3);
    ctx.font = `12px ${FONT}`;
    const valueLines = wrapWords(ctx, axis.value, maxWidth, 2);
    const lines = [
      ...labelLines.map((text) => ({ text, bold: true, gap: false })),
      ...valueLines.map((text) => ({ text, bold: false, gap: axis.score === null })),
    ];
    const blockHeight = lines.length * lineHeight;
    let top =
      anchor.valign === 'bottom'
        ? anchor.y - blockHeight
        : anchor.valign === 'top'
          ? anchor.y
          : anchor.y - blockHeight / 2;
    ctx.textAlign = anchor.align;
    ctx.textBaseline = 'top';
    for (const line of lines) {
      ctx.font = `${line.bold ? 'bold ' : ''}12px ${FONT}`;
      ctx.fillStyle = line.gap ? GAP_COLOR : line.bold ? COLORS.text : COLORS.muted;
      ctx.fillText(line.text, anchor.x, top);
      top += lineHeight;
    }
  });
}

function drawBars(ctx: ChartContext, spec: ChartSpec): void {
  const labelWidth = 220;
  const valueWidth = 130;
  const x0 = labelWidth + 10;
  const barWidth = RADAR_SIZE.width - valueWidth - x0;
  ctx.textBaseline = 'top';
  spec.axes.forEach((axis, i) => {
    const y = 8 + i * BAR_ROW;
    ctx.font = `bold 12px ${FONT}`;
    ctx.fillStyle = COLORS.text;
    ctx.textAlign = 'left';
    wrapWords(ctx, axis.label, labelWidth, 2).forEach((line, k) =>
      ctx.fillText(line, 0, y + k * 15),
    );
    ctx.fillStyle = '#f4f6f9';
    ctx.strokeStyle = COLORS.rule;
    ctx.lineWidth = 1;
    ctx.fillRect(x0, y + 2, barWidth, 14);
    ctx.strokeRect(x0, y + 2, barWidth, 14);
    if (axis.score !== null) {
      ctx.fillStyle = COLORS.accent;
      ctx.fillRect(x0, y + 2, (barWidth * Math.max(0, Math.min(100, axis.score))) / 100, 14);
    }
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = axis.score === null ? GAP_COLOR : COLORS.text;
    wrapWords(ctx, axis.value, valueWidth - 8, 2).forEach((line, k) =>
      ctx.fillText(line, x0 + barWidth + 8, y + 2 + k * 15),
    );
  });
  const y = 8 + spec.axes.length * BAR_ROW;
  ctx.font = `10px ${FONT}`;
  ctx.fillStyle = COLORS.muted;
  const [zero = '0', half = '50', full = '100'] = [spec.ticks[0], spec.ticks[1], spec.ticks[2]];
  ctx.textAlign = 'left';
  ctx.fillText(zero, x0, y);
  ctx.textAlign = 'center';
  ctx.fillText(half, x0 + barWidth / 2, y);
  ctx.textAlign = 'right';
  ctx.fillText(full, x0 + barWidth, y);
}

/** The chart as a PNG at twice its size (sharp when printed), drawn on a canvas of this page. */
export async function chartPng(spec: ChartSpec): Promise<PngImage> {
  const { width, height } = chartSize(spec);
  const ratio = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d');
  ctx.scale(ratio, ratio);
  drawChart(ctx, spec);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('canvas png');
  return { data: new Uint8Array(await blob.arrayBuffer()), width, height };
}
