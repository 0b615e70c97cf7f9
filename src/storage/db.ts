import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Everything the app keeps on the device lives in this one IndexedDB database. */
export const DB_NAME = 'qvt-numerique';
/**
 * 1: `diagnostics` and `grids`. 2: adds `respondentChunks` (a large diagnostic's respondents
 * stored apart, `respondent-chunks.ts`); version 1 records read unchanged, nothing is migrated.
 */
export const DB_VERSION = 2;

export interface QvtDb extends DBSchema {
  /**
   * One record per diagnostic: the whole diagnostic as the domain defines it, or, for a
   * diagnostic with many respondents, everything but its respondents (`respondent-chunks.ts`).
   */
  diagnostics: { key: string; value: unknown };
  /** Custom grids loaded by the user, keyed `<id>@<version>`. */
  grids: { key: string; value: unknown };
  /** A large diagnostic's respondents, a few hundred a record, keyed `[diagnostic id, index]`. */
  respondentChunks: { key: [string, number]; value: unknown };
}

let dbPromise: Promise<IDBPDatabase<QvtDb>> | null = null;

/** Opens (once) the database; rejects when IndexedDB is missing or blocked. */
export function openDatabase(): Promise<IDBPDatabase<QvtDb>> {
  if (!dbPromise) {
    const opening = (async () => {
      if (typeof indexedDB === 'undefined') throw new Error('indexedDB unavailable');
      return openDB<QvtDb>(DB_NAME, DB_VERSION, {
        // Each store is created when missing: a new database and every older version upgrade
        // the same way, and existing stores and their records are left as they are.
        upgrade(db) {
          if (!db.objectStoreNames.contains('diagnostics')) db.createObjectStore('diagnostics');
          if (!db.objectStoreNames.contains('grids')) db.createObjectStore('grids');
          if (!db.objectStoreNames.contains('respondentChunks'))
            db.createObjectStore('respondentChunks');
        },
        // A newer version of the app, open in another tab, needs to upgrade the database: let
        // it, rather than keep it waiting. The next call here opens the database again.
        blocking(_current, _next, event) {
          (event.target as IDBDatabase).close();
          if (dbPromise === opening) dbPromise = null;
        },
      });
    })();
    dbPromise = opening;
    opening.catch(() => {
      if (dbPromise === opening) dbPromise = null;
    });
  }
  return dbPromise;
}

/** Closes and forgets the connection (tests, and before deleting everything). */
export async function closeDatabase(): Promise<void> {
  if (!dbPromise) return;
  const closing = dbPromise;
  dbPromise = null;
  try {
    (await closing).close();
  } catch {
    // a database that never opened has nothing to close
  }
}
