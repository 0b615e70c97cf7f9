/**
 * `mapInSlices` apart from `slices.ts`: only the workshop import uses it, and `slices.ts` is in
 * the answer page's first chunk, where every byte counts.
 */
import { yieldToEventLoop } from './slices';

/**
 * `Promise.all(items.map(map))`, `size` items at a time, pausing (`pause`) between slices: the
 * results in the items' order. A rejection rejects the whole, as `Promise.all` does.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  size: number,
  map: (item: T, index: number) => Promise<R> | R,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<R[]> {
  const step = Math.max(1, Math.floor(size));
  const results: R[] = [];
  for (let start = 0; start < items.length; start += step) {
    if (start > 0) await pause();
    const slice = items.slice(start, start + step);
    results.push(...(await Promise.all(slice.map((item, i) => map(item, start + i)))));
  }
  return results;
}
