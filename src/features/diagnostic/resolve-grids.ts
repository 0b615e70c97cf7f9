import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { parseValidGrid } from '@/domain/grid/grid-rules';
import { gridContentHash } from '@/domain/grid/hash';
import { yieldToEventLoop } from '@/utils/slices';

export type ResolvedGrids = { grids: LoadedGrid[]; broken: string[] };

/**
 * Re-validates the grid copies a diagnostic carries; a copy that no longer loads is reported.
 * Only whether a copy is valid matters here (same schema and rules as `loadGrid`), so the
 * error report and its code stay out of the pages that open a diagnostic.
 */
export function resolveGrids(diagnostic: Diagnostic): ResolvedGrids {
  const resolved: ResolvedGrids = { grids: [], broken: [] };
  for (const snapshot of diagnostic.grids) resolveOne(snapshot, resolved);
  return resolved;
}

/**
 * The same, one grid per task: a page opening a diagnostic stays responsive while its grids
 * are checked (the first check of a page load is the slowest, its code not yet optimised).
 */
export async function resolveGridsInSlices(
  diagnostic: Diagnostic,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<ResolvedGrids> {
  const resolved: ResolvedGrids = { grids: [], broken: [] };
  for (const snapshot of diagnostic.grids) {
    await pause();
    resolveOne(snapshot, resolved);
  }
  return resolved;
}

function resolveOne(snapshot: Diagnostic['grids'][number], { grids, broken }: ResolvedGrids) {
  const grid = parseValidGrid(snapshot.grid);
  if (!grid) {
    broken.push(snapshot.id);
    return;
  }
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
}
