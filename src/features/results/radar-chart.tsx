import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { useDrawnInTurn } from './draw-in-turn';

export type RadarDatum = { axis: string; score: number | null };
export type RadarSeries = { key: string; name: string; color: string; values: (number | null)[] };

export type ScoreRadarProps = {
  data: RadarDatum[];
  /** More series to overlay (roles, T0/T1); the main series is `data`. */
  series?: RadarSeries[];
  mainName: string;
  height?: number;
};

/** Average advance width of a character of the UI font, in em (measured on French labels). */
const CHAR_EM = 0.6;
/** Below this chart width (a phone), the radar gets smaller and its labels smaller type. */
const NARROW = 480;
const MAX_LINES = 3;

/**
 * The label cut into lines of at most `max` characters, between words when it can; at most three
 * lines, the last one ending with "…" when the label is longer (the full name is in the table
 * twin and in the label's tooltip).
 */
export function wrapLabel(text: string, max: number, maxLines = MAX_LINES): string[] {
  const width = Math.max(4, Math.floor(max));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    // A word longer than a line is cut (no hyphenation dictionary here).
    while (rest.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, width - 1) + '-');
      rest = rest.slice(width - 1);
    }
    const candidate = line ? `${line} ${rest}` : rest;
    if (candidate.length > width && line) {
      lines.push(line);
      line = rest;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.length + 1 > width ? last.slice(0, width - 1).trimEnd() : last}…`;
  return kept;
}

type TickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  textAnchor?: string;
  /** Width and height of the whole chart, in px: the label must stay inside it. */
  chartWidth: number;
  chartHeight: number;
  fontSize: number;
  maxLines: number;
};

function AxisTick({
  x = 0,
  y = 0,
  payload,
  textAnchor,
  chartWidth,
  chartHeight,
  fontSize,
  maxLines,
}: TickProps) {
  const label = payload?.value ?? '';
  const px = Number(x);
  const anchor = (textAnchor ?? 'middle') as 'start' | 'middle' | 'end';
  // Room between the anchor and the chart's edge on the side the text grows to.
  const room =
    anchor === 'end'
      ? px - 4
      : anchor === 'start'
        ? chartWidth - px - 4
        : 2 * Math.min(px, chartWidth - px) - 4;
  // Before the chart is measured, the former fixed width.
  const maxChars = chartWidth > 0 ? Math.min(22, room / (fontSize * CHAR_EM)) : 18;
  const lines = wrapLabel(label, maxChars, maxLines);
  const lineHeight = Math.round(fontSize * 1.2);
  // Labels under the chart grow down, above it up, beside it around their anchor.
  const centre = chartHeight / 2;
  const extra = (lines.length - 1) * lineHeight;
  const py =
    Number(y) < centre - 10
      ? Number(y) - extra
      : Number(y) > centre + 10
        ? Number(y)
        : Number(y) - extra / 2;
  return (
    <text x={px} y={py} textAnchor={anchor} fontSize={fontSize} fill="#1b1f24">
      <title>{label}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={px} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Width of an element, followed as it changes (0 until measured). */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width;
      if (next !== undefined) setWidth(next);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * A radar of 0–100 scores. A missing score is drawn as a gap (no point, no line through it),
 * never as 0; the twin table beside the chart carries the reason. Decorative for assistive
 * technologies: the table is the accessible form.
 */
export function ScoreRadar({ data, series = NO_SERIES, mainName, height = 380 }: ScoreRadarProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  // The box is laid out at once; the drawing comes at this chart's turn (see draw-in-turn.ts).
  const drawn = useDrawnInTurn(
    useMemo(() => ({ data, series, mainName }), [data, series, mainName]),
  );
  const narrow = width > 0 && width < NARROW;
  const fontSize = narrow ? 10 : 12;
  // On a phone the chart is as tall as it is wide: no empty band above and below it.
  const chartHeight = narrow ? Math.min(height, Math.round(width) + 20) : height;
  return (
    <div className="radar" aria-hidden="true" style={{ height: chartHeight }} ref={ref}>
      {drawn && width > 0 && (
        <RadarDrawing
          {...drawn}
          width={width}
          chartHeight={chartHeight}
          narrow={narrow}
          fontSize={fontSize}
        />
      )}
    </div>
  );
}

const NO_SERIES: RadarSeries[] = [];

type RadarDrawingProps = {
  data: RadarDatum[];
  series: RadarSeries[];
  mainName: string;
  width: number;
  chartHeight: number;
  narrow: boolean;
  fontSize: number;
};

function RadarDrawing({
  data,
  series,
  mainName,
  width,
  chartHeight,
  narrow,
  fontSize,
}: RadarDrawingProps) {
  const rows = data.map((d, i) => {
    const row: Record<string, string | number | null> = { axis: d.axis, main: d.score };
    for (const s of series) row[s.key] = s.values[i] ?? null;
    return row;
  });
  return (
    <RadarChart
      // Sized from the box's measured width (no ResponsiveContainer: it measures the box again
      // and draws the chart a second time).
      width={width}
      height={chartHeight}
      // Decorative (aria-hidden): no keyboard focus inside it (recharts 3 adds one by default).
      accessibilityLayer={false}
      data={rows}
      outerRadius={narrow ? '48%' : '68%'}
      margin={
        narrow
          ? { top: 16, right: 4, bottom: 16, left: 4 }
          : { top: 10, right: 30, bottom: 10, left: 30 }
      }
    >
      <PolarGrid />
      <PolarAngleAxis
        dataKey="axis"
        tick={
          <AxisTick
            chartWidth={width}
            chartHeight={chartHeight}
            fontSize={fontSize}
            maxLines={narrow ? 4 : MAX_LINES}
          />
        }
      />
      <PolarRadiusAxis domain={[0, 100]} tickCount={5} angle={90} fontSize={10} />
      <Radar
        name={mainName}
        dataKey="main"
        stroke="#1d4ed8"
        fill="#1d4ed8"
        fillOpacity={series.length ? 0.08 : 0.25}
        isAnimationActive={false}
        connectNulls={false}
        dot={{ r: 3 }}
      />
      {series.map((s) => (
        <Radar
          key={s.key}
          name={s.name}
          dataKey={s.key}
          stroke={s.color}
          fill={s.color}
          fillOpacity={0.05}
          isAnimationActive={false}
          connectNulls={false}
          dot={{ r: 3 }}
        />
      ))}
    </RadarChart>
  );
}
