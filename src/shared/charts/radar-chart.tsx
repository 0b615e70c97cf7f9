import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyComponent, useLazyComponent } from '@/app/lazy-component';
import { useDrawnInTurn } from './draw-in-turn';
import { useInViewOnce, usePrinting } from './in-view';
import { radarLayout, type RadarDatum, type RadarSeries } from './radar-layout';

export type { RadarDatum, RadarSeries };

export type ScoreRadarProps = {
  data: RadarDatum[];
  /** More series to overlay (roles, T0/T1); the main series is `data`. */
  series?: RadarSeries[];
  mainName: string;
};

/** The drawing's code (recharts, some 100 KB): a chunk of its own, loaded once. */
const radarDrawing = lazyComponent(() => import('./radar-drawing').then((m) => m.RadarDrawing));

/**
 * Starts loading the drawing's code ahead of the first chart: the workshop and compare pages
 * call it as they open, because their charts are what the user came for.
 */
export function loadRadarCode(): void {
  radarDrawing.load().catch(() => {});
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
 * never as 0, and its axis label says « réponses insuffisantes »; the twin table beside the
 * chart carries the reason. Fewer than three axes make no radar (a line, a point): bars instead.
 * On a phone the axes are numbered and named in a key under the chart, so the radar keeps its
 * size. Decorative for assistive technologies: the table is the accessible form.
 *
 * Its box is laid out at once, at the drawing's size (radar-layout.ts), and the drawing comes
 * when a fifth of the box is in view, at this chart's turn (draw-in-turn.ts): a chart costs tens
 * of milliseconds of a phone's main thread to draw, and a results page has five, most of them
 * below the first screen. Its code is fetched with the first chart that comes into view. Before
 * printing, every chart is drawn at once (when the code is there; else the tables stand alone).
 * Memoised: a page that renders again with the same data (the results page as its parts come)
 * does not draw it again.
 */
export const ScoreRadar = memo(function ScoreRadar({
  data,
  series = NO_SERIES,
  mainName,
}: ScoreRadarProps) {
  const { t } = useTranslation();
  const [ref, width] = useWidth<HTMLDivElement>();
  const inView = useInViewOnce(ref);
  const printing = usePrinting();
  // Bars need no drawing code.
  const radar = data.length >= 3;
  const Drawing = useLazyComponent(radarDrawing, NO_NAMESPACES, radar && (inView || printing));
  const value = useMemo(() => ({ data, series, mainName }), [data, series, mainName]);
  const drawn = useDrawnInTurn(value, Drawing !== null && inView);
  const shown = printing && Drawing ? value : drawn;
  const missingText = t('chart.insufficient');
  if (!radar)
    return <ScoreBars data={data} series={series} mainName={mainName} missingText={missingText} />;
  const layout = radarLayout(
    data.map((d) => d.axis),
    width,
    typeof window === 'undefined' ? 0 : window.innerWidth,
  );
  const drawing = Drawing && shown && width > 0;
  return (
    <div className="radar-block" aria-hidden="true">
      <div
        className={drawing ? 'radar' : 'radar radar--pending'}
        style={{ height: layout.height }}
        ref={ref}
      >
        {drawing && (
          // Not a component made in the render: the drawing module's own export, the same on
          // every render once loaded.
          // eslint-disable-next-line react-hooks/static-components
          <Drawing {...shown} layout={layout} width={width} missingText={missingText} />
        )}
      </div>
      {layout.narrow && (
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

const NO_NAMESPACES: readonly [] = [];
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
