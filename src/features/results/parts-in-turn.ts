import { startTransition, useEffect, useState } from 'react';
import { yieldToEventLoop } from '@/utils/slices';

/**
 * How many of a long page's `count` parts to show: the first at once, then one more per task,
 * each in its own render and commit, after the page has had a turn to paint. The results page
 * of a complete diagnostic is some 3,000 elements: committed at once, with their layout, it was
 * one task of about 90 ms on a laptop (some 350 ms at a phone's speed, the page frozen); in
 * parts, its top paints first and no task is much longer than one part.
 *
 * The parts come in order, each after the one before, so nothing already shown moves.
 */
export function usePartsInTurn(count: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= count) return;
    let live = true;
    // After the next frame (the part just committed is painted), in a task of its own.
    const frame = requestAnimationFrame(() => {
      void yieldToEventLoop().then(() => {
        if (live) startTransition(() => setShown((n) => Math.min(count, n + 1)));
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [shown, count]);
  return Math.min(shown, count);
}
