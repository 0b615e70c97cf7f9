import { createDiagnostic } from '@/domain/diagnostic/operations';
import { parseBackup, serializeBackup, buildBackup } from '@/domain/files/backup';
import { loadGrid } from '@/domain/grid/load-grid';
import { closeDatabase, openDatabase } from '@/storage/db';
import { clearMemory, listDiagnostics, saveDiagnostic } from '@/storage/diagnostics-store';
import { addCustomGrid, clearGridMemory, listCustomGrids } from '@/storage/grids-store';
import { backupGrids, deleteAllData, readDeviceData, writeRestore } from '@/storage/device-data';
import { writeJournal } from '@/storage/journal';
import { readPreference, writePreference } from '@/storage/preferences';
import { RESPONDENTS_PER_CHUNK } from '@/storage/respondent-chunks';
import { makeGrid } from '../../fixtures/make-grid';
import { diagnosticWith } from '../../fixtures/stored-diagnostics';

const NOW = '2025-03-01T10:00:00.000Z';
const source = makeGrid();
const loaded = loadGrid(source);
if (!loaded.ok) throw new Error('fixture grid invalid');
const diagnostic = (id: string) =>
  createDiagnostic(
    {
      title: `Diagnostic ${id}`,
      purpose: 'upstream',
      project: { name: 'Outil', kind: 'ai', phase: 'idea' },
      grids: [{ grid: loaded.grid, hash: loaded.hash, source }],
    },
    { id, now: NOW },
  );

/** A localStorage stand-in (Node has none). */
function fakeLocalStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('device data', () => {
  beforeEach(async () => {
    vi.stubGlobal('localStorage', fakeLocalStorage());
    clearMemory();
    clearGridMemory();
    const db = await openDatabase();
    await db.clear('diagnostics');
    await db.clear('respondentChunks');
    await db.clear('grids');
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await closeDatabase();
  });

  it('reads every diagnostic and custom grid, and a backup of them reads back', async () => {
    await saveDiagnostic(diagnostic('d1'));
    await saveDiagnostic(diagnostic('d2'));
    await addCustomGrid(makeGrid({ id: 'custom' }), NOW, 'custom.json');
    const data = await readDeviceData();
    expect(data.diagnostics.map((d) => d.id).sort()).toEqual(['d1', 'd2']);
    expect(data.grids.map((g) => g.key)).toEqual(['custom@1.0.0']);
    expect(data.unreadable).toBe(0);
    const text = serializeBackup(
      buildBackup({
        diagnostics: data.diagnostics,
        grids: backupGrids(data.grids),
        createdAt: NOW,
      }),
    );
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.grids.map((g) => [g.key, g.fileName])).toEqual([
      ['custom@1.0.0', 'custom.json'],
    ]);
  });

  it('counts unreadable records apart (they cannot go into a backup)', async () => {
    const db = await openDatabase();
    await db.put('diagnostics', { broken: true }, 'bad');
    await db.put('grids', { format: 'other' }, 'bad@1.0.0');
    expect((await readDeviceData()).unreadable).toBe(2);
  });

  it('writes a restore into both stores, in a form each store reads back', async () => {
    const parsed = parseBackup(
      serializeBackup(
        buildBackup({
          diagnostics: [diagnostic('d9')],
          grids: [{ source: makeGrid({ id: 'restored' }), addedAt: NOW }],
          createdAt: NOW,
        }),
      ),
    );
    if (!parsed.ok) throw new Error('fixture backup invalid');
    // A journal of unsaved changes, newer than the backup, must not win over the restore.
    writeJournal({ ...diagnostic('d9'), updatedAt: '2099-01-01T00:00:00.000Z', respondents: [] });
    expect(await writeRestore(parsed.backup)).toEqual({ ok: true });
    expect((await listDiagnostics()).diagnostics.map((d) => [d.id, d.updatedAt])).toEqual([
      ['d9', NOW],
    ]);
    expect(localStorage.getItem('qvt:journal:d9')).toBeNull();
    const grids = await listCustomGrids();
    expect([grids.grids.map((g) => g.key), grids.rejected]).toEqual([['restored@1.0.0'], []]);
  });

  it('deletes everything: both stores, the preferences and the journal, other sites’ keys kept', async () => {
    await saveDiagnostic(diagnostic('d1'));
    await addCustomGrid(makeGrid({ id: 'custom' }), NOW);
    writePreference('language', 'en');
    writeJournal(diagnostic('d1'));
    localStorage.setItem('other-app', 'kept');
    expect(await deleteAllData()).toEqual({ ok: true });
    const data = await readDeviceData();
    expect([data.diagnostics, data.grids]).toEqual([[], []]);
    expect(readPreference('language')).toBeNull();
    expect(localStorage.getItem('qvt:journal:d1')).toBeNull();
    expect(localStorage.getItem('other-app')).toBe('kept');
  });

  const N = RESPONDENTS_PER_CHUNK;

  it('backs up a diagnostic stored in chunks like any other, and restores it the same way', async () => {
    const large = diagnosticWith('large', 2 * N + 1);
    await saveDiagnostic(large);
    const data = await readDeviceData();
    expect(data.diagnostics).toEqual([large]);
    const parsed = parseBackup(
      serializeBackup(buildBackup({ diagnostics: data.diagnostics, grids: [], createdAt: NOW })),
    );
    if (!parsed.ok) throw new Error('backup of a large diagnostic unreadable');
    expect(parsed.backup.diagnostics).toEqual([large]);
    // Restored over a smaller version stored in chunks: the chunks it no longer needs go.
    await saveDiagnostic(diagnosticWith('large', 4 * N));
    expect(await writeRestore(parsed.backup)).toEqual({ ok: true });
    const db = await openDatabase();
    expect(await db.getAllKeys('respondentChunks')).toEqual([
      ['large', 0],
      ['large', 1],
      ['large', 2],
    ]);
    expect((await listDiagnostics()).diagnostics).toEqual([large]);
  });

  it('writes nothing of a restore that fails part-way, grids included', async () => {
    const restoredGrid = loadGrid(makeGrid({ id: 'restored' }));
    if (!restoredGrid.ok) throw new Error('fixture grid invalid');
    const before = diagnosticWith('d', 2 * N);
    await saveDiagnostic(before);
    const restored = diagnosticWith('d', 3 * N, '2025-04-01T00:00:00.000Z');
    restored.respondents[2 * N + 1] = {
      ...restored.respondents[2 * N + 1]!,
      pseudonym: (() => 'x') as unknown as string,
    };
    const result = await writeRestore({
      diagnostics: [diagnosticWith('new', N + 1), restored],
      grids: [{ key: 'restored@1.0.0', ...restoredGrid, source: restoredGrid.grid, addedAt: NOW }],
    });
    expect(result.ok).toBe(false);
    clearMemory();
    expect((await listDiagnostics()).diagnostics).toEqual([before]);
    expect((await listCustomGrids()).grids).toEqual([]);
    const db = await openDatabase();
    expect(await db.count('respondentChunks')).toBe(2);
  });

  it('empties the respondents stored apart too, even while another tab keeps the database open', async () => {
    await saveDiagnostic(diagnosticWith('large', 2 * N));
    // Another tab of an older version: it does not close its connection when asked to.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('qvt-numerique');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(await deleteAllData()).toEqual({ ok: true });
    const counts = await Promise.all(
      ['diagnostics', 'respondentChunks', 'grids'].map(
        (name) =>
          new Promise<number>((resolve, reject) => {
            const req = other.transaction(name).objectStore(name).count();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    other.close();
    expect(counts).toEqual([0, 0, 0]);
  });
});
