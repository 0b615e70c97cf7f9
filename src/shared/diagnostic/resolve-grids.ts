import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import type { Grid } from '@/domain/grid/schema';
import { parseValidGrid, parseValidGridSteps } from '@/domain/grid/grid-rules';
import { gridContentHash } from '@/domain/grid/hash';
import { runInSlices } from '@/utils/slices';

export type ResolvedGrids = { grids: LoadedGrid[]; broken: string[] };

type Snapshot = Diagnostic['grids'][number];

/**
 * Re-validates the grid copies a diagnostic carries; a copy that no longer loads is reported.
 * Only whether a copy is valid matters here (same schema and rules as `loadGrid`), so the
 * error report and its code stay out of the pages that open a diagnostic.
 */
export function resolveGrids(diagnostic: Diagnostic): ResolvedGrids {
  const resolved: ResolvedGrids = { grids: [], broken: [] };
  for (const snapshot of diagnostic.grids)
    addResolved(snapshot, parseValidGrid(snapshot.grid), resolved);
  return resolved;
}

/** Time a slice of the check may take before the page gets a turn (input, painting). */
export const RESOLVE_SLICE_MS = 8;

/**
 * The same, in short slices (a few dimensions at a time, `RESOLVE_SLICE_MS`): a page opening a
 * diagnostic stays responsive while its grids are checked. The first check after a page load
 * is the slowest (nothing compiled yet), hence slices smaller than a grid.
 */
export async function resolveGridsInSlices(
  diagnostic: Diagnostic,
  options: Parameters<typeof runInSlices>[1] = {},
): Promise<ResolvedGrids> {
  function* steps(): Generator<void, ResolvedGrids, void> {
    const resolved: ResolvedGrids = { grids: [], broken: [] };
    for (const snapshot of diagnostic.grids)
      addResolved(snapshot, yield* parseValidGridSteps(snapshot.grid), resolved);
    return resolved;
  }
  const resolved = await runInSlices(steps(), { budgetMs: RESOLVE_SLICE_MS, ...options });
  return resolved ?? { grids: [], broken: diagnostic.grids.map((s) => s.id) };
}

function addResolved(snapshot: Snapshot, grid: Grid | null, { grids, broken }: ResolvedGrids) {
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
