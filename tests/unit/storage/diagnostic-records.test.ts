import { closeDatabase, openDatabase } from '@/storage/db';
import { commit, DIAGNOSTIC_STORES } from '@/storage/diagnostic-records';

describe('commit (every write of a diagnostic)', () => {
  beforeEach(async () => {
    const db = await openDatabase();
    await db.clear('diagnostics');
    await db.put('diagnostics', 'before', 'kept');
  });
  afterAll(async () => {
    await closeDatabase();
  });

  async function kept() {
    const db = await openDatabase();
    return [await db.getAllKeys('diagnostics'), await db.get('diagnostics', 'kept')];
  }

  it('resolves once the transaction has committed', async () => {
    const db = await openDatabase();
    const tx = db.transaction(DIAGNOSTIC_STORES, 'readwrite');
    let completed = false;
    tx.done.then(
      () => (completed = true),
      () => undefined,
    );
    await commit(tx, async () => {
      await tx.objectStore('diagnostics').put('after', 'kept');
    });
    expect(completed).toBe(true);
    expect(await kept()).toEqual([['kept'], 'after']);
  });

  it('rolls back and rejects with the error when the work throws', async () => {
    const db = await openDatabase();
    const tx = db.transaction(DIAGNOSTIC_STORES, 'readwrite');
    const thrown = new Error('stop');
    await expect(
      commit(tx, async () => {
        await tx.objectStore('diagnostics').put('after', 'kept');
        await tx.objectStore('diagnostics').put('new', 'other');
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    expect(await kept()).toEqual([['kept'], 'before']);
  });

  it('rolls back and rejects with the request’s error when a request fails', async () => {
    const db = await openDatabase();
    const tx = db.transaction(DIAGNOSTIC_STORES, 'readwrite');
    await expect(
      commit(tx, async () => {
        await tx.objectStore('diagnostics').put('new', 'other');
        // `add` on an existing key fails asynchronously, which aborts the transaction itself.
        await tx.objectStore('diagnostics').add('again', 'kept');
      }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await kept()).toEqual([['kept'], 'before']);
  });
});
