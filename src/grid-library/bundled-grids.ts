/**
 * The grids shipped with the app (`questionnaires/*.json`), loaded on demand in their own chunks
 * so the start page does not carry them, and validated like any other grid.
 */
import { loadGrid } from '@/domain/grid/load-grid';
import { parseValidGridSteps } from '@/domain/grid/grid-rules';
import { gridContentHash } from '@/domain/grid/hash';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { runInSlices } from '@/utils/slices';

const modules: Record<string, () => Promise<unknown>> = import.meta.glob(
  [
    '/questionnaires/*.json',
    '!/questionnaires/*schema*',
    '!/questionnaires/legal-references.json',
    '!/questionnaires/kits.json',
  ],
  {
    import: 'default',
  },
);

/** Display order of the bundled grids: risks and opportunities, uses, skills, social dialogue. */
export const BUNDLED_GRID_ORDER = ['risks-opportunities', 'uses', 'skills', 'social-dialogue'];

let cache: Promise<LoadedGrid[]> | null = null;

/** Time a slice of a grid's check may take before the page gets a turn (input, painting). */
const CHECK_SLICE_MS = 8;

function rank(id: string): number {
  const i = BUNDLED_GRID_ORDER.indexOf(id);
  return i < 0 ? BUNDLED_GRID_ORDER.length : i;
}

/** Every bundled grid, validated; a bundled grid that fails validation is a bug, reported loudly. */
export function loadBundledGrids(): Promise<LoadedGrid[]> {
  if (cache) return cache;
  cache = Promise.all(
    Object.entries(modules).map(async ([path, load]) => {
      const source = await load();
      // Checked in short slices (a grid at once was a task of 20–40 ms on a laptop, as the
      // results page looks for newer versions), with the same schema and rules as `loadGrid`.
      const grid = await runInSlices(parseValidGridSteps(source), { budgetMs: CHECK_SLICE_MS });
      if (!grid) {
        const result = loadGrid(source);
        console.error(`Bundled grid ${path} is invalid`, result.ok ? [] : result.errors);
        return null;
      }
      // The hash is computed when first read, then kept (as `loadGrid` does).
      let hash: string | undefined;
      const loaded: LoadedGrid = {
        grid,
        source,
        get hash() {
          hash ??= gridContentHash(grid);
          return hash;
        },
      };
      return loaded;
    }),
  ).then((grids) =>
    grids
      .filter((g): g is LoadedGrid => g !== null)
      .sort((a, b) => rank(a.grid.id) - rank(b.grid.id) || a.grid.id.localeCompare(b.grid.id)),
  );
  return cache;
}
