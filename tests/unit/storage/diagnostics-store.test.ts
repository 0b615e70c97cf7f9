import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { closeDatabase, openDatabase } from '@/storage/db';
import {
  clearMemory,
  deleteDiagnostic,
  getDiagnostic,
  listDiagnostics,
  saveDiagnostic,
} from '@/storage/diagnostics-store';
import { RESPONDENTS_PER_CHUNK } from '@/storage/respondent-chunks';
import { diagnosticWith } from '../../fixtures/stored-diagnostics';

const N = RESPONDENTS_PER_CHUNK;
const LATER = '2025-03-02T10:00:00.000Z';

/** What the two stores hold, as IndexedDB gives it back. */
async function stored() {
  const db = await openDatabase();
  return {
    heads: new Map((await db.getAllKeys('diagnostics')).map((k) => [k, true])),
    chunkKeys: await db.getAllKeys('respondentChunks'),
    head: (id: string) => db.get('diagnostics', id),
  };
}

/** A diagnostic IndexedDB cannot store: respondent `at` holds a function (DataCloneError). */
function uncloneable(diagnostic: Diagnostic, at: number): Diagnostic {
  const respondents = [...diagnostic.respondents];
  respondents[at] = { ...respondents[at]!, pseudonym: (() => 'x') as unknown as string };
  return { ...diagnostic, respondents, updatedAt: LATER };
}

/** Reads from the device only (not the copy kept in memory after a failed save). */
async function readBack(id: string) {
  clearMemory();
  return getDiagnostic(id);
}

