/**
 * The one rule that makes scores exact at the band edges (docs/scoring.md, « Exact scores »).
 *
 * Scores are rational numbers (answers, weights and counts are finite decimals), but binary
 * floating point cannot hold most of them: two answers 2 and 3 on a 1–4 scale add thirds and give
 * 49.99999999999999, not 50, and a comparison with the band bound 50 then says « Fragile ». Every
 * figure the domain hands out (item, dimension, grid and overall scores, every statistic of an
 * aggregate, gaps, deltas, shares) is therefore settled on a grid of 10⁻⁹ before anything compares
 * or shows it: the computation error (about 10⁻¹³) disappears, and a figure whose exact value is a
 * bound or a threshold written with up to 9 decimals becomes that very number. Two different
 * rational scores of a grid are at least 1/denominator apart — far more than 10⁻⁹ for any real
 * grid and group — so settling never merges them.
 */

/** Decimals kept by `exact`. */
export const EXACT_DIGITS = 9;

const SCALE = 10 ** EXACT_DIGITS;

/**
 * The figure settled to 9 decimals: the double nearest to a multiple of 10⁻⁹, so that it equals
 * the literal of the same decimal (`exact(100 / 3 + 100 / 6) === 50`). NaN and infinities pass
 * through; −0 becomes 0.
 */
export function exact(value: number): number {
  if (!Number.isFinite(value)) return value;
  const settled = Math.round(value * SCALE) / SCALE;
  return settled === 0 ? 0 : settled;
}
