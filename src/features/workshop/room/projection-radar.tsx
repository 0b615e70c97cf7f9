import type { Role } from '@/domain/answers/answers';
import { axisAngles, polygonSegments, radarPoints, ringPolygon } from '@/report/radar-geometry';
import { dashArray, markerPath, SERIES_STYLES } from './series-styles';

export type RoomSeries = { key: 'all' | Role; name: string; values: (number | null)[] };

/** The label cut into lines of at most `max` characters, between words. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The drawing's box: wider than tall, for the labels beside the radar. */
const WIDTH = 1400;
const HEIGHT = 1000;
const CENTER = { x: WIDTH / 2, y: HEIGHT / 2 };
const RADIUS = 310;
const FONT = 32;
const LINE = 38;
/** Characters per label line (18 × 32 × 0.6 + the radius fits in half the width). */
const LABEL_CHARS = 18;

/**
 * The room's radar, drawn as plain SVG scaled to its box (labels grow with the screen): everyone
 * solid, each visible role with its own dash and point shape. A null score is a gap, never 0.
 * Decorative for assistive technologies: the legend names the series, the table twin holds the
 * figures.
 */
export function ProjectionRadar({
  axes,
  series,
  missingText,
}: {
  axes: string[];
  series: RoomSeries[];
  missingText: string;
}) {
  const n = axes.length;
  const angles = axisAngles(n);
  return (
    <svg
      className="room-radar"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
      data-testid="room-radar"
    >
      {[25, 50, 75, 100].map((ring) => (
        <polygon
          key={ring}
          points={ringPolygon(CENTER, RADIUS, n, ring)
            .map((p) => `${p.x},${p.y}`)
            .join(' ')}
          fill="none"
          stroke={ring === 100 ? '#6b7280' : '#9ca3af'}
          strokeWidth={ring === 100 ? 2 : 1.2}
        />
      ))}
      {angles.map((angle, i) => (
        <line
          key={i}
          x1={CENTER.x}
          y1={CENTER.y}
          x2={CENTER.x + RADIUS * Math.cos(angle)}
          y2={CENTER.y + RADIUS * Math.sin(angle)}
          stroke="#9ca3af"
          strokeWidth={1.2}
        />
      ))}
      {[50, 100].map((ring) => (
        <text
          key={ring}
          x={CENTER.x + 8}
          y={CENTER.y - (RADIUS * ring) / 100 + 30}
          fontSize={28}
          fill="#374151"
        >
          {ring}
        </text>
      ))}
      {series.map((s) => {
        const style = SERIES_STYLES[s.key];
        const points = radarPoints(CENTER, RADIUS, s.values);
        return (
          <g key={s.key} data-series={s.key}>
            {s.key === 'all' && !points.includes(null) && (
              <polygon
                points={points.map((p) => `${p?.x},${p?.y}`).join(' ')}
                fill={style.color}
                fillOpacity={0.1}
                stroke="none"
              />
            )}
            {polygonSegments(points).map((seg, i) => (
              <line
                key={i}
                x1={seg.from.x}
                y1={seg.from.y}
                x2={seg.to.x}
                y2={seg.to.y}
                stroke={style.color}
                strokeWidth={style.width}
                strokeDasharray={dashArray(style)}
                strokeLinecap="butt"
              />
            ))}
            {points.map((p, i) =>
              p ? (
                <path
                  key={i}
                  d={markerPath(style.marker, p.x, p.y, s.key === 'all' ? 11 : 10)}
                  fill={style.color}
                  stroke="#ffffff"
                  strokeWidth={2}
                />
              ) : null,
            )}
          </g>
        );
      })}
      {axes.map((label, i) => {
        const angle = angles[i] ?? 0;
        const x = CENTER.x + (RADIUS + 24) * Math.cos(angle);
        const y = CENTER.y + (RADIUS + 24) * Math.sin(angle);
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
        const lines = wrapWords(label, LABEL_CHARS);
        const missing = series[0]?.values[i] === null;
        const count = lines.length + (missing ? 1 : 0);
        const top =
          sin < -0.3 ? y - (count - 1) * LINE : sin > 0.3 ? y + FONT : y - ((count - 2) * LINE) / 2;
        return (
          <text key={i} x={x} y={top} fontSize={FONT} fill="#111827" textAnchor={anchor}>
            {lines.map((line, k) => (
              <tspan key={k} x={x} dy={k === 0 ? 0 : LINE}>
                {line}
              </tspan>
            ))}
            {missing && (
              <tspan x={x} dy={LINE} fontStyle="italic" fill="#6b3a00">
                {missingText}
              </tspan>
            )}
          </text>
        );
      })}
    </svg>
  );
}

/** A sample of a series' line and point, for the legend. */
export function SeriesSample({ seriesKey }: { seriesKey: 'all' | Role }) {
  const style = SERIES_STYLES[seriesKey];
  return (
    <svg className="room-sample" viewBox="0 0 80 24" aria-hidden="true" focusable="false">
      <line
        x1={2}
        y1={12}
        x2={78}
        y2={12}
        stroke={style.color}
        strokeWidth={style.width}
        strokeDasharray={dashArray(style)}
      />
      <path
        d={markerPath(style.marker, 40, 12, 8)}
        fill={style.color}
        stroke="#ffffff"
        strokeWidth={1.5}
      />
    </svg>
  );
}
