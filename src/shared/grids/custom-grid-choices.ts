import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { compareSemver } from '@/domain/grid/semver';
import { loadBundledGrids } from '@/grid-library/bundled-grids';
import { listCustomGrids } from '@/storage/grids-store';

/**
 * The custom grids a new diagnostic can use: the newest version of each custom grid id, never
 * one taking a bundled grid's id (a diagnostic holds one version of a grid per id). Never throws.
 */
export async function newestCustomGrids(): Promise<LoadedGrid[]> {
  const [bundled, custom] = await Promise.all([
    loadBundledGrids().catch(() => [] as LoadedGrid[]),
    listCustomGrids(),
  ]);
  const taken = new Set(bundled.map((g) => g.grid.id));
  const newest = new Map<string, LoadedGrid>();
  for (const { grid, hash, source } of custom.grids) {
    if (taken.has(grid.id)) continue;
    const best = newest.get(grid.id);
    if (!best || compareSemver(grid.version, best.grid.version) > 0) {
      newest.set(grid.id, { grid, hash, source });
    }
  }
  return [...newest.values()];
}
