/**
 * How each series of the room's radar is drawn: a colour (the workshop page's, so a role keeps
 * its colour), and, so that nothing rests on colour alone (black-and-white projectors, printed
 * slides, colour-blind people), a line style and a point shape of its own. Every colour has a
 * contrast of at least 3:1 on white (WCAG 1.4.11; tests/unit/features/room/series-styles.test.ts).
 */
import type { Role } from '@/domain/answers/answers';
import { ALL_COLOR, ROLE_COLORS } from '@/features/workshop/results/grid-aggregate-view';

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';

export type SeriesStyle = {
  color: string;
  /** SVG `stroke-dasharray` in units of the line's width ('' = solid). */
  dash: string;
  marker: Marker;
  /** Line width, in the chart's units. */
  width: number;
};

export const SERIES_STYLES: Record<'all' | Role, SeriesStyle> = {
  all: { color: ALL_COLOR, dash: '', marker: 'circle', width: 5 },
  management: { color: ROLE_COLORS.management, dash: '5 2.5', marker: 'square', width: 3.5 },
  manager: { color: ROLE_COLORS.manager, dash: '1 2', marker: 'triangle', width: 3.5 },
  employee: { color: ROLE_COLORS.employee, dash: '6 2 1.2 2', marker: 'diamond', width: 3.5 },
  representative: { color: ROLE_COLORS.representative, dash: '10 3', marker: 'cross', width: 3.5 },
  other: { color: ROLE_COLORS.other, dash: '2.5 1.5 2.5 5', marker: 'star', width: 3.5 },
};

/** The dash array scaled to the line's width (SVG dash lengths are absolute). */
export function dashArray(style: SeriesStyle): string | undefined {
  if (!style.dash) return undefined;
  return style.dash
    .split(' ')
    .map((n) => String(Number(n) * style.width))
    .join(' ');
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The SVG path of a point marker of `size` (its half-width) centred on (x, y). */
export function markerPath(marker: Marker, x: number, y: number, size: number): string {
  const s = size;
  switch (marker) {
    case 'circle':
      return `M${x - s},${y}a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
    case 'square':
      return `M${x - s * 0.85},${y - s * 0.85}h${1.7 * s}v${1.7 * s}h${-1.7 * s}Z`;
    case 'triangle':
      return `M${x},${y - s * 1.1}L${x + s},${y + s * 0.8}L${x - s},${y + s * 0.8}Z`;
    case 'diamond':
      return `M${x},${y - s * 1.15}L${x + s},${y}L${x},${y + s * 1.15}L${x - s},${y}Z`;
    case 'cross': {
      const w = s * 0.38;
      return (
        `M${x - s},${y - s + w}L${x - s + w},${y - s}L${x},${y - w}L${x + s - w},${y - s}` +
        `L${x + s},${y - s + w}L${x + w},${y}L${x + s},${y + s - w}L${x + s - w},${y + s}` +
        `L${x},${y + w}L${x - s + w},${y + s}L${x - s},${y + s - w}L${x - w},${y}Z`
      );
    }
    case 'star': {
      const points: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const r = i % 2 === 0 ? s * 1.2 : s * 0.5;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        points.push(`${(x + r * Math.cos(a)).toFixed(2)},${(y + r * Math.sin(a)).toFixed(2)}`);
      }
      return `M${points.join('L')}Z`;
    }
  }
}
