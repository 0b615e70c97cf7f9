import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { parseValidGrid } from '@/domain/grid/grid-rules';
import { gridContentHash } from '@/domain/grid/hash';

export type ResolvedGrids = { grids: LoadedGrid[]; broken: string[] };

/**
 * Re-validates the grid copies a diagnostic carries; a copy that no longer loads is reported.
 * Only whether a copy is valid matters here (same schema and rules as `loadGrid`), so the
 * error report and its code stay out of the pages that open a diagnostic.
 */
export function resolveGrids(diagnostic: Diagnostic): ResolvedGrids {
  const grids: LoadedGrid[] = [];
  const broken: string[] = [];
  for (const snapshot of diagnostic.grids) {
    const grid = parseValidGrid(snapshot.grid);
    if (grid) {
      // The hash is computed when first read, then kept: answering never needs it.
      let hash: string | undefined;
      grids.push({
        grid,
        source: snapshot.grid,
        get hash() {
          hash ??= gridContentHash(grid);
          return hash;
        },
      });
    } else broken.push(snapshot.id);
  }
  return { grids, broken };
}
