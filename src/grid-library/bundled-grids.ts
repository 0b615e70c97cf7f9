/**
 * The grids shipped with the app (`questionnaires/*.json`), loaded on demand in their own chunks
 * so the start page does not carry them, and validated like any other grid.
 */
import { loadGrid } from '@/domain/grid/load-grid';
import { parseValidGridSteps } from '@/domain/grid/grid-rules';
import { gridContentHash } from '@/domain/grid/hash';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { runInSlices } from '@/utils/slices';
import bundledGridVersions from 'virtual:bundled-grid-versions';

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

/** Time a slice of a grid's check may take before the page gets a turn (input, painting). */
const CHECK_SLICE_MS = 8;

function rank(id: string): number {
  const i = BUNDLED_GRID_ORDER.indexOf(id);
  return i < 0 ? BUNDLED_GRID_ORDER.length : i;
}

/**
 * Each bundled grid's id → its version and file, known without downloading the grid (a few
 * bytes, made at build from the same files: scripts/vite/grid-versions.ts).
 */
export const BUNDLED_GRID_VERSIONS = bundledGridVersions;

/** Each file read and checked once, whoever asks first. */
const byPath = new Map<string, Promise<LoadedGrid | null>>();

function loadFile(path: string): Promise<LoadedGrid | null> {
  const load = modules[path];
  if (!load) return Promise.resolve(null);
  let pending = byPath.get(path);
  if (!pending) {
    pending = load().then(async (source) => {
      // Checked in short slices (a grid at once was a task of 20–40 ms on a laptop), with the
      // same schema and rules as `loadGrid`.
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
    });
    byPath.set(path, pending);
  }
  return pending;
}

/** Every bundled grid, validated; a bundled grid that fails validation is a bug, reported loudly. */
export async function loadBundledGrids(): Promise<LoadedGrid[]> {
  const grids = await Promise.all(Object.keys(modules).map(loadFile));
  return grids
    .filter((g): g is LoadedGrid => g !== null)
    .sort((a, b) => rank(a.grid.id) - rank(b.grid.id) || a.grid.id.localeCompare(b.grid.id));
}

/** The bundled grid `id`, validated, or null when the app has none (or it is invalid: a bug). */
export function loadBundledGrid(id: string): Promise<LoadedGrid | null> {
  const entry = Object.hasOwn(BUNDLED_GRID_VERSIONS, id) ? BUNDLED_GRID_VERSIONS[id] : undefined;
  return entry ? loadFile(entry.path) : Promise.resolve(null);
}
