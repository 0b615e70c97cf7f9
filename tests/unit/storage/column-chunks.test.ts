/**
 * A large diagnostic's respondents stored as a column store: what is written, that
 * it reads back whole and unchanged, that records of the previous layout still open (and take
 * the new one when saved again), that a damaged column chunk is set aside with what it held,
 * and that the start page's list reads a summary without the chunks.
 */
import { ROLES } from '@/domain/answers/answers';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { overallProgress, respondentProgress } from '@/domain/diagnostic/operations';
import { closeDatabase, openDatabase } from '@/storage/db';
import {
  clearMemory,
  getDiagnostic,
  listDiagnosticSummaries,
  listDiagnostics,
  saveDiagnostic,
} from '@/storage/diagnostics-store';
import { writeJournal } from '@/storage/journal';
import {
  COLUMNS_LAYOUT,
  RESPONDENTS_PER_CHUNK,
  splitDiagnostic,
} from '@/storage/respondent-chunks';
import { loadGrid } from '@/domain/grid/load-grid';
import { diagnosticWith, NOW, respondent } from '../../fixtures/stored-diagnostics';

const N = RESPONDENTS_PER_CHUNK;
const LATER = '2025-03-02T10:00:00.000Z';

/** A campaign: respondents without comments, as the survey import makes them. */
function campaign(id: string, count: number): Diagnostic {
  const d = diagnosticWith(id, count);
  return { ...d, respondents: d.respondents.map((r) => ({ ...r, comments: {} })) };
}

/** The start page's progress of a diagnostic, as it computes it from the respondents. */
function pageProgress(d: Diagnostic): number {
  const grids = d.grids.map((s) => {
    const loaded = loadGrid(s.grid);
    if (!loaded.ok) throw new Error('grid');
    return loaded.grid;
  });
  const shares = d.respondents.map((r) => overallProgress(respondentProgress(r, grids)));
  return shares.reduce((a, b) => a + b, 0) / shares.length;
}

async function chunk(id: string, index: number) {
  return (await openDatabase()).get('respondentChunks', [id, index]);
}

