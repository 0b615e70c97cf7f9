import {
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
} from 'recharts';

export type RadarDatum = { axis: string; score: number | null };
export type RadarSeries = { key: string; name: string; color: string; values: (number | null)[] };

type ScoreRadarProps = {
  data: RadarDatum[];
  /** More series to overlay (roles, T0/T1); the main series is `data`. */
  series?: RadarSeries[];
  mainName: string;
  height?: number;
};

function wrap(text: string, max = 18): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if ((line + ' ' + word).trim().length > max && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines.slice(0, 3);
}

type TickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  textAnchor?: string;
};

function AxisTick({ x = 0, y = 0, payload, textAnchor }: TickProps) {
  const lines = wrap(payload?.value ?? '');
  return (
    <text
      x={Number(x)}
      y={Number(y)}
      textAnchor={textAnchor as 'start' | 'middle' | 'end'}
      fontSize={12}
      fill="#1b1f24"
    >
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? 0 : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A radar of 0–100 scores. A missing score is drawn as a gap (no point, no line through it),
 * never as 0; the twin table beside the chart carries the reason. Decorative for assistive
 * technologies: the table is the accessible form.
 */
export function ScoreRadar({ data, series = [], mainName, height = 380 }: ScoreRadarProps) {
  const rows = data.map((d, i) => {
    const row: Record<string, string | number | null> = { axis: d.axis, main: d.score };
    for (const s of series) row[s.key] = s.values[i] ?? null;
    return row;
  });
  return (
    <div className="radar" aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <RadarChart
          // Decorative (aria-hidden): no keyboard focus inside it (recharts 3 adds one by default).
          accessibilityLayer={false}
          data={rows}
          outerRadius="68%"
          margin={{ top: 10, right: 30, bottom: 10, left: 30 }}
        >
          <PolarGrid />
          <PolarAngleAxis dataKey="axis" tick={<AxisTick />} />
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
      </ResponsiveContainer>
    </div>
  );
}
