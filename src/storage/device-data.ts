/**
 * Everything the app keeps on this device, taken as a whole: read it for a backup, write a
 * restore in one go, or delete it all. Never throws: every call returns a result.
 */
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import type { BackupGrid, RestoredGrid } from '@/domain/files/backup';
import { closeDatabase, DB_NAME, openDatabase } from './db';
import { commit, DIAGNOSTIC_STORES, putDiagnosticRecords } from './diagnostic-records';
import {
  clearMemory,
  failure,
  forgetInMemory,
  listDiagnostics,
  type StorageFailure,
} from './diagnostics-store';
import {
  clearGridMemory,
  CUSTOM_GRID_FORMAT,
  listCustomGrids,
  type CustomGrid,
} from './grids-store';
import { clearJournal } from './journal';
import { clearPreferences } from './preferences';

export type DeviceData = {
  diagnostics: Diagnostic[];
  grids: CustomGrid[];
  /** Records that could not be read (set aside by the stores; not in a backup). */
  unreadable: number;
  /** Set when the device refused storage: what is listed is what this visit holds in memory. */
  failure?: StorageFailure;
};

/** Reads every diagnostic and custom grid (including those kept in memory for this visit). */
export async function readDeviceData(): Promise<DeviceData> {
  const [diagnostics, grids] = await Promise.all([listDiagnostics(), listCustomGrids()]);
  const refused = !diagnostics.ok ? diagnostics.failure : !grids.ok ? grids.failure : undefined;
  return {
    diagnostics: diagnostics.diagnostics,
    grids: grids.grids,
    unreadable: diagnostics.rejected.length + grids.rejected.length,
    ...(refused ? { failure: refused } : {}),
  };
}

/** The custom grids as a backup lists them. */
export function backupGrids(grids: CustomGrid[]): BackupGrid[] {
  return grids.map((g) => ({
    source: g.source,
    addedAt: g.addedAt,
    ...(g.fileName === undefined ? {} : { fileName: g.fileName }),
  }));
}

/** Writes restored diagnostics and grids in ONE transaction: all of them, or none. */
export async function writeRestore(writes: {
  diagnostics: Diagnostic[];
  grids: RestoredGrid[];
}): Promise<{ ok: true } | StorageFailure> {
  try {
    const db = await openDatabase();
    const tx = db.transaction([...DIAGNOSTIC_STORES, 'grids'], 'readwrite');
    await commit(tx, async () => {
      const grids = tx.objectStore('grids');
      await Promise.all(
        writes.grids.map((g) =>
          grids.put(
            {
              format: CUSTOM_GRID_FORMAT,
              source: g.source,
              addedAt: g.addedAt,
              ...(g.fileName === undefined ? {} : { fileName: g.fileName }),
            },
            g.key,
          ),
        ),
      );
      for (const d of writes.diagnostics) await putDiagnosticRecords(tx, d);
    });
    // An in-memory copy (kept when a save failed) or a journal of unsaved changes would
    // otherwise win over what was just restored (the safety backup holds them).
    forgetInMemory(writes.diagnostics.map((d) => d.id));
    for (const d of writes.diagnostics) clearJournal(d.id);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Deletes everything the app stored on this device: the IndexedDB database (diagnostics, the
 * respondents of large ones stored apart, custom grids), the copies held in memory, and every
 * `qvt:` key of localStorage (the language and the journal of last changes, `journal.ts`). The
 * stores are emptied first, so the data is gone even when another tab keeps the database open.
 */
export async function deleteAllData(): Promise<{ ok: true } | StorageFailure> {
  clearMemory();
  clearGridMemory();
  clearPreferences();
  let result: { ok: true } | StorageFailure = { ok: true };
  try {
    const db = await openDatabase();
    const tx = db.transaction([...DIAGNOSTIC_STORES, 'grids'], 'readwrite');
    await commit(tx, async () => {
      await Promise.all([
        tx.objectStore('diagnostics').clear(),
        tx.objectStore('respondentChunks').clear(),
        tx.objectStore('grids').clear(),
      ]);
    });
  } catch (error) {
    const why = failure(error);
    // A device that refuses storage has nothing stored: the memory copies are gone already.
    if (why.reason !== 'unavailable') result = why;
  }
  await closeDatabase();
  await new Promise<void>((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => resolve();
      // Another tab holds it open: its stores are already empty.
      request.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
  return result;
}
