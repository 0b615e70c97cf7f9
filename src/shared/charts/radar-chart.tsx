import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { useDrawnInTurn } from './draw-in-turn';

export type RadarDatum = { axis: string; score: number | null };
export type RadarSeries = { key: string; name: string; color: string; values: (number | null)[] };

export type ScoreRadarProps = {
  data: RadarDatum[];
  /** More series to overlay (roles, T0/T1); the main series is `data`. */
  series?: RadarSeries[];
  mainName: string;
  /** Former fixed height: the chart is now sized from its width. */
  height?: number;
};

/** Average advance width of a character of the UI font, in em (measured on French labels). */
const CHAR_EM = 0.6;
/** Below this chart width (a phone), the radar gets smaller and its labels smaller type. */
const NARROW = 480;

/**
 * The label cut into lines of at most `max` characters, between words only: a word longer than
 * a line keeps a line of its own, whole (never « consultat-ion »), and nothing is cut off with
 * « … » (the chart's margins grow instead, see `labelRoom`).
 */
/** Spaces a line may break at: any white space but the no-break ones of French typography. */
const BREAKABLE_SPACE = /[^\S\u00a0\u202f]+/;
/** The pieces a label may be cut into: words, and compound words after their hyphens. */
const WORD_PIECES = /[^\S\u00a0\u202f]+|(?<=-)/;

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

type TickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  index?: number;
  textAnchor?: string;
  /** Height of the whole chart, in px. */
  chartHeight: number;
  fontSize: number;
  /** Characters per line. */
  chars: number;
  /** Axes whose score is missing: their label says so. */
  missing: boolean[];
  missingText: string;
};

