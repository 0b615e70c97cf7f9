import { DEFAULT_LEVELS } from '@/domain/grid/levels';
import type { Grid, Level } from '@/domain/grid/schema';
import { exact } from './exact';

/** The score bands of a grid: its own `levels`, or the default bands. */
export function levelsOf(grid: Grid): readonly Level[] {
  return grid.levels ?? DEFAULT_LEVELS;
}

/**
 * The highest level whose lower bound the score reaches (`min ≤ score`, so a score of exactly 50
 * is in the band that starts at 50). Both sides are settled by `exact` first, so a score whose
 * exact value is a bound is in the band above it, whoever computed it (docs/scoring.md).
 * Null for no score, or a score under every band.
 */
export function levelOf(score: number | null, levels: readonly Level[]): Level | null {
  if (score === null || Number.isNaN(score)) return null;
  const settled = exact(score);
  let found: Level | null = null;
  for (const level of levels) {
    if (exact(level.min) <= settled && (found === null || level.min >= found.min)) found = level;
  }
  return found;
}
