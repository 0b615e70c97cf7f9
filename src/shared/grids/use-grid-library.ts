import { useCallback, useEffect, useState } from 'react';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { compareSemver } from '@/domain/grid/semver';
import {
  BUNDLED_GRID_VERSIONS,
  loadBundledGrid,
  loadBundledGrids,
} from '@/grid-library/bundled-grids';
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

const bundledEntry = (loaded: LoadedGrid): LibraryGrid => ({
  kind: 'bundled',
  key: loaded.grid.id,
  loaded,
});
const customEntry = (grid: CustomGrid): LibraryGrid => ({
  kind: 'custom',
  key: grid.key,
  loaded: grid,
  custom: grid,
});

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
    bundled: bundled.map(bundledEntry),
    custom: custom.grids.map(customEntry),
    rejected: custom.rejected,
    storage: custom.ok ? null : custom.failure,
  };
}

/**
 * The grids of the library that may be newer editions of `current` (same id, higher version):
 * the bundled ones whose version, known without downloading them, is higher, and every custom
 * grid (stored on this device, read from storage). The results page asks this on every visit;
 * the bundled grids themselves (some 90 KB gzip and their checks) come only when one is newer.
 */
export async function readNewerGrids(
  current: readonly { id: string; version: string }[],
): Promise<LibraryGrid[]> {
  const newerBundled = current.filter(({ id, version }) => {
    const bundled = Object.hasOwn(BUNDLED_GRID_VERSIONS, id)
      ? BUNDLED_GRID_VERSIONS[id]
      : undefined;
    return bundled !== undefined && compareSemver(bundled.version, version) > 0;
  });
  const [bundled, custom] = await Promise.all([
    Promise.all(newerBundled.map(({ id }) => loadBundledGrid(id).catch(() => null))),
    listCustomGrids(),
  ]);
  return [
    ...bundled.filter((loaded): loaded is LoadedGrid => loaded !== null).map(bundledEntry),
    ...custom.grids.map(customEntry),
  ];
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
