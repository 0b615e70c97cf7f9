import { useCallback, useEffect, useState } from 'react';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { compareSemver } from '@/domain/grid/semver';
import { loadBundledGrids } from '@/grid-library/bundled-grids';
import type { RejectedRecord, StorageFailure } from '@/storage/diagnostics-store';
import { listCustomGrids, type CustomGrid } from '@/storage/grids-store';

/** A grid of the library: bundled with the app (key = id) or added by the user (key = id@version). */
export type LibraryGrid =
  | { kind: 'bundled'; key: string; loaded: LoadedGrid }
  | { kind: 'custom'; key: string; loaded: LoadedGrid; custom: CustomGrid };

export type GridLibrary =
  | { status: 'loading' }
  | {
      status: 'ready';
      bundled: LibraryGrid[];
      custom: LibraryGrid[];
      rejected: RejectedRecord[];
      storage: StorageFailure | null;
      reload: () => void;
    };

/** Bundled and custom grids together: bundled ones first, each in their own order. */
export async function readGridLibrary(): Promise<{
  bundled: LibraryGrid[];
  custom: LibraryGrid[];
  rejected: RejectedRecord[];
  storage: StorageFailure | null;
}> {
  const [bundled, custom] = await Promise.all([
    loadBundledGrids().catch(() => [] as LoadedGrid[]),
    listCustomGrids(),
  ]);
  return {
    bundled: bundled.map((loaded) => ({ kind: 'bundled', key: loaded.grid.id, loaded })),
    custom: custom.grids.map((grid) => ({
      kind: 'custom',
      key: grid.key,
      loaded: grid,
      custom: grid,
    })),
    rejected: custom.rejected,
    storage: custom.ok ? null : custom.failure,
  };
}

/** The grid library, read once and again on `reload()`. */
export function useGridLibrary(): GridLibrary {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Awaited<ReturnType<typeof readGridLibrary>> | null>(null);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let alive = true;
    void readGridLibrary().then((library) => alive && setState(library));
    return () => {
      alive = false;
    };
  }, [version]);
  return state === null ? { status: 'loading' } : { status: 'ready', ...state, reload };
}

/**
 * The newest version of grid `id` in the library that is newer than `version`, or null.
 * Bundled and custom grids count alike.
 */
export function newerVersionOf(
  grids: readonly LibraryGrid[],
  id: string,
  version: string,
): LibraryGrid | null {
  let best: LibraryGrid | null = null;
  for (const candidate of grids) {
    const grid = candidate.loaded.grid;
    if (grid.id !== id || compareSemver(grid.version, version) <= 0) continue;
    if (best === null || compareSemver(grid.version, best.loaded.grid.version) > 0)
      best = candidate;
  }
  return best;
}
