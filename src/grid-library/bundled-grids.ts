/**
 * The grids shipped with the app (`questionnaires/*.json`), loaded on demand in their own chunks
 * so the start page does not carry them, and validated like any other grid.
 */
import { loadGrid } from '@/domain/grid/load-grid';
import type { LoadedGrid } from '@/domain/diagnostic/operations';

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
      const result = loadGrid(source);
      if (!result.ok) {
        console.error(`Bundled grid ${path} is invalid`, result.errors);
        return null;
      }
      const loaded: LoadedGrid = { grid: result.grid, hash: result.hash, source };
      return loaded;
    }),
  ).then((grids) =>
    grids
      .filter((g): g is LoadedGrid => g !== null)
      .sort((a, b) => rank(a.grid.id) - rank(b.grid.id) || a.grid.id.localeCompare(b.grid.id)),
  );
  return cache;
}
