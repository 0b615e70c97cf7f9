/**
 * How figures are shown (docs/scoring.md, « Display »): one rule for the results, compare and
 * workshop pages and the PDF, so that every number, level and reason beside it agree.
 *
 * - A figure is shown rounded half away from zero to whole points (a share: whole per cent).
 * - It is shown with more decimals, only as many as needed, when rounding would put it on the
 *   other side of a bound it is compared with: a band bound of its level or the threshold of a
 *   condition on it. Scores are compared as « at least » (a band starts at its bound, « sous 50 »
 *   is « not at least 50 »): 49.7 is « 49,7 » next to « Fragile » and « sous 50 », never « 50 »,
 *   while 50.2 may be « 50 ». Spreads, gaps and « don't know » shares are compared as « above »:
 *   20.3 is « 20,3 » next to « au-dessus de 20 ».
 * - Thresholds are shown as written in the grid.
 * - A difference (a delta T1 − T0, a gap between two roles) is the difference of the two shown
 *   figures, with the decimals of the more precise one: 59 → 53 is −6 whatever the decimals
 *   behind them.
 */
import type { Condition, Grid } from '@/domain/grid/schema';
import { DEFAULT_LEVELS } from '@/domain/grid/levels';
import { EXACT_DIGITS, exact } from './exact';
import { levelsOf } from './level';

/** A figure as shown: its rounded value and how many decimals to write. */
export type Shown = { value: number; digits: number };

/** The figure rounded half away from zero to `digits` decimals (0–9), on its settled value. */
export function roundTo(value: number, digits: number): number {
  const settled = exact(value);
  if (!Number.isFinite(settled)) return settled;
  const places = Math.min(EXACT_DIGITS, Math.max(0, Math.trunc(digits)));
  // Integers all the way: the settled value is a whole number of 10⁻⁹, so a half stays a half.
  const units = Math.round(Math.abs(settled) * 10 ** EXACT_DIGITS);
  const rounded = Math.round(units / 10 ** (EXACT_DIGITS - places)) / 10 ** places;
  const signed = settled < 0 ? -rounded : rounded;
  return signed === 0 ? 0 : signed;
}

/**
 * How a figure is compared with its bounds: `atLeast` (score ≥ bound: band bounds, `below` and
 * `atLeast` conditions, an item's `atLeast`), or `above` (figure > bound: spreads, gaps, « don't
 * know » shares, an item's `atMost`, which is « not above »).
 */
export type Split = 'atLeast' | 'above';

/** True when `shown` is on the same side of every bound as `value`. */
function agrees(shown: number, value: number, bounds: readonly number[], split: Split): boolean {
  return bounds.every((bound) => {
    const b = exact(bound);
    return split === 'above' ? shown > b === value > b : shown >= b === value >= b;
  });
}

/**
 * A figure as shown: whole (or `minDigits` decimals), with as few more decimals as needed so that
 * the shown value is on the same side of every bound as the exact one.
 */
export function shownNumber(
  value: number,
  bounds: readonly number[] = [],
  minDigits = 0,
  split: Split = 'atLeast',
): Shown {
  const settled = exact(value);
  for (let digits = minDigits; digits <= EXACT_DIGITS; digits += 1) {
    const shown = roundTo(settled, digits);
    if (agrees(shown, settled, bounds, split)) return { value: shown, digits };
  }
  return { value: settled, digits: EXACT_DIGITS };
}

/** A number as written (a threshold): just the decimals it has, up to 9. */
export function shownExactly(value: number): Shown {
  const settled = exact(value);
  for (let digits = 0; digits < EXACT_DIGITS; digits += 1) {
    if (roundTo(settled, digits) === settled) return { value: settled, digits };
  }
  return { value: settled, digits: EXACT_DIGITS };
}

/** A share in [0, 1] as shown in per cent, compared as « above » (30,4 % against 30 %). */
export function shownPercent(share: number, bounds: readonly number[] = []): Shown {
  return shownNumber(
    share * 100,
    bounds.map((bound) => bound * 100),
    0,
    'above',
  );
}

/** The difference `a − b` of two shown figures, with the decimals of the more precise one. */
export function shownDifference(a: Shown, b: Shown): Shown {
  const digits = Math.max(a.digits, b.digits);
  return { value: roundTo(a.value - b.value, digits), digits };
}

/**
 * Two figures and their difference shown together (a gap between two roles): the shown gap is the
 * difference of the shown figures and, like each of them, on the right side of its own bounds.
 */
