import { lazyComponent, useLazyComponent } from '@/app/lazy-component';
import type { ScoreRadarProps } from './radar-chart';

/** The radar's code with recharts: a chunk of its own, loaded once for every page with charts. */
const radarChart = lazyComponent(() => import('./radar-chart').then((m) => m.ScoreRadar));

/**
 * Starts loading the radar's code: the pages with charts call it as they open, so that it
 * downloads while their diagnostic is read and checked, and the radars draw with the page.
 */
export function loadRadarCode(): void {
  radarChart.load().catch(() => {});
}

/**
 * The radar (radar-chart.tsx), drawn in the same render as the page when its code is there;
 * else its box, until the code has come.
 */
export function ScoreRadar(props: ScoreRadarProps) {
  const Radar = useLazyComponent(radarChart);
  // Not a component made in the render: the module's own export, the same on every render.
  // eslint-disable-next-line react-hooks/static-components
  return Radar ? <Radar {...props} /> : <div className="radar radar--loading" />;
}
