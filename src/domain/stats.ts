/**
 * Descriptive statistics used by scoring and aggregation.
 *
 * Every function sorts its input before reducing it, so the result never depends on the order of
 * the values (floating-point sums are not associative: summing in input order would make an
 * aggregate depend on the order respondents were imported). Empty input gives `null`, never NaN.
 *
 * Every statistic returned is settled with `exact` (docs/scoring.md): the mean of 50 and 50.000…01
 * is 50, so a statistic whose exact value is a band bound or a threshold compares equal to it.
 */
import { exact } from '@/domain/scoring/exact';

/** The statistics shown for a set of scores. `sd` is the population standard deviation. */
export interface Summary {
  n: number;
  mean: number;
  median: number;
  sd: number;
  min: number;
  max: number;
  /** First quartile (quantile 0.25, linear interpolation, type 7). */
  q1: number;
  /** Third quartile (quantile 0.75, linear interpolation, type 7). */
  q3: number;
}

/** Returns a sorted copy of the values (ascending, numeric). */
export function sortedValues(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

function sumSorted(sorted: Float64Array): number {
  let total = 0;
  for (const value of sorted) total += value;
  return total;
}

function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const low = sorted[lo] as number;
  const high = sorted[hi] as number;
  return low + (h - lo) * (high - low);
}

function summarizeSorted(sorted: Float64Array): Summary | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mean = sumSorted(sorted) / n;
  let squares = 0;
  for (const value of sorted) squares += (value - mean) * (value - mean);
  return settled({
    n,
    mean,
    median: quantileSorted(sorted, 0.5),
    sd: Math.sqrt(squares / n),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
  });
}

/** A summary with every figure settled by `exact`. */
function settled(summary: Summary): Summary {
  return {
    n: summary.n,
    mean: exact(summary.mean),
    median: exact(summary.median),
    sd: exact(summary.sd),
    min: exact(summary.min),
    max: exact(summary.max),
    q1: exact(summary.q1),
    q3: exact(summary.q3),
  };
}

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return exact(sumSorted(sortedValues(values)) / values.length);
}

/**
 * Quantile `p` (0–1) by linear interpolation between order statistics (Hyndman–Fan type 7, the
 * default of R and of spreadsheets' QUARTILE.INC), or null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const clamped = Math.min(1, Math.max(0, p));
  return exact(quantileSorted(sortedValues(values), clamped));
}

/** Median (quantile 0.5), or null for no values. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Smallest value, or null for no values. */
export function min(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return exact(sortedValues(values)[0] as number);
}

/** Largest value, or null for no values. */
export function max(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return exact(sortedValues(values)[values.length - 1] as number);
}

/**
 * Statistics of values held in a typed array, sorting that array IN PLACE (no copy: used by the
 * aggregation on large groups, with a scratch buffer). Null for an empty array.
 */
export function summarizeInPlace(values: Float64Array): Summary | null {
  return summarizeSorted(values.sort());
}

/**
 * Statistics of a multiset given as distinct values and their counts (e.g. an item's scores per
 * scale point), identical in meaning to `summarize` of the expanded list, without expanding or
 * sorting it: O(distinct values). Null when the counts sum to 0.
 */
export function summarizeCounts(
  values: readonly number[],
  counts: readonly number[],
): Summary | null {
  const runs = values
    .map((value, index) => ({ value, count: counts[index] ?? 0 }))
    .filter((run) => run.count > 0)
    .sort((a, b) => a.value - b.value);
  let n = 0;
  let total = 0;
  for (const run of runs) {
    n += run.count;
    total += run.count * run.value;
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (n === 0 || first === undefined || last === undefined) return null;
  const mean = total / n;
  let squares = 0;
  for (const run of runs) squares += run.count * (run.value - mean) * (run.value - mean);
  /** The k-th order statistic (0-based) of the expanded sorted list. */
  const at = (k: number): number => {
    let seen = 0;
    for (const run of runs) {
      seen += run.count;
      if (k < seen) return run.value;
    }
    return last.value;
  };
  const quantileAt = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const low = at(lo);
    return low + (h - lo) * (at(Math.min(lo + 1, n - 1)) - low);
  };
  return settled({
    n,
    mean,
    median: quantileAt(0.5),
    sd: Math.sqrt(squares / n),
    min: first.value,
    max: last.value,
    q1: quantileAt(0.25),
    q3: quantileAt(0.75),
  });
}

/** All the statistics of a set of values in one pass over one sorted copy, or null for none. */
export function summarize(values: readonly number[]): Summary | null {
  return summarizeSorted(sortedValues(values));
}
