import { DEFAULT_LEVELS } from '@/domain/grid/levels';
import type { Grid, Level } from '@/domain/grid/schema';

/** The score bands of a grid: its own `levels`, or the default bands. */
export function levelsOf(grid: Grid): readonly Level[] {
  return grid.levels ?? DEFAULT_LEVELS;
}

/**
 * The highest level whose lower bound the score reaches (`min ≤ score`, so a score of exactly 50
 * is in the band that starts at 50). Null for no score, or a score under every band.
 */
export function levelOf(score: number | null, levels: readonly Level[]): Level | null {
  if (score === null || Number.isNaN(score)) return null;
  let found: Level | null = null;
  for (const level of levels) {
    if (level.min <= score && (found === null || level.min >= found.min)) found = level;
  }
  return found;
}
