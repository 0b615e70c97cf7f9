/**
 * How a diagnostic is laid out in storage (database version 2). A diagnostic with at most
 * RESPONDENTS_PER_CHUNK respondents is one record, as in version 1. A larger one is a head
 * record (everything but `respondents`, plus the marker `respondentChunks`) and its respondents
 * cut into chunks of RESPONDENTS_PER_CHUNK, each a record of its own.
 *
 * Why: IndexedDB copies (structured clone) a record inside the `put` call, on the main thread.
 * A 10,000-respondent diagnostic in one record was one 0.4 s task; written a chunk per request,
 * each chunk's copy is a task of its own (`diagnostic-records.ts`). Pure: no IndexedDB here.
 */
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';

/**
 * Respondents per chunk. Copying one respondent answering 120 items took about 40 µs in the
 * workshop bench (bench/README.md): a 500-respondent chunk is a 20 ms task, well under the
 * 50 ms of a long task even on a slower or busier machine.
 */
export const RESPONDENTS_PER_CHUNK = 500;

/** The head's marker: how many chunks hold the respondents, and how many respondents in all. */
export type ChunkMarker = { count: number; respondents: number };

/** The key of a chunk in the `respondentChunks` store. */
export function chunkKey(diagnosticId: string, index: number): [string, number] {
  return [diagnosticId, index];
}

/** A diagnostic as records: the head (stored under its id) and the chunks, in order. */
export function splitDiagnostic(diagnostic: Diagnostic): {
  head: Record<string, unknown>;
  chunks: Respondent[][];
} {
  const { respondents, ...rest } = diagnostic;
  if (respondents.length <= RESPONDENTS_PER_CHUNK) return { head: diagnostic, chunks: [] };
  const chunks: Respondent[][] = [];
  for (let at = 0; at < respondents.length; at += RESPONDENTS_PER_CHUNK)
    chunks.push(respondents.slice(at, at + RESPONDENTS_PER_CHUNK));
  const respondentChunks: ChunkMarker = { count: chunks.length, respondents: respondents.length };
  return { head: { ...rest, respondentChunks }, chunks };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Above this a marker is not one this app wrote (10 million respondents). */
const MAX_CHUNKS = 20_000;

function isWhole(value: unknown, min: number): value is number {
  return Number.isInteger(value) && (value as number) >= min;
}

function readMarker(head: Record<string, unknown>): ChunkMarker | null {
  const marker = head.respondentChunks;
  if (!isRecord(marker)) return null;
  const { count, respondents } = marker;
  return isWhole(count, 1) && count <= MAX_CHUNKS && isWhole(respondents, 0)
    ? { count, respondents }
    : null;
}

/**
 * How many chunks to read with this stored record: 0 for a record holding its respondents (and
 * for anything that is not a head with a valid marker: `joinDiagnostic` says what is wrong).
 */
export function chunksToRead(head: unknown): number {
  if (!isRecord(head) || !('respondentChunks' in head)) return 0;
  return readMarker(head)?.count ?? 0;
}

export type Joined =
  | { ok: true; record: unknown }
  /** `raw`: what could be read (the head and the chunks found), for the user to keep. */
  | { ok: false; detail: string; raw: unknown };

/**
 * The stored record with its respondents back in place, ready for the diagnostic schema, or why
 * it cannot be put together (a chunk missing or not a list, the count not matching). `chunks`
 * are the values read at `chunkKey(id, 0 … chunksToRead(head) - 1)`, `undefined` when missing.
 * A record without the marker (version 1, or small) is returned as it is.
 */
export function joinDiagnostic(head: unknown, chunks: readonly unknown[]): Joined {
  if (!isRecord(head) || !('respondentChunks' in head)) return { ok: true, record: head };
  const marker = readMarker(head);
  if (!marker) return { ok: false, detail: 'respondentChunks: not a valid marker', raw: head };
  const respondents: unknown[] = [];
  const problems: string[] = [];
  for (let i = 0; i < marker.count; i += 1) {
    const chunk = chunks[i];
    if (Array.isArray(chunk))
      for (const respondent of chunk as unknown[]) respondents.push(respondent);
    else problems.push(`part ${i + 1} ${chunk === undefined ? 'missing' : 'not a list'}`);
  }
  if (problems.length === 0 && respondents.length !== marker.respondents)
    problems.push(`${respondents.length} found, ${marker.respondents} expected`);
  if (problems.length > 0)
    return {
      ok: false,
      detail: `respondents (stored in ${marker.count} parts): ${problems.slice(0, 3).join('; ')}${
        problems.length > 3 ? `; and ${problems.length - 3} more` : ''
      }`,
      raw: { ...head, respondents },
    };
  const record: Record<string, unknown> = { ...head, respondents };
  delete record.respondentChunks;
  return { ok: true, record };
}
