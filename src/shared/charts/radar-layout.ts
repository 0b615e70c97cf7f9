/**
 * The radar's size and its labels' lines, from the chart's width alone: the page lays out the
 * radar's box (radar-chart.tsx) before the drawing's code (recharts, radar-drawing.tsx) is
 * there, so that nothing moves when the drawing comes.
 */

export type RadarDatum = { axis: string; score: number | null };
export type RadarSeries = { key: string; name: string; color: string; values: (number | null)[] };

/** Average advance width of a character of the UI font, in em (measured on French labels). */
const CHAR_EM = 0.6;
/** Below this chart width (a phone), the radar gets smaller and its labels smaller type. */
export const NARROW = 480;
/** From this chart width on (a projector's column), labels get bigger type. */
const WIDE = 760;
/** Window width of a projector or a large screen, in px. */
const PROJECTOR = 1600;
/** Largest radar radius, in px: up to a projector's width, and a laptop's half-page column. */
const MAX_RADIUS_WIDE = 290;
const MAX_RADIUS = 170;
/** Height of the radar's box before its width is measured, in px. */
const UNMEASURED_HEIGHT = 380;

/** Spaces a line may break at: any white space but the no-break ones of French typography. */
const BREAKABLE_SPACE = /[^\S\u00a0\u202f]+/;
/** The pieces a label may be cut into: words, and compound words after their hyphens. */
const WORD_PIECES = /[^\S\u00a0\u202f]+|(?<=-)/;

/**
 * The label cut into lines of at most `max` characters, between words only: a word longer than
 * a line keeps a line of its own, whole (never « consultat-ion »), and nothing is cut off with
 * « … » (the chart's margins grow instead, see `labelRoom`).
 */
export function wrapLabel(text: string, max: number): string[] {
  const width = Math.max(4, Math.floor(max));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(BREAKABLE_SPACE).filter(Boolean)) {
    // A compound word may break after its hyphens (« Information- » / « consultation »).
    const pieces = word.split(/(?<=-)(?=.)/);
    pieces.forEach((piece, i) => {
      const joined = i === 0 ? (line ? `${line} ${piece}` : piece) : line + piece;
      if (joined.length > width && line) {
        lines.push(line);
        line = piece;
      } else line = joined;
    });
  }
  if (line) lines.push(line);
  return lines;
}

/** Characters per label line: the labels' width, never less than their longest word. */
const LINE_CHARS = 16;
const longestWord = (labels: string[]) =>
  Math.max(0, ...labels.flatMap((l) => l.split(WORD_PIECES).map((w) => w.length)));

/**
 * Room the labels need around the radar, in px: as wide as their widest line beside it, as tall
 * as their lines above and below it (the chart's margins).
 */
export function labelRoom(
  labels: string[],
  fontSize: number,
): { side: number; top: number; chars: number } {
  const chars = Math.max(LINE_CHARS, longestWord(labels));
  const lines = Math.max(1, ...labels.map((l) => wrapLabel(l, chars).length));
  const lineHeight = Math.round(fontSize * 1.2);
  const widest = Math.max(
    0,
    ...labels.flatMap((l) => wrapLabel(l, chars).map((line) => line.length)),
  );
  return {
    side: Math.ceil(widest * fontSize * CHAR_EM) + 8,
    // One more line: the « réponses insuffisantes » mark under a label.
    top: (lines + 1) * lineHeight + 6,
    chars,
  };
}

export type RadarLayout = {
  /** A phone's width: the axes are numbered on the chart and named in a key under it. */
  narrow: boolean;
  fontSize: number;
  /** The label of each axis on the chart: its name, or its number on a phone. */
  labels: string[];
  /** Characters per label line. */
  chars: number;
  radius: number;
  /** Height of the whole chart, labels included, in px. */
  height: number;
};

/**
 * The radar's layout for a box `width` px wide (0 before it is measured) in a window
 * `windowWidth` px wide: big on a projector only, so that on a laptop the chart stays within a
 * screen's height.
 */
export function radarLayout(axes: string[], width: number, windowWidth: number): RadarLayout {
  const narrow = width > 0 && width < NARROW;
  const fontSize = narrow ? 12 : width >= WIDE ? 14 : 12;
  const labels = axes.map((axis, i) => (narrow ? String(i + 1) : axis));
  const room = labelRoom(labels, fontSize);
  const maxRadius = width >= WIDE && windowWidth >= PROJECTOR ? MAX_RADIUS_WIDE : MAX_RADIUS;
  const radius = Math.max(40, Math.min(maxRadius, Math.floor((width - 2 * room.side) / 2)));
  const height = width > 0 ? 2 * radius + 2 * room.top : UNMEASURED_HEIGHT;
  return { narrow, fontSize, labels, chars: room.chars, radius, height };
}
