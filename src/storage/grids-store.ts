/**
 * Custom grids on the device (IndexedDB store `grids`, key `<id>@<version>`). Never throws:
 * every call returns a result. Records are re-validated with `loadGrid` on every read; a record
 * that no longer loads is set aside (listed as rejected), never deleted. When IndexedDB fails the
 * grid stays in memory for this visit and the caller is told.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import type { LoadedGrid } from '@/domain/diagnostic/operations';
import { loadGrid } from '@/domain/grid/load-grid';
import type { GridError } from '@/domain/grid/grid-errors';
import { compareSemver } from '@/domain/grid/semver';
import { openDatabase } from './db';
import type { RejectedRecord, StorageFailure } from './diagnostics-store';

export const CUSTOM_GRID_FORMAT = 'qvt-numerique/custom-grid';

/** What the store keeps: the grid file as the user gave it, and when it was added. */
const StoredGrid = z.object({
  format: z.literal(CUSTOM_GRID_FORMAT),
  source: z.unknown(),
  addedAt: z.string().check(z.maxLength(40)),
  fileName: z.optional(z.string().check(z.maxLength(300))),
});
type StoredGrid = z.infer<typeof StoredGrid>;

/** A custom grid read back from the device: validated, with its key and the file as given. */
export type CustomGrid = LoadedGrid & {
  key: string;
  source: unknown;
  addedAt: string;
  fileName?: string;
};

/** The store key of a grid version, e.g. `my-grid@1.2.0`. */
export function customGridKey(grid: { id: string; version: string }): string {
  return `${grid.id}@${grid.version}`;
}

const memory = new Map<string, StoredGrid>();

function failure(error: unknown): StorageFailure {
  const name = error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return { ok: false, reason: 'quota', detail };
  if (/indexedDB unavailable|InvalidStateError|SecurityError/i.test(`${name} ${detail}`))
    return { ok: false, reason: 'unavailable', detail };
  return { ok: false, reason: 'error', detail };
}

type Read = { ok: true; grid: CustomGrid } | { ok: false; detail: string };

function read(key: string, raw: unknown): Read {
  const record = StoredGrid.safeParse(raw);
  if (!record.success) return { ok: false, detail: 'not a custom grid record' };
  const loaded = loadGrid(record.data.source);
  if (!loaded.ok) {
    return {
      ok: false,
      detail: loaded.errors
        .slice(0, 3)
        .map((e) => `${e.path || '(root)'}: ${e.code}`)
        .join('; '),
    };
  }
  if (customGridKey(loaded.grid) !== key) return { ok: false, detail: `key ${key} does not match` };
  return {
    ok: true,
    grid: {
      key,
      grid: loaded.grid,
      hash: loaded.hash,
      source: record.data.source,
      addedAt: record.data.addedAt,
      fileName: record.data.fileName,
    },
  };
}

function byIdThenVersion(a: CustomGrid, b: CustomGrid): number {
  return a.grid.id.localeCompare(b.grid.id) || compareSemver(a.grid.version, b.grid.version);
}

export type ListGridsResult =
  | { ok: true; grids: CustomGrid[]; rejected: RejectedRecord[] }
  | { ok: false; grids: CustomGrid[]; rejected: RejectedRecord[]; failure: StorageFailure };

/** Every custom grid on the device, by id then version; unreadable records are set aside. */
export async function listCustomGrids(): Promise<ListGridsResult> {
  const fromMemory = (): { grids: CustomGrid[]; rejected: RejectedRecord[] } => {
    const grids: CustomGrid[] = [];
    const rejected: RejectedRecord[] = [];
    for (const [key, raw] of memory) {
      const result = read(key, raw);
      if (result.ok) grids.push(result.grid);
      else rejected.push({ key, detail: result.detail, raw });
    }
    return { grids, rejected };
  };
  try {
    const db = await openDatabase();
    const tx = db.transaction('grids');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    const { grids, rejected } = fromMemory();
    values.forEach((raw, i) => {
      const key = String(keys[i]);
      if (memory.has(key)) return;
      const result = read(key, raw);
      if (result.ok) grids.push(result.grid);
      else rejected.push({ key, detail: result.detail, raw });
    });
    grids.sort(byIdThenVersion);
    return { ok: true, grids, rejected };
  } catch (error) {
    const { grids, rejected } = fromMemory();
    grids.sort(byIdThenVersion);
    return { ok: false, grids, rejected, failure: failure(error) };
  }
}

export type AddGridResult =
  | { ok: true; grid: CustomGrid; persisted: true }
  | { ok: true; grid: CustomGrid; persisted: false; failure: StorageFailure }
  | { ok: false; reason: 'invalid'; errors: GridError[] }
  | { ok: false; reason: 'exists'; key: string }
  | StorageFailure;

/**
 * Stores a grid file (already parsed JSON) under `<id>@<version>` after validating it again.
 * Never overwrites: a grid with the same id and version is refused (`exists`). When the device
 * refuses to store, the grid is kept in memory for this visit (`persisted: false`).
 */
export async function addCustomGrid(
  source: unknown,
  addedAt: string,
  fileName?: string,
): Promise<AddGridResult> {
  const loaded = loadGrid(source);
  if (!loaded.ok) return { ok: false, reason: 'invalid', errors: loaded.errors };
  const key = customGridKey(loaded.grid);
  if (memory.has(key)) return { ok: false, reason: 'exists', key };
  const record: StoredGrid = { format: CUSTOM_GRID_FORMAT, source, addedAt, fileName };
  const grid: CustomGrid = { key, grid: loaded.grid, hash: loaded.hash, source, addedAt, fileName };
  try {
    const db = await openDatabase();
    const tx = db.transaction('grids', 'readwrite');
    if ((await tx.store.getKey(key)) !== undefined) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return { ok: false, reason: 'exists', key };
    }
    await Promise.all([tx.store.add(record, key), tx.done]);
    return { ok: true, grid, persisted: true };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'ConstraintError') {
      return { ok: false, reason: 'exists', key };
    }
    const why = failure(error);
    if (why.reason === 'error') return why;
    memory.set(key, record);
    return { ok: true, grid, persisted: false, failure: why };
  }
}

/** Removes a custom grid from the device (and from memory). */
export async function deleteCustomGrid(key: string): Promise<{ ok: true } | StorageFailure> {
  const inMemory = memory.delete(key);
  try {
    const db = await openDatabase();
    await db.delete('grids', key);
    return { ok: true };
  } catch (error) {
    return inMemory ? { ok: true } : failure(error);
  }
}

/** Forgets the in-memory copies (tests). */
export function clearGridMemory(): void {
  memory.clear();
}
