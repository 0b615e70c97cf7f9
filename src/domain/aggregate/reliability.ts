/**
 * Internal consistency of each dimension: Cronbach's α over the respondents who answered every
 * item of the dimension on its scale (complete cases), with « α if the item were left out » to
 * name the items that lower it. Rules and cautions: docs/scoring.md, « Internal consistency ».
 *
 *   α = k / (k − 1) × (1 − Σ var(item) / var(sum of items))
 *
 * computed on item scores 0–100 (reversed items are already turned the right way), variances with
 * n − 1. α is reported only from `MIN_RESPONDENTS_FOR_ALPHA` complete cases: below, it is too
 * unstable to tell a consultant anything. The grids are not validated instruments: α says whether
 * a dimension's items hold together in this company, not whether the grid is « valid ».
 */
import {
  type CompiledDimension,
  type CompiledGrid,
  compileGrid,
  type ScoreMatrix,
  STATUS_ANSWERED,
} from '@/domain/scoring/score-matrix';
import { runToEnd } from '@/domain/run-to-end';
import type { Grid } from '@/domain/grid/schema';

/** Complete cases needed before α is computed for a dimension. */
export const MIN_RESPONDENTS_FOR_ALPHA = 30;

/** An item is named as lowering α when α without it is higher by at least this much. */
export const ALPHA_GAIN_TO_NAME = 0.02;

export interface ItemAlpha {
  itemId: string;
  /** α of the dimension without this item; null when it cannot be computed (2 items left → 1). */
  alphaIfDeleted: number | null;
}

export interface DimensionReliability {
  dimensionId: string;
  /** Items in the dimension. */
  items: number;
  /** Respondents who answered every item of the dimension on its scale. */
  completeCases: number;
  /**
   * Cronbach's α; null with fewer than 2 items, fewer complete cases than the minimum, or no
   * variance in the total (everybody gave the same answers).
   */
  alpha: number | null;
  /** Items whose removal would raise α by `ALPHA_GAIN_TO_NAME` or more, largest gain first. */
  lowering: ItemAlpha[];
}

function sampleVariance(values: Float64Array): number {
  const n = values.length;
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  return squares / (n - 1);
}

/**
 * What every α of a dimension needs, in one pass per item: each item's variance and each
 * respondent's total. « α if an item were left out » then takes one pass over the totals less
 * that item, instead of summing the other items again (k² passes for a dimension of k items:
 * 1 s of the page's time on a campaign of 100,000).
 */
function alphaInputs(scores: Float64Array, rows: number, k: number) {
  const variances = new Float64Array(k);
  const totals = new Float64Array(rows);
  const column = new Float64Array(rows);
  for (let c = 0; c < k; c += 1) {
    for (let r = 0; r < rows; r += 1) {
      const value = scores[r * k + c] as number;
      column[r] = value;
      totals[r] = (totals[r] as number) + value;
    }
    variances[c] = sampleVariance(column);
  }
  return { variances, totals };
}

/**
 * α of the items of `scores` (rows × k, row-major), all of them or all but `left` (its « α if
 * deleted »); null when undefined.
 */
function alphaOf(
  scores: Float64Array,
  rows: number,
  k: number,
  { variances, totals }: ReturnType<typeof alphaInputs>,
  left?: number,
): number | null {
  const n = left === undefined ? k : k - 1;
  if (n < 2 || rows < 2) return null;
  let itemVariances = 0;
  for (let c = 0; c < k; c += 1) if (c !== left) itemVariances += variances[c] as number;
  let totalVariance: number;
  if (left === undefined) totalVariance = sampleVariance(totals);
  else {
    const less = new Float64Array(rows);
    for (let r = 0; r < rows; r += 1)
      less[r] = (totals[r] as number) - (scores[r * k + left] as number);
    totalVariance = sampleVariance(less);
  }
  if (!(totalVariance > 0)) return null;
  return (n / (n - 1)) * (1 - itemVariances / totalVariance);
}

/** Reliability of every dimension of the grid, from respondents scored with `scoreMatrix`. */
export function dimensionReliability(
  grid: Grid,
  matrix: ScoreMatrix,
  minRespondents = MIN_RESPONDENTS_FOR_ALPHA,
): DimensionReliability[] {
  return runToEnd(dimensionReliabilitySteps(grid, matrix, minRespondents));
}

/**
 * `dimensionReliability` in steps (for the aggregation in steps): a pause after each α computed,
 * each a pass over the dimension's complete cases (100,000 respondents: a dimension's α and its
 * « α if deleted » in one step took 0.25–0.35 s).
 */
export function* dimensionReliabilitySteps(
  grid: Grid,
  matrix: ScoreMatrix,
  minRespondents = MIN_RESPONDENTS_FOR_ALPHA,
): Generator<void, DimensionReliability[], void> {
  const compiled = compileGrid(grid);
  const results: DimensionReliability[] = [];
  for (const dimension of compiled.dimensions) {
    results.push(yield* dimensionReliabilityOf(compiled, dimension, matrix, minRespondents));
    yield;
  }
  return results;
}

function* dimensionReliabilityOf(
  compiled: CompiledGrid,
  dimension: CompiledDimension,
  matrix: ScoreMatrix,
  minRespondents: number,
): Generator<void, DimensionReliability, void> {
  const k = dimension.itemCount;
  const complete: number[] = [];
  for (let row = 0; row < matrix.rows; row += 1) {
    let all = k > 0;
    for (let i = 0; i < k && all; i += 1)
      all = matrix.itemStatus[row * matrix.itemCount + dimension.firstItem + i] === STATUS_ANSWERED;
    if (all) complete.push(row);
  }
  const result: DimensionReliability = {
    dimensionId: dimension.id,
    items: k,
    completeCases: complete.length,
    alpha: null,
    lowering: [],
  };
  if (k < 2 || complete.length < Math.max(2, minRespondents)) return result;
  const scores = new Float64Array(complete.length * k);
  complete.forEach((row, r) => {
    for (let i = 0; i < k; i += 1)
      scores[r * k + i] = matrix.itemScore[row * matrix.itemCount + dimension.firstItem + i]!;
  });
  yield;
  const inputs = alphaInputs(scores, complete.length, k);
  yield;
  result.alpha = alphaOf(scores, complete.length, k, inputs);
  if (result.alpha === null) return result;
  const alpha = result.alpha;
  const ifDeleted: { itemId: string; alphaIfDeleted: number | null }[] = [];
  for (let i = 0; i < k; i += 1) {
    yield;
    ifDeleted.push({
      itemId: compiled.items[dimension.firstItem + i]!.id,
      alphaIfDeleted: alphaOf(scores, complete.length, k, inputs, i),
    });
  }
  result.lowering = ifDeleted
    .filter(
      (item) => item.alphaIfDeleted !== null && item.alphaIfDeleted - alpha >= ALPHA_GAIN_TO_NAME,
    )
    .sort((a, b) => b.alphaIfDeleted! - a.alphaIfDeleted!);
  return result;
}
