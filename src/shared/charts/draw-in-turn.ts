import { useEffect, useRef, useState } from 'react';
import { yieldToEventLoop } from '@/utils/slices';

/**
 * Charts drawn in turn. A chart's first drawing costs tens of milliseconds (recharts renders,
 * measures and renders again in the same commit), so a page of four radars updated at once held
 * the main thread for 250–370 ms after a large workshop import. Each chart now draws its new
 * data when its turn comes, one chart per task, with a pause between them for input and paint.
 */
const queue: (() => void)[] = [];
let busy = false;

function runNext(): void {
  const job = queue.shift();
  busy = job !== undefined;
  job?.();
}

function enqueue(job: () => void): void {
  queue.push(job);
  if (!busy) runNext();
}

/** Gives the turn to the next chart, after a pause. */
function release(): void {
  void yieldToEventLoop().then(runNext);
}

/**
 * `value` once this chart's turn has come: null before its first turn, then the value of its
 * latest turn (the previous one stays drawn until the new one's turn). A chart takes its place
 * in the queue only once it is `ready` (its code loaded, its box in view).
 */
export function useDrawnInTurn<T>(value: T, ready = true): T | null {
  // A new box each turn, so that a turn always renders and commits, even for an equal value.
  const [drawn, setDrawn] = useState<{ value: T } | null>(null);
  const holding = useRef(false);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    enqueue(() => {
      if (!live) return runNext();
      holding.current = true;
      setDrawn({ value });
    });
    return () => {
      live = false;
    };
  }, [value, ready]);

  // The turn ends once the drawing is committed (or the chart is gone).
  useEffect(() => {
    if (!holding.current) return;
    holding.current = false;
    release();
  }, [drawn]);
  useEffect(
    () => () => {
      if (!holding.current) return;
      holding.current = false;
      release();
    },
    [],
  );

  return drawn === null ? null : drawn.value;
}
