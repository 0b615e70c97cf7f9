import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { closeDatabase, DB_NAME, DB_VERSION, openDatabase } from '@/storage/db';
import { clearMemory, listDiagnostics, saveDiagnostic } from '@/storage/diagnostics-store';
import { listCustomGrids } from '@/storage/grids-store';
import { RESPONDENTS_PER_CHUNK } from '@/storage/respondent-chunks';
import { diagnosticWith } from '../../fixtures/stored-diagnostics';
import { makeGrid } from '../../fixtures/make-grid';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('delete blocked'));
  });
}

/** The database as version 1 of the app created and filled it. */
async function createVersion1(records: { diagnostics: Diagnostic[]; grids: [string, unknown][] }) {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('diagnostics');
    open.result.createObjectStore('grids');
  };
  const db = await request(open);
  const tx = db.transaction(['diagnostics', 'grids'], 'readwrite');
  for (const d of records.diagnostics) tx.objectStore('diagnostics').put(d, d.id);
  for (const [key, value] of records.grids) tx.objectStore('grids').put(value, key);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('database', () => {
  beforeEach(async () => {
    clearMemory();
    await closeDatabase();
    await deleteDatabase();
  });
  afterAll(async () => {
    await closeDatabase();
  });

  it('upgrades a version 1 database, keeping its records, which read unchanged', async () => {
    // Version 1 kept every diagnostic whole, a large one too.
    const large = diagnosticWith('large', 2 * RESPONDENTS_PER_CHUNK);
    const small = diagnosticWith('small', 2, '2025-04-01T00:00:00.000Z');
    const grid = makeGrid({ id: 'custom' });
    await createVersion1({
      diagnostics: [large, small],
      grids: [
        [
          'custom@1.0.0',
          { format: 'qvt-numerique/custom-grid', source: grid, addedAt: '2025-01-01' },
        ],
      ],
    });
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['diagnostics', 'grids', 'respondentChunks']);
    const list = await listDiagnostics();
    expect([list.diagnostics, list.rejected]).toEqual([[small, large], []]);
    expect((await listCustomGrids()).grids.map((g) => g.key)).toEqual(['custom@1.0.0']);
    // Saved again, the large one moves its respondents apart.
    await saveDiagnostic(large);
    expect(await db.count('respondentChunks')).toBe(2);
    expect((await listDiagnostics()).diagnostics).toEqual([small, large]);
  });

  it('creates a new database with every store', async () => {
    const db = await openDatabase();
    expect([db.version, [...db.objectStoreNames].sort()]).toEqual([
      DB_VERSION,
      ['diagnostics', 'grids', 'respondentChunks'],
    ]);
  });

  it('lets a newer version of the app (another tab) upgrade rather than wait for this one', async () => {
    await openDatabase();
    const open = indexedDB.open(DB_NAME, DB_VERSION + 1);
    const outcome = await new Promise<string>((resolve) => {
      open.onsuccess = () => {
        open.result.close();
        resolve(`opened version ${open.result.version}`);
      };
      open.onblocked = () => resolve('blocked');
    });
    expect(outcome).toBe(`opened version ${DB_VERSION + 1}`);
  });
});
