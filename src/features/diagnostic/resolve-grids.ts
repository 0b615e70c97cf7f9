import { loadGrid } from '@/domain/grid/load-grid';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';

export type ResolvedGrids = { grids: LoadedGrid[]; broken: string[] };

/** Re-validates the grid copies a diagnostic carries; a copy that no longer loads is reported. */
export function resolveGrids(diagnostic: Diagnostic): ResolvedGrids {
  const grids: LoadedGrid[] = [];
  const broken: string[] = [];
  for (const snapshot of diagnostic.grids) {
    const result = loadGrid(snapshot.grid);
    if (result.ok) {
      // The hash stays lazy (computed when read): answering never needs it.
      grids.push({
        grid: result.grid,
        source: snapshot.grid,
        get hash() {
          return result.hash;
        },
      });
    } else broken.push(snapshot.id);
  }
  return { grids, broken };
}
