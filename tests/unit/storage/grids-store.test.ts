import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '@/storage/db';
import {
  addCustomGrid,
  clearGridMemory,
  customGridKey,
  deleteCustomGrid,
  listCustomGrids,
} from '@/storage/grids-store';

const minimal = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/grids/minimal.json'), 'utf8'),
) as Record<string, unknown>;

async function wipe(): Promise<void> {
  const db = await openDatabase();
  await db.clear('grids');
}

describe('grids store', () => {
  beforeEach(async () => {
    clearGridMemory();
    await wipe();
  });
  afterAll(async () => {
    await closeDatabase();
  });

  it.each([
    [{ id: 'a', version: '1.0.0' }, 'a@1.0.0'],
    [{ id: 'my-grid', version: '10.2.0' }, 'my-grid@10.2.0'],
  ])('customGridKey(%j) is %s', (grid, key) => {
    expect(customGridKey(grid)).toBe(key);
  });

  it('stores a valid grid under id@version and reads it back validated', async () => {
    const added = await addCustomGrid(minimal, '2025-01-02T00:00:00.000Z', 'minimal.json');
    expect(added.ok && added.grid.key).toBe('test-minimal@1.0.0');
    const listed = await listCustomGrids();
    expect(listed.ok).toBe(true);
    expect(listed.grids.map((g) => [g.key, g.grid.title.fr, g.fileName])).toEqual([
      ['test-minimal@1.0.0', 'Grille de test', 'minimal.json'],
    ]);
    expect(listed.grids[0]?.source).toEqual(minimal);
    expect(listed.grids[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses the same id and version a second time, keeping the first', async () => {
    await addCustomGrid(minimal, '2025-01-02T00:00:00.000Z');
    const changed = { ...minimal, title: { fr: 'Autre titre' } };
    expect(await addCustomGrid(changed, '2025-01-03T00:00:00.000Z')).toEqual({
      ok: false,
      reason: 'exists',
      key: 'test-minimal@1.0.0',
    });
    const listed = await listCustomGrids();
    expect(listed.grids.map((g) => g.grid.title.fr)).toEqual(['Grille de test']);
  });

  it('keeps two versions of one grid apart, oldest version first', async () => {
    await addCustomGrid({ ...minimal, version: '1.10.0' }, '2025-01-01T00:00:00.000Z');
    await addCustomGrid(minimal, '2025-01-02T00:00:00.000Z');
    await addCustomGrid({ ...minimal, version: '1.9.0' }, '2025-01-03T00:00:00.000Z');
    const listed = await listCustomGrids();
    expect(listed.grids.map((g) => g.key)).toEqual([
      'test-minimal@1.0.0',
      'test-minimal@1.9.0',
      'test-minimal@1.10.0',
    ]);
  });

  it('refuses an invalid grid and stores nothing', async () => {
    const result = await addCustomGrid({ ...minimal, revers: true }, '2025-01-02T00:00:00.000Z');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason === 'invalid' && result.errors.map((e) => e.code)).toEqual([
      'unknown_key',
    ]);
    expect((await listCustomGrids()).grids).toEqual([]);
  });

  it('sets aside a stored record that no longer loads, without deleting it', async () => {
    const db = await openDatabase();
    await db.put(
      'grids',
      { format: 'qvt-numerique/custom-grid', source: { id: 'x' }, addedAt: '' },
      'x@1.0.0',
    );
    await db.put('grids', 'garbage', 'y@1.0.0');
    await addCustomGrid(minimal, '2025-01-02T00:00:00.000Z');
    const listed = await listCustomGrids();
    expect(listed.grids.map((g) => g.key)).toEqual(['test-minimal@1.0.0']);
    expect(listed.rejected.map((r) => r.key).sort()).toEqual(['x@1.0.0', 'y@1.0.0']);
    expect(await db.count('grids')).toBe(3);
  });

  it('sets aside a record stored under a key that does not match its grid', async () => {
    const db = await openDatabase();
    await db.put(
      'grids',
      { format: 'qvt-numerique/custom-grid', source: minimal, addedAt: '' },
      'test-minimal@9.9.9',
    );
    const listed = await listCustomGrids();
    expect(listed.grids).toEqual([]);
    expect(listed.rejected.map((r) => r.key)).toEqual(['test-minimal@9.9.9']);
  });

  it('deletes a grid', async () => {
    await addCustomGrid(minimal, '2025-01-02T00:00:00.000Z');
    expect(await deleteCustomGrid('test-minimal@1.0.0')).toEqual({ ok: true });
    expect((await listCustomGrids()).grids).toEqual([]);
  });
});