describe('diagnostics store', () => {
  beforeEach(async () => {
    clearMemory();
    const db = await openDatabase();
    await db.clear('diagnostics');
    await db.clear('respondentChunks');
  });
  afterAll(async () => {
    await closeDatabase();
  });

  it('keeps a small diagnostic in one record, respondents included, and reads it back', async () => {
    const diagnostic = diagnosticWith('small', N);
    expect(await saveDiagnostic(diagnostic)).toEqual({ ok: true });
    const { chunkKeys, head } = await stored();
    expect(chunkKeys).toEqual([]);
    expect(((await head('small')) as Diagnostic).respondents).toHaveLength(N);
    expect(await readBack('small')).toEqual({ ok: true, diagnostic });
  });

  it('stores a large diagnostic’s respondents apart, in chunks, and reads it back whole', async () => {
    const diagnostic = diagnosticWith('large', 2 * N + 3);
    expect(await saveDiagnostic(diagnostic)).toEqual({ ok: true });
    const { chunkKeys, head } = await stored();
    expect(chunkKeys).toEqual([
      ['large', 0],
      ['large', 1],
      ['large', 2],
    ]);
    expect(await head('large')).not.toHaveProperty('respondents');
    expect(await readBack('large')).toEqual({ ok: true, diagnostic });
    const list = await listDiagnostics();
    expect(list.ok && list.diagnostics).toEqual([diagnostic]);
    expect(list.rejected).toEqual([]);
  });

  it('lists small and large diagnostics together, newest first', async () => {
    await saveDiagnostic(diagnosticWith('a', 2 * N + 1, '2025-01-01T00:00:00.000Z'));
    await saveDiagnostic(diagnosticWith('b', 3, '2025-02-01T00:00:00.000Z'));
    await saveDiagnostic(diagnosticWith('c', N + 1, '2025-03-01T00:00:00.000Z'));
    const list = await listDiagnostics();
    expect(list.diagnostics.map((d) => [d.id, d.respondents.length])).toEqual([
      ['c', N + 1],
      ['b', 3],
      ['a', 2 * N + 1],
    ]);
  });

  it('removes the chunks a smaller version no longer needs', async () => {
    await saveDiagnostic(diagnosticWith('d', 3 * N));
    await saveDiagnostic(diagnosticWith('d', N + 1, LATER));
    expect((await stored()).chunkKeys).toEqual([
      ['d', 0],
      ['d', 1],
    ]);
    expect(await readBack('d')).toEqual({
      ok: true,
      diagnostic: diagnosticWith('d', N + 1, LATER),
    });
    await saveDiagnostic(diagnosticWith('d', 2));
    expect((await stored()).chunkKeys).toEqual([]);
    expect(await readBack('d')).toEqual({ ok: true, diagnostic: diagnosticWith('d', 2) });
  });

  it('leaves the chunks of other diagnostics alone', async () => {
    await saveDiagnostic(diagnosticWith('d', N + 1));
    await saveDiagnostic(diagnosticWith('d-2', N + 1));
    await saveDiagnostic(diagnosticWith('d', 1));
    await deleteDiagnostic('d');
    expect((await stored()).chunkKeys).toEqual([
      ['d-2', 0],
      ['d-2', 1],
    ]);
  });

  it('reads a large record stored whole by version 1 unchanged', async () => {
    const diagnostic = diagnosticWith('old', 3 * N);
    const db = await openDatabase();
    await db.put('diagnostics', diagnostic, 'old');
    expect(await readBack('old')).toEqual({ ok: true, diagnostic });
    expect((await listDiagnostics()).diagnostics).toEqual([diagnostic]);
    // Saved again, it takes the new layout.
    await saveDiagnostic(diagnostic);
    expect((await stored()).chunkKeys).toHaveLength(3);
    expect(await readBack('old')).toEqual({ ok: true, diagnostic });
  });

  it('sets aside a diagnostic with a missing chunk, saying so, and deletes nothing', async () => {
    await saveDiagnostic(diagnosticWith('gap', 3 * N));
    await saveDiagnostic(diagnosticWith('fine', 1));
    const db = await openDatabase();
    await db.delete('respondentChunks', ['gap', 1]);
    const detail = 'respondents (stored in 3 parts): part 2 missing';
    expect(await readBack('gap')).toEqual({ ok: false, reason: 'invalid', detail });
    const list = await listDiagnostics();
    expect(list.diagnostics.map((d) => d.id)).toEqual(['fine']);
    expect(list.rejected.map((r) => [r.key, r.detail])).toEqual([['gap', detail]]);
    // What could be read is offered for download: the head and the other chunks.
    expect((list.rejected[0]?.raw as { respondents: unknown[] }).respondents).toHaveLength(2 * N);
    const after = await stored();
    expect(after.heads.has('gap')).toBe(true);
    expect(after.chunkKeys).toEqual([
      ['gap', 0],
      ['gap', 2],
    ]);
  });

  it('sets aside a diagnostic whose chunk holds an invalid respondent, with the schema’s words', async () => {
    await saveDiagnostic(diagnosticWith('bad', N + 1));
    const db = await openDatabase();
    await db.put('respondentChunks', [{ id: 'r500', role: 'boss' }], ['bad', 1]);
    const result = await readBack('bad');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason === 'invalid' && result.detail).toMatch(
      /^respondents\.500\.role: /,
    );
  });

  it('describes a bad respondent far into the chunks exactly as parsing the whole record does', async () => {
    const diagnostic = diagnosticWith('far', 3 * N);
    await saveDiagnostic(diagnostic);
    const db = await openDatabase();
    const chunk = (await db.get('respondentChunks', ['far', 2])) as Diagnostic['respondents'];
    // Respondents 1234 and 1400 broken, and the head too, after `respondents` in the schema.
    await db.put(
      'respondentChunks',
      chunk.map((r, i) => (i === 234 ? { ...r, role: 'boss' } : i === 400 ? { ...r, id: 7 } : r)),
      ['far', 2],
    );
    await db.put(
      'diagnostics',
      { ...((await db.get('diagnostics', 'far')) as object), anonymityThreshold: 1 },
      'far',
    );
    const result = await readBack('far');
    const detail =
      'respondents.1234.role: Invalid option: expected one of "management"|"manager"|"employee"|"representative"|"other"; respondents.1400.id: Invalid input: expected string, received number; anonymityThreshold: Too small: expected number to be >=2';
    expect(result).toEqual({ ok: false, reason: 'invalid', detail });
    // The words zod gives for the whole record, respondents in place (as read before the parse in
    // steps).
    const whole = Diagnostic.safeParse({
      ...diagnostic,
      anonymityThreshold: 1,
      respondents: diagnostic.respondents.map((r, i) =>
        i === 1234 ? { ...r, role: 'boss' } : i === 1400 ? { ...r, id: 7 } : r,
      ),
    });
    expect(
      !whole.success &&
        whole.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
    ).toBe(detail);
    const list = await listDiagnostics();
    expect(list.rejected.map((r) => [r.key, r.detail])).toEqual([['far', detail]]);
    expect((list.rejected[0]?.raw as { respondents: unknown[] }).respondents).toHaveLength(3 * N);
    expect((await stored()).chunkKeys).toHaveLength(3);
  });

  it('keeps the previous version when a chunk cannot be written (nothing half-saved)', async () => {
    const previous = diagnosticWith('d', 3 * N);
    await saveDiagnostic(previous);
    // The last chunk fails, after the old chunks were deleted and the head and two chunks put.
    const failing = uncloneable(diagnosticWith('d', 3 * N + 10), 3 * N + 5);
    const result = await saveDiagnostic(failing);
    expect(result).toMatchObject({ ok: false, reason: 'error' });
    // The page keeps the new version for this visit (and offers an export)…
    expect(await getDiagnostic('d')).toEqual({ ok: true, diagnostic: failing });
    // …and the device still holds the previous one, all of it.
    expect(await readBack('d')).toEqual({ ok: true, diagnostic: previous });
    expect((await stored()).chunkKeys).toHaveLength(3);
  });

  it('keeps the previous version when the head of a shrinking save cannot be written', async () => {
    const previous = diagnosticWith('d', 2 * N);
    await saveDiagnostic(previous);
    const failing = {
      ...diagnosticWith('d', 1, LATER),
      sector: Symbol('not storable') as unknown as string,
    };
    expect((await saveDiagnostic(failing)).ok).toBe(false);
    expect(await readBack('d')).toEqual({ ok: true, diagnostic: previous });
    expect((await stored()).chunkKeys).toHaveLength(2);
  });

  it('keeps a newer unsaved version in memory when an older save completes after it failed', async () => {
    const older = diagnosticWith('d', N + 1);
    const newer = uncloneable(diagnosticWith('d', N + 2), 0);
    const first = saveDiagnostic(older);
    const second = saveDiagnostic(newer);
    expect(await first).toEqual({ ok: true });
    expect((await second).ok).toBe(false);
    expect(await getDiagnostic('d')).toEqual({ ok: true, diagnostic: newer });
  });

  it('deletes a diagnostic with its chunks, and a set-aside record with what is left of it', async () => {
    await saveDiagnostic(diagnosticWith('large', 2 * N));
    await saveDiagnostic(diagnosticWith('gap', 2 * N));
    const db = await openDatabase();
    await db.delete('respondentChunks', ['gap', 0]);
    expect(await deleteDiagnostic('large')).toEqual({ ok: true });
    expect(await deleteDiagnostic('gap')).toEqual({ ok: true });
    const after = await stored();
    expect([after.heads.size, after.chunkKeys]).toEqual([0, []]);
    expect(await readBack('large')).toEqual({ ok: false, reason: 'notFound' });
  });
});
