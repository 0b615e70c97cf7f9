import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import {
  chunkKey,
  chunksToRead,
  joinDiagnostic,
  RESPONDENTS_PER_CHUNK,
  splitDiagnostic,
} from '@/storage/respondent-chunks';
import { diagnosticWith } from '../../fixtures/stored-diagnostics';

const N = RESPONDENTS_PER_CHUNK;

describe('respondent chunks (the storage layout of a diagnostic)', () => {
  it.each([0, 1, N])('keeps a diagnostic of %i respondents whole, as version 1 stored it', (n) => {
    const diagnostic = diagnosticWith('d', n);
    const { head, chunks } = splitDiagnostic(diagnostic);
    expect(head).toBe(diagnostic);
    expect(chunks).toEqual([]);
    expect(chunksToRead(head)).toBe(0);
    expect(joinDiagnostic(head, [])).toEqual({ ok: true, record: diagnostic });
  });

  it.each([
    [N + 1, [N, 1]],
    [2 * N, [N, N]],
    [2 * N + 7, [N, N, 7]],
  ])('cuts %i respondents into chunks of %j, in order', (n, sizes) => {
    const diagnostic = diagnosticWith('d', n);
    const { head, chunks } = splitDiagnostic(diagnostic);
    expect(chunks.map((c) => c.length)).toEqual(sizes);
    expect(chunks.flat().map((r) => r.id)).toEqual(diagnostic.respondents.map((r) => r.id));
    expect(head).not.toHaveProperty('respondents');
    expect(head.respondentChunks).toEqual({ count: sizes.length, respondents: n });
    expect(head.title).toBe(diagnostic.title);
    expect(chunksToRead(head)).toBe(sizes.length);
  });

  it('puts a split diagnostic back together, equal to the original and valid', () => {
    const diagnostic = diagnosticWith('d', 2 * N + 3);
    const { head, chunks } = splitDiagnostic(diagnostic);
    // As stored: the records are copies.
    const joined = joinDiagnostic(structuredClone(head), structuredClone(chunks));
    expect(joined).toEqual({ ok: true, record: diagnostic });
    expect(joined.ok && joined.record).not.toHaveProperty('respondentChunks');
    expect(joined.ok && Diagnostic.safeParse(joined.record).success).toBe(true);
  });

  it('says which chunk is missing or not a list, and keeps what it could read', () => {
    const diagnostic = diagnosticWith('d', 3 * N);
    const { head, chunks } = splitDiagnostic(diagnostic);
    const joined = joinDiagnostic(head, [chunks[0], undefined, { not: 'a list' }]);
    expect(joined.ok).toBe(false);
    if (joined.ok) return;
    expect(joined.detail).toBe(
      'respondents (stored in 3 parts): part 2 missing; part 3 not a list',
    );
    expect(joined.raw).toMatchObject({ respondentChunks: { count: 3, respondents: 3 * N } });
    expect((joined.raw as { respondents: unknown[] }).respondents).toEqual(chunks[0]);
  });

  it('names the first three problems and counts the others', () => {
    const diagnostic = diagnosticWith('d', 5 * N);
    const { head, chunks } = splitDiagnostic(diagnostic);
    const joined = joinDiagnostic(head, [chunks[0]]);
    expect(joined).toMatchObject({
      ok: false,
      detail:
        'respondents (stored in 5 parts): part 2 missing; part 3 missing; part 4 missing; and 1 more',
    });
  });

  it('refuses chunks that do not add up to the count the head recorded', () => {
    const { head, chunks } = splitDiagnostic(diagnosticWith('d', N + 10));
    const joined = joinDiagnostic(head, [chunks[0], chunks[1]!.slice(1)]);
    expect(joined).toMatchObject({
      ok: false,
      detail: `respondents (stored in 2 parts): ${N + 9} found, ${N + 10} expected`,
    });
  });

  it.each([
    ['not an object', 3],
    ['no count', { respondents: 3 }],
    ['a count of 0', { count: 0, respondents: 0 }],
    ['a fractional count', { count: 1.5, respondents: 3 }],
    ['a negative total', { count: 1, respondents: -1 }],
  ])('sets aside a head whose marker is %s, reading no chunk', (_what, marker) => {
    const head = { ...diagnosticWith('d', 0), respondentChunks: marker };
    expect(chunksToRead(head)).toBe(0);
    expect(joinDiagnostic(head, [])).toEqual({
      ok: false,
      detail: 'respondentChunks: not a valid marker',
      raw: head,
    });
  });

  it('passes anything without the marker on unchanged, for the schema to judge', () => {
    for (const raw of [null, 'text', [1, 2], { broken: true }]) {
      expect(chunksToRead(raw)).toBe(0);
      expect(joinDiagnostic(raw, [])).toEqual({ ok: true, record: raw });
    }
  });

  it('keys a chunk by diagnostic id and index', () => {
    expect(chunkKey('abc', 2)).toEqual(['abc', 2]);
  });
});