function AxisTick({
  x = 0,
  y = 0,
  payload,
  index = 0,
  textAnchor,
  chartHeight,
  fontSize,
  chars,
  missing,
  missingText,
}: TickProps) {
  const label = payload?.value ?? '';
  const px = Number(x);
  const anchor = (textAnchor ?? 'middle') as 'start' | 'middle' | 'end';
  const lines = wrapLabel(label, chars);
  const gap = missing[index] === true;
  const count = lines.length + (gap ? 1 : 0);
  const lineHeight = Math.round(fontSize * 1.2);
  // Labels under the chart grow down, above it up, beside it around their anchor.
  const centre = chartHeight / 2;
  const extra = (count - 1) * lineHeight;
  const py =
    Number(y) < centre - 10
      ? Number(y) - extra
      : Number(y) > centre + 10
        ? Number(y)
        : Number(y) - extra / 2;
  return (
    <text
      x={px}
      y={py}
      textAnchor={anchor}
      fontSize={fontSize}
      fill="#1b1f24"
      data-missing={gap ? '' : undefined}
    >
      <title>{gap ? `${label} — ${missingText}` : label}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={px} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
      {gap && (
        <tspan x={px} dy={lineHeight} fontStyle="italic" fill="#8a4b00">
          {missingText}
        </tspan>
      )}
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

/** Largest radar radius, in px: up to a projector's width, and a laptop's half-page column. */
const MAX_RADIUS_WIDE = 290;
const MAX_RADIUS = 170;
/** From this chart width on (a projector's column), labels get bigger type. */
const WIDE = 760;
/** Window width of a projector or a large screen, in px. */
const PROJECTOR = 1600;

/**
 * A radar of 0–100 scores. A missing score is drawn as a gap (no point, no line through it),
 * never as 0, and its axis label says « réponses insuffisantes »; the twin table beside the
 * chart carries the reason. Fewer than three axes make no radar (a line, a point): bars instead.
 * On a phone the axes are numbered and named in a key under the chart, so the radar keeps its
 * size. Decorative for assistive technologies: the table is the accessible form. Memoised: a
 * page that renders again with the same data (the results page as its parts come) does not
 * draw it again.
 */
export const ScoreRadar = memo(function ScoreRadar({
  data,
  series = NO_SERIES,
  mainName,
}: ScoreRadarProps) {
  const { t } = useTranslation();
  const [ref, width] = useWidth<HTMLDivElement>();
  // The box is laid out at once; the drawing comes at this chart's turn (see draw-in-turn.ts).
  const drawn = useDrawnInTurn(
    useMemo(() => ({ data, series, mainName }), [data, series, mainName]),
  );
  const missingText = t('chart.insufficient');
  if (data.length < 3)
    return <ScoreBars data={data} series={series} mainName={mainName} missingText={missingText} />;
  const narrow = width > 0 && width < NARROW;
  const fontSize = narrow ? 12 : width >= WIDE ? 14 : 12;
  const labels = data.map((d, i) => (narrow ? String(i + 1) : d.axis));
  const room = labelRoom(labels, fontSize);
  // Big on a projector only: on a laptop the chart stays within a screen's height.
  const projector = typeof window !== 'undefined' && window.innerWidth >= PROJECTOR;
  const maxRadius = width >= WIDE && projector ? MAX_RADIUS_WIDE : MAX_RADIUS;
  const radius = Math.max(40, Math.min(maxRadius, Math.floor((width - 2 * room.side) / 2)));
  const chartHeight = width > 0 ? 2 * radius + 2 * room.top : 380;
  return (
    <div className="radar-block" aria-hidden="true">
      <div className="radar" style={{ height: chartHeight }} ref={ref}>
        {drawn && width > 0 && (
          <RadarDrawing
            {...drawn}
            labels={labels}
            width={width}
            chartHeight={chartHeight}
            radius={radius}
            fontSize={fontSize}
            chars={room.chars}
            missingText={missingText}
          />
        )}
      </div>
      {narrow && (
        <ol className="radar-key">
          {data.map((d, i) => (
            <li key={i}>
              {d.axis}
              {d.score === null && <em> — {missingText}</em>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
});

const NO_SERIES: RadarSeries[] = [];

/** Bars for a chart of one or two axes: one row per axis, one bar per series. */
function ScoreBars({
  data,
  series,
  mainName,
  missingText,
}: {
  data: RadarDatum[];
  series: RadarSeries[];
  mainName: string;
  missingText: string;
}) {
  const all = [{ key: 'main', name: mainName, color: '#1d4ed8' }, ...series];
  return (
    <div className="score-bars" aria-hidden="true" data-testid="score-bars">
      {data.map((d, i) => (
        <div key={i} className="score-bars__row">
          <div className="score-bars__label">{d.axis}</div>
          {all.map((s, k) => {
            const value = k === 0 ? d.score : (series[k - 1]?.values[i] ?? null);
            return (
              <div key={s.key} className="score-bars__line">
                {series.length > 0 && <span className="score-bars__series">{s.name}</span>}
                <span className="score-bars__track">
                  {value !== null && (
                    <span
                      className="score-bars__fill"
                      style={{ width: `${value}%`, background: s.color }}
                    />
                  )}
                </span>
                <span className="score-bars__value">
                  {value === null ? <em>{missingText}</em> : Math.round(value)}
                </span>
              </div>
            );
          })}
        </div>
      ))}
      <div className="score-bars__scale">
        <span>0</span>
        <span>50</span>
        <span>100</span>
      </div>
    </div>
  );
}

type RadarDrawingProps = {
  data: RadarDatum[];
  series: RadarSeries[];
  mainName: string;
  labels: string[];
  width: number;
  chartHeight: number;
  radius: number;
  fontSize: number;
  chars: number;
  missingText: string;
};

function RadarDrawing({
  data,
  series,
  mainName,
  labels,
  width,
  chartHeight,
  radius,
  fontSize,
  chars,
  missingText,
}: RadarDrawingProps) {
  const rows = data.map((d, i) => {
    const row: Record<string, string | number | null> = {
      axis: labels[i] ?? d.axis,
      main: d.score,
    };
    for (const s of series) row[s.key] = s.values[i] ?? null;
    return row;
  });
  const missing = data.map((d) => d.score === null);
  return (
    <RadarChart
      // Sized from the box's measured width (no ResponsiveContainer: it measures the box again
      // and draws the chart a second time).
      width={width}
      height={chartHeight}
      // Decorative (aria-hidden): no keyboard focus inside it (recharts 3 adds one by default).
      accessibilityLayer={false}
      data={rows}
      outerRadius={radius}
      margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
    >
      <PolarGrid />
      <PolarAngleAxis
        dataKey="axis"
        tick={
          <AxisTick
            chartHeight={chartHeight}
            fontSize={fontSize}
            chars={chars}
            missing={missing}
            missingText={missingText}
          />
        }
      />
      {/* The scale between the first two axes: the top label never covers « 100 ». */}
      <PolarRadiusAxis
        domain={[0, 100]}
        tickCount={5}
        angle={90 - 180 / data.length}
        fontSize={Math.max(10, fontSize - 2)}
      />
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
