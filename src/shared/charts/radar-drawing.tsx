import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { wrapLabel, type RadarDatum, type RadarLayout, type RadarSeries } from './radar-layout';

/**
 * The radar itself, drawn with recharts: the code of its own chunk, loaded when a chart first
 * comes into view (radar-chart.tsx lays out its box meanwhile, at the size this drawing takes).
 */

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

export type RadarDrawingProps = {
  data: RadarDatum[];
  series: RadarSeries[];
  mainName: string;
  layout: RadarLayout;
  width: number;
  missingText: string;
};

export function RadarDrawing({
  data,
  series,
  mainName,
  layout,
  width,
  missingText,
}: RadarDrawingProps) {
  const { labels, height: chartHeight, radius, fontSize, chars } = layout;
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