export function shownPair(
  a: { value: number; bounds?: readonly number[] },
  b: { value: number; bounds?: readonly number[] },
  differenceBounds: readonly number[] = [],
): { a: Shown; b: Shown; difference: Shown } {
  const exactDifference = exact(exact(a.value) - exact(b.value));
  const first = shownNumber(a.value, a.bounds);
  const second = shownNumber(b.value, b.bounds);
  // A gap is compared as « above » its thresholds; the two figures keep their own bounds.
  for (let digits = Math.max(first.digits, second.digits); digits <= EXACT_DIGITS; digits += 1) {
    const sa = { value: roundTo(a.value, digits), digits };
    const sb = { value: roundTo(b.value, digits), digits };
    const difference = shownDifference(sa, sb);
    if (
      agrees(sa.value, exact(a.value), a.bounds ?? [], 'atLeast') &&
      agrees(sb.value, exact(b.value), b.bounds ?? [], 'atLeast') &&
      agrees(difference.value, exactDifference, differenceBounds, 'above')
    ) {
      return { a: sa, b: sb, difference };
    }
  }
  const digits = EXACT_DIGITS;
  const sa = { value: exact(a.value), digits };
  const sb = { value: exact(b.value), digits };
  return { a: sa, b: sb, difference: shownDifference(sa, sb) };
}

/** What the figures of one dimension are compared with: the bounds their display respects. */
export type DimensionBounds = {
  /** Band bounds of the grid's levels and thresholds of `dimension` conditions on it. */
  score: number[];
  /** Thresholds of `spread` conditions on it (score points). */
  spread: number[];
  /** Thresholds of `dontKnowRate` conditions on it (shares in [0, 1]). */
  dkRate: number[];
  /** Thresholds of `roleGap` conditions on it (score points). */
  roleGap: number[];
};

function sortedUnique(values: number[]): number[] {
  return [...new Set(values.map(exact))].sort((a, b) => a - b);
}

/** The bounds of the grid score (its band bounds). */
export function gridScoreBounds(grid: Grid): number[] {
  return sortedUnique(levelsOf(grid).map((level) => level.min));
}

/** The bounds of the overall score (the default bands). */
export const OVERALL_BOUNDS: readonly number[] = sortedUnique(DEFAULT_LEVELS.map((l) => l.min));

/** The bounds of every dimension of a grid, from its levels and its recommendations' conditions. */
export function dimensionBounds(grid: Grid): Map<string, DimensionBounds> {
  const levels = gridScoreBounds(grid);
  const found = new Map<string, DimensionBounds>(
    grid.dimensions.map((d) => [d.id, { score: [...levels], spread: [], dkRate: [], roleGap: [] }]),
  );
  const visit = (condition: Condition): void => {
    switch (condition.type) {
      case 'dimension':
        found.get(condition.dimension)?.score.push(condition.value);
        return;
      case 'spread':
      case 'dontKnowRate':
      case 'roleGap': {
        const bounds = found.get(condition.dimension);
        const key = condition.type === 'dontKnowRate' ? 'dkRate' : condition.type;
        bounds?.[key].push(condition.above);
        return;
      }
      case 'item':
        return;
      case 'all':
      case 'any':
        condition.conditions.forEach(visit);
        return;
      case 'not':
        visit(condition.condition);
        return;
    }
  };
  for (const recommendation of grid.recommendations) visit(recommendation.condition);
  for (const bounds of found.values()) {
    bounds.score = sortedUnique(bounds.score);
    bounds.spread = sortedUnique(bounds.spread);
    bounds.dkRate = sortedUnique(bounds.dkRate);
    bounds.roleGap = sortedUnique(bounds.roleGap);
  }
  return found;
}

/** Bounds of a dimension absent from the map (no condition on it): the grid's band bounds only. */
export function boundsOf(
  bounds: ReadonlyMap<string, DimensionBounds>,
  grid: Grid,
  dimensionId: string,
): DimensionBounds {
  return (
    bounds.get(dimensionId) ?? { score: gridScoreBounds(grid), spread: [], dkRate: [], roleGap: [] }
  );
}

/**
 * T0, T1 and the delta as shown on the compare page and in the PDF's evolution: each side on its
 * own bounds, the delta the difference of the two shown figures (null parts have no score).
 */
export function shownComparison(
  t0: number | null,
  t1: number | null,
  bounds0: readonly number[] = [],
  bounds1: readonly number[] = [],
): { t0: Shown | null; t1: Shown | null; delta: Shown | null } {
  const s0 = t0 === null ? null : shownNumber(t0, bounds0);
  const s1 = t1 === null ? null : shownNumber(t1, bounds1);
  return { t0: s0, t1: s1, delta: s0 === null || s1 === null ? null : shownDifference(s1, s0) };
}