describe('column chunks', () => {
  beforeEach(async () => {
    clearMemory();
    const db = await openDatabase();
    await db.clear('diagnostics');
    await db.clear('respondentChunks');
  });
  afterAll(async () => {
    await closeDatabase();
  });

  it('stores a campaign’s chunks as typed arrays of codes, and reads it back unchanged', async () => {
    const diagnostic = campaign('c', 2 * N + 3);
    expect(await saveDiagnostic(diagnostic)).toEqual({ ok: true });
    const first = (await chunk('c', 0)) as {
      layout: string;
      columns: { roles: unknown; grids: { codes: unknown[] }[] };
    };
    expect(first.layout).toBe(COLUMNS_LAYOUT);
    expect(first.columns.roles).toBeInstanceOf(Uint8Array);
    expect(first.columns.grids[0]!.codes[0]).toBeInstanceOf(Int8Array);
    expect(first.columns.grids[0]!.codes[0]).toHaveLength(N);
    clearMemory();
    expect(await getDiagnostic('c')).toEqual({ ok: true, diagnostic });
    expect((await listDiagnostics()).diagnostics).toEqual([diagnostic]);
  });

  it('keeps a chunk holding comments as respondents, the others as columns, in order', async () => {
    // Respondents r0, r10, … carry a comment: the chunks holding them stay objects.
    const diagnostic = campaign('mixed', 3 * N);
    diagnostic.respondents[N + 10] = respondent(N + 10);
    await saveDiagnostic(diagnostic);
    expect(Array.isArray(await chunk('mixed', 0))).toBe(false);
    expect(Array.isArray(await chunk('mixed', 1))).toBe(true);
    expect(Array.isArray(await chunk('mixed', 2))).toBe(false);
    clearMemory();
    expect(await getDiagnostic('mixed')).toEqual({ ok: true, diagnostic });
  });

  it('opens a diagnostic stored in the previous layout (lists of respondents), then migrates it when saved', async () => {
    const diagnostic = campaign('old', 2 * N + 1);
    // As the previous version wrote it: a head with a marker without progress, chunks as lists.
    const { head, chunks } = splitDiagnostic(diagnostic);
    const db = await openDatabase();
    await db.put('diagnostics', head, 'old');
    for (const [i, c] of chunks.entries()) await db.put('respondentChunks', c, ['old', i]);
    expect(await getDiagnostic('old')).toEqual({ ok: true, diagnostic });
    // Listed by reading it whole, as before: nothing is missing from the list.
    const listed = await listDiagnosticSummaries();
    expect(listed.summaries).toEqual([{ whole: true, diagnostic }]);
    await saveDiagnostic({ ...diagnostic, updatedAt: LATER });
    expect((await chunk('old', 0)) as { layout: string }).toMatchObject({ layout: 'columns' });
    clearMemory();
    expect(await getDiagnostic('old')).toEqual({
      ok: true,
      diagnostic: { ...diagnostic, updatedAt: LATER },
    });
  });

  it('lists a large diagnostic from its head’s summary: count and progress as the page computes them', async () => {
    const diagnostic = campaign('big', 3 * N);
    // Some answered less: a1 left blank by every third respondent.
    for (const [i, r] of diagnostic.respondents.entries())
      if (i % 3 === 0) delete r.answers['test-grid']!.a1;
    await saveDiagnostic(diagnostic);
    await saveDiagnostic(campaign('small', 2));
    clearMemory();
    const list = await listDiagnosticSummaries();
    expect(list.ok).toBe(true);
    const big = list.summaries.find((s) => s.diagnostic.id === 'big')!;
    expect(big.whole).toBe(false);
    if (big.whole) return;
    expect(big.respondents).toBe(3 * N);
    expect(big.progress).toBe(pageProgress(diagnostic));
    expect(big.progress).toBeLessThan(1);
    // The head alone: no respondent read.
    expect(big.diagnostic.respondents).toEqual([]);
    expect(big.diagnostic.title).toBe(diagnostic.title);
    expect(list.summaries.find((s) => s.diagnostic.id === 'small')).toMatchObject({ whole: true });
  });

  it('lists the journal’s respondents when a newer journal exists', async () => {
    const data = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => data.set(k, v),
      removeItem: (k: string) => data.delete(k),
    });
    const diagnostic = campaign('j', N + 1);
    await saveDiagnostic(diagnostic);
    clearMemory();
    const newer = {
      ...diagnostic,
      respondents: diagnostic.respondents.slice(0, 3),
      updatedAt: LATER,
    };
    writeJournal(newer);
    const list = await listDiagnosticSummaries();
    expect(list.summaries).toEqual([{ whole: true, diagnostic: newer }]);
    vi.unstubAllGlobals();
  });

  it('sets aside a diagnostic whose column chunk is damaged, keeping what the chunk held', async () => {
    await saveDiagnostic(campaign('bad', 2 * N));
    const db = await openDatabase();
    const stored = (await chunk('bad', 1)) as { columns: { roles: Uint8Array } };
    stored.columns.roles[7] = ROLES.length + 3;
    await db.put('respondentChunks', stored, ['bad', 1]);
    clearMemory();
    const detail = `respondents (stored in 2 parts): part 2 columns roles: unknown role ${ROLES.length + 3}`;
    expect(await getDiagnostic('bad')).toEqual({ ok: false, reason: 'invalid', detail });
    const list = await listDiagnostics();
    expect(list.rejected.map((r) => r.detail)).toEqual([detail]);
    const raw = list.rejected[0]!.raw as { respondents: unknown[]; unreadParts: object };
    expect(raw.respondents).toHaveLength(N);
    expect(raw.unreadParts).toEqual({ 2: stored });
    // Nothing deleted.
    expect(await chunk('bad', 1)).toEqual(stored);
  });

  it('writes a save asked after a large one after it, whatever it loads first', async () => {
    const large = campaign('order', N + 5);
    const small = { ...campaign('order', 2), updatedAt: LATER };
    const results = await Promise.all([saveDiagnostic(large), saveDiagnostic(small)]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    clearMemory();
    expect(await getDiagnostic('order')).toEqual({ ok: true, diagnostic: small });
  });

  it('keeps the dates of each respondent', async () => {
    const diagnostic = campaign('dates', N + 2);
    diagnostic.respondents[3] = { ...diagnostic.respondents[3]!, updatedAt: LATER };
    await saveDiagnostic(diagnostic);
    clearMemory();
    const read = await getDiagnostic('dates');
    expect(read.ok && read.diagnostic.respondents[3]!.updatedAt).toBe(LATER);
    expect(read.ok && read.diagnostic.respondents[4]!.updatedAt).toBe(NOW);
  });
});
