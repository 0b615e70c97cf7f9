/**
 * Geometry of a radar chart, free of any drawing library so it can be unit-tested.
 *
 * Coordinates are page coordinates: x to the right, y DOWN (as in jsPDF and SVG). Axis 0 points
 * straight up and the axes follow clockwise. Scores are on 0–100: 0 at the centre, 100 on the
 * outer ring. A null score is a gap (no point, no segment to it), never a point at the centre.
 */

export type Point = { x: number; y: number };
export type Segment = { from: Point; to: Point };
export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

/**
 * Where to write an axis label: its anchor point, `align` the side of the text the anchor is on
 * (as jsPDF's `align`: 'left' = the text starts at the anchor), `valign` the same vertically
 * ('bottom' = the text block ends at the anchor and grows upwards).
 */
export type LabelAnchor = Point & { align: HorizontalAlign; valign: VerticalAlign };

/** Angle in radians of each of `n` axes: the first points up, the others follow clockwise. */
export function axisAngles(n: number): number[] {
  return Array.from({ length: n }, (_, i) => -Math.PI / 2 + (2 * Math.PI * i) / n);
}

/** The point at distance `radius × score / 100` from `center` along `angle` (score clamped to 0–100). */
export function pointAt(center: Point, radius: number, angle: number, score: number): Point {
  const r = (radius * Math.min(100, Math.max(0, score))) / 100;
  return { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) };
}

/** One point per axis for the scores, null where the score is null (a gap). */
export function radarPoints(
  center: Point,
  radius: number,
  scores: readonly (number | null)[],
): (Point | null)[] {
  const angles = axisAngles(scores.length);
  return scores.map((score, i) =>
    score === null ? null : pointAt(center, radius, angles[i] ?? 0, score),
  );
}

/**
 * The outline of the score polygon: a segment between each pair of neighbouring axes (the last
 * one closing on the first) when both have a point; a null score breaks the outline on both sides.
 */
export function polygonSegments(points: readonly (Point | null)[]): Segment[] {
  const n = points.length;
  if (n < 2) return [];
  const segments: Segment[] = [];
  const pairs = n === 2 ? 1 : n;
  for (let i = 0; i < pairs; i += 1) {
    const from = points[i];
    const to = points[(i + 1) % n];
    if (from && to) segments.push({ from, to });
  }
  return segments;
}

/**
 * Shapes to fill under the score outline. Without gaps: the polygon itself. With gaps: one shape
 * per run of consecutive scored axes, closed through the centre, so the area never bridges a gap.
 * A run of a single point has no area and is left out.
 */
export function filledShapes(center: Point, points: readonly (Point | null)[]): Point[][] {
  const n = points.length;
  if (n < 3) return [];
  if (points.every((p) => p !== null)) return [points as Point[]];
  // Start just after a gap so that runs do not wrap around the end of the array.
  const firstGap = points.findIndex((p) => p === null);
  const shapes: Point[][] = [];
  let run: Point[] = [];
  for (let k = 1; k <= n; k += 1) {
    const p = points[(firstGap + k) % n] ?? null;
    if (p) {
      run.push(p);
    } else {
      if (run.length >= 2) shapes.push([center, ...run]);
      run = [];
    }
  }
  return shapes;
}

/** The regular polygon of a reference ring (e.g. 25, 50, 75, 100) on `n` axes. */
export function ringPolygon(center: Point, radius: number, n: number, score: number): Point[] {
  return axisAngles(n).map((angle) => pointAt(center, radius, angle, score));
}

/**
 * Where to anchor an axis label placed `offset` beyond the outer ring: text on the right half is
 * left-aligned, on the left half right-aligned, near the vertical axis centred; labels above the
 * chart grow upwards (anchor at their bottom), below it downwards (anchor at their top).
 */
export function labelAnchor(
  center: Point,
  radius: number,
  angle: number,
  offset: number,
): LabelAnchor {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const r = radius + offset;
  return {
    x: center.x + r * cos,
    y: center.y + r * sin,
    align: Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right',
    valign: sin < -0.7 ? 'bottom' : sin > 0.7 ? 'top' : 'middle',
  };
}
