import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Everything the app keeps on the device lives in this one IndexedDB database. */
export const DB_NAME = 'qvt-numerique';
const DB_VERSION = 1;

export interface QvtDb extends DBSchema {
  /** One record per diagnostic, the whole diagnostic as the domain defines it. */
  diagnostics: { key: string; value: unknown };
  /** Custom grids loaded by the user, keyed `<id>@<version>`. */
  grids: { key: string; value: unknown };
}

let dbPromise: Promise<IDBPDatabase<QvtDb>> | null = null;

/** Opens (once) the database; rejects when IndexedDB is missing or blocked. */
export function openDatabase(): Promise<IDBPDatabase<QvtDb>> {
  if (!dbPromise) {
    dbPromise = (async () => {
      if (typeof indexedDB === 'undefined') throw new Error('indexedDB unavailable');
      return openDB<QvtDb>(DB_NAME, DB_VERSION, {
        upgrade(db) {
          if (!db.objectStoreNames.contains('diagnostics')) db.createObjectStore('diagnostics');
          if (!db.objectStoreNames.contains('grids')) db.createObjectStore('grids');
        },
      });
    })();
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

/** Closes and forgets the connection (tests, and before deleting everything). */
export async function closeDatabase(): Promise<void> {
  if (!dbPromise) return;
  try {
    (await dbPromise).close();
  } catch {
    // a database that never opened has nothing to close
  }
  dbPromise = null;
}
